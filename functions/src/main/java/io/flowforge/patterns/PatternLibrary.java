package io.flowforge.patterns;

import io.flowforge.core.FlowForgeException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The pattern library: built-in patterns shipped under {@code patterns/} on the classpath plus, optionally, a
 * team's own folder laid out the same way ({@code <category>/<name>/pattern.yaml} and templates). Custom
 * patterns are validated exactly like built-in ones and may import the library's shared macros.
 */
public final class PatternLibrary {
  private static final String ROOT = "patterns";
  private static final String UC_MARKER = "-- @unity-catalog";
  private static final Duration RENDER_TIMEOUT = Duration.ofSeconds(10);
  private static final Pattern BLANK_RUNS = Pattern.compile("\\n{3,}");
  private static volatile PatternLibrary builtIn;

  private final Map<String, PatternDefinition> patterns;
  private final Map<String, Path> customRoots;
  private final TemplateEngine engine;

  private PatternLibrary(Map<String, PatternDefinition> patterns, Map<String, Path> customRoots) {
    this.patterns = patterns;
    this.customRoots = customRoots;
    this.engine = new TemplateEngine(this::readLibraryFile, RENDER_TIMEOUT);
  }

  /** The patterns that ship with FlowForge, loaded once. */
  public static PatternLibrary builtIn() {
    if (builtIn == null) {
      synchronized (PatternLibrary.class) {
        if (builtIn == null) {
          builtIn = new PatternLibrary(loadBuiltIn(), Map.of());
        }
      }
    }
    return builtIn;
  }

  /** This library plus the patterns found under {@code folder}; a bad file fails the whole load. */
  public PatternLibrary withCustomFolder(Path folder) {
    Map<String, PatternDefinition> merged = new TreeMap<>(patterns);
    Map<String, Path> roots = new LinkedHashMap<>(customRoots);
    for (Path file : patternFiles(folder)) {
      String relativeFolder = folder.relativize(file.getParent()).toString().replace('\\', '/');
      PatternDefinition definition = PatternLoader.load(file.toString(), relativeFolder, read(file));
      checkTemplates(definition, file.toString(), name -> Files.exists(file.getParent().resolve(name)));
      merged.put(definition.id(), definition);
      roots.put(definition.id(), folder);
    }
    return new PatternLibrary(merged, roots);
  }

  public Collection<PatternDefinition> list() {
    return patterns.values();
  }

  public PatternDefinition get(String id) {
    PatternDefinition definition = patterns.get(id);
    if (definition == null) {
      throw new FlowForgeException(
          io.flowforge.core.ProblemType.NOT_FOUND,
          "Pattern '" + id + "' does not exist; known patterns are " + patterns.keySet() + ".");
    }
    return definition;
  }

  /** Renders every artifact of pattern {@code id} with {@code parameters} after validating them. */
  public RenderedPattern render(String id, Map<String, ?> parameters) {
    PatternDefinition definition = get(id);
    Map<String, Object> context = new LinkedHashMap<>(ParameterBinder.bind(definition, parameters));
    context.put("pattern", describe(definition));
    context.put("parameter_values", parameterValues(definition, context));
    Object target = context.get("target");
    Map<String, String> files = new LinkedHashMap<>();
    for (String artifact : definition.artifacts()) {
      String templateName = templateName(artifact);
      String templatePath = definition.folder() + "/" + templateName;
      String template = readLibraryFile(templatePath);
      if (template == null && artifact.equals("docs")) {
        templatePath = "_shared/docs.md.j2";
        template = readLibraryFile(templatePath);
      }
      String rendered = engine.render(templatePath, template, context);
      String output = artifact.equals("docs") ? tidy(rendered) : tidySql(rendered);
      String header = header(definition, artifact, target);
      if (artifact.equals("ddl")) {
        int marker = output.indexOf(UC_MARKER);
        if (marker >= 0) {
          String unityOnly = tidySql(output.substring(marker + UC_MARKER.length()));
          output = tidySql(output.substring(0, marker));
          if (!unityOnly.isBlank()) {
            files.put("uc.sql", header(definition, "uc", target) + unityOnly);
          }
        }
      }
      files.put(fileName(artifact), header + output);
    }
    return new RenderedPattern(definition.reference(), target == null ? null : target.toString(), files);
  }

  private static String header(PatternDefinition definition, String artifact, Object target) {
    String text =
        "generated by FlowForge pattern "
            + definition.reference()
            + " · "
            + artifact
            + (target == null ? "" : " · " + target)
            + " · edit the pattern or the model, not this file";
    return artifact.equals("docs") ? "<!-- " + text + " -->\n\n" : "-- " + text + "\n";
  }

  private static Map<String, Object> describe(PatternDefinition definition) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", definition.id());
    out.put("version", definition.version());
    out.put("name", definition.name());
    out.put("description", definition.description());
    out.put("when_to_use", definition.whenToUse());
    List<Map<String, String>> optimizations = new ArrayList<>();
    for (PatternDefinition.Optimization optimization : definition.databricksOptimizations()) {
      optimizations.add(Map.of("feature", optimization.feature(), "reason", optimization.reason()));
    }
    out.put("optimizations", optimizations);
    return out;
  }

  private static List<Map<String, String>> parameterValues(
      PatternDefinition definition, Map<String, Object> context) {
    List<Map<String, String>> out = new ArrayList<>();
    for (PatternDefinition.ParameterSpec spec : definition.parameters()) {
      Object value = context.get(spec.name());
      if (value == null || (value instanceof List<?> list && list.isEmpty()) || Boolean.FALSE.equals(value)) {
        continue;
      }
      out.add(
          Map.of(
              "name", spec.name(),
              "value", markdownCell(value instanceof List<?> list ? summarize(list) : String.valueOf(value)),
              "description", markdownCell(spec.description())));
    }
    return out;
  }

  private static String summarize(List<?> values) {
    List<String> names = new ArrayList<>();
    for (Object value : values) {
      Object name = value;
      if (value instanceof Map<?, ?> map) {
        name = map.containsKey("name") ? map.get("name") : map.values().iterator().next();
      }
      names.add(String.valueOf(name));
    }
    return String.join(", ", names);
  }

  private static String markdownCell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }

  /**
   * Template whitespace is noisy; SQL keeps blank lines only between statements, and a lone terminator joins
   * the line before it, so templates can stay readable and output stays byte-stable.
   */
  private static String tidySql(String text) {
    StringBuilder out = new StringBuilder();
    String previous = "";
    for (String raw : text.split("\n", -1)) {
      String line = raw.stripTrailing();
      if (line.isBlank()) {
        if (previous.endsWith(";")) {
          out.append('\n');
          previous = "";
        }
        continue;
      }
      if (line.strip().equals(";") && out.length() > 0) {
        out.setLength(out.length() - 1);
        out.append(";\n");
        previous = ";";
        continue;
      }
      out.append(line).append('\n');
      previous = line;
    }
    return tidy(out.toString());
  }

  private static String tidy(String text) {
    String trimmedLines = text.lines().map(String::stripTrailing).reduce((a, b) -> a + "\n" + b).orElse("");
    String collapsed = BLANK_RUNS.matcher(trimmedLines).replaceAll("\n\n").strip();
    return collapsed.isEmpty() ? "" : collapsed + "\n";
  }

  static String templateName(String artifact) {
    return artifact.equals("docs") ? "docs.md.j2" : artifact + ".sql.j2";
  }

  private static String fileName(String artifact) {
    return artifact.equals("docs") ? "docs.md" : artifact + ".sql";
  }

  private String readLibraryFile(String relative) {
    for (Path root : customRoots.values()) {
      Path candidate = root.resolve(relative).normalize();
      if (candidate.startsWith(root) && Files.isRegularFile(candidate)) {
        return read(candidate);
      }
    }
    try (InputStream in = PatternLibrary.class.getClassLoader().getResourceAsStream(ROOT + "/" + relative)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void checkTemplates(
      PatternDefinition definition, String file, java.util.function.Predicate<String> exists) {
    for (String artifact : definition.artifacts()) {
      if (!artifact.equals("docs") && !exists.test(templateName(artifact))) {
        throw new InvalidPatternException(
            file,
            0,
            "artifact-template-exists",
            "artifact '" + artifact + "' is listed but " + templateName(artifact) + " is missing beside it.");
      }
    }
  }

  private static Map<String, PatternDefinition> loadBuiltIn() {
    Path root = classpathRoot();
    Map<String, PatternDefinition> loaded = new TreeMap<>();
    for (Path file : patternFiles(root)) {
      String folder = root.relativize(file.getParent()).toString().replace('\\', '/');
      PatternDefinition definition = PatternLoader.load(ROOT + "/" + folder + "/pattern.yaml", folder, read(file));
      checkTemplates(definition, ROOT + "/" + folder + "/pattern.yaml", name -> Files.exists(file.getParent().resolve(name)));
      loaded.put(definition.id(), definition);
    }
    return loaded;
  }

  private static List<Path> patternFiles(Path root) {
    if (!Files.isDirectory(root)) {
      throw FlowForgeException.invalid(null, "Pattern folder " + root + " does not exist or is not a folder.");
    }
    try (Stream<Path> files = Files.walk(root, 3)) {
      return files
          .filter(path -> path.getFileName() != null && path.getFileName().toString().equals("pattern.yaml"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path classpathRoot() {
    URL url = PatternLibrary.class.getClassLoader().getResource(ROOT + "/_schema/pattern.schema.json");
    if (url == null) {
      throw new IllegalStateException("the pattern library is missing from the classpath");
    }
    try {
      URI uri = url.toURI();
      if ("jar".equals(uri.getScheme())) {
        try {
          FileSystems.getFileSystem(uri);
        } catch (FileSystemNotFoundException e) {
          FileSystems.newFileSystem(uri, Map.of());
        }
      }
      return Path.of(uri).getParent().getParent();
    } catch (URISyntaxException | IOException e) {
      throw new IllegalStateException("cannot open the pattern library at " + url, e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
