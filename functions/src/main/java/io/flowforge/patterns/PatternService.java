package io.flowforge.patterns;

import io.flowforge.core.Caller;
import io.flowforge.core.FlowForgeException;
import io.flowforge.workspace.WorkspaceService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The pattern library as the API serves it: list, get, recommend, render with parameters; and a workspace's
 * team patterns, checked against the same schema and rules the built-in ones pass before they are stored,
 * rendered with the library's shared macros like any built-in pattern.
 */
public final class PatternService {
  /** Largest team pattern accepted for checking, all files together. */
  public static final int MAX_PATTERN_BYTES = 256 * 1024;
  private static final Pattern PATTERN_ID = Pattern.compile("[a-z][a-z0-9_]{0,39}/[a-z][a-z0-9_]{0,39}");
  private static final Pattern FILE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,39}(\\.[a-z0-9]{1,8}){1,3}");

  private final WorkspaceService workspaces;
  private final PatternLibrary library;
  private final PatternStore store;
  private final Path scratch;
  private final Clock clock;

  /**
   * @param scratch where a team pattern's files are written for the template engine while it renders
   */
  public PatternService(
      WorkspaceService workspaces, PatternLibrary library, PatternStore store, Path scratch, Clock clock) {
    this.workspaces = workspaces;
    this.library = library;
    this.store = store;
    this.scratch = scratch;
    this.clock = clock;
  }

  /** Body of a render: the pattern's parameters by name. */
  public record RenderRequest(Map<String, Object> parameters) {}

  /** Body of a recommendation: what the table is for, optionally one category, how many answers. */
  public record RecommendRequest(String need, String category, Integer limit) {}

  /** Body of a team pattern check: the pattern's id and its files by name. */
  public record CheckRequest(String id, Map<String, String> files) {}

  /** A pattern as listed. */
  public record Summary(String id, int version, String name, String category, String description, List<String> tags) {}

  /**
   * A recommended pattern.
   *
   * @param score 0..1: share of the need's words the pattern's description, use and tags mention
   * @param matched the words of the need that matched
   */
  public record Recommendation(String id, String name, double score, List<String> matched, String whenToUse) {}

  /** What a team pattern that passed every check declares. */
  public record CheckedPattern(String id, int version, String name, List<String> artifacts, List<String> parameters) {}

  public List<Summary> list() {
    return library.list().stream()
        .map(p -> new Summary(p.id(), p.version(), p.name(), p.category(), p.description(), p.tags()))
        .toList();
  }

  public PatternDefinition get(String id) {
    return library.get(requireId(id));
  }

  public RenderedPattern render(String id, Map<String, Object> parameters) {
    return library.render(requireId(id), parameters == null ? Map.of() : parameters);
  }

  /**
   * Patterns whose description, when-to-use and tags mention the words of {@code need} ("track history of
   * product changes"), best first; at most {@code limit}, only patterns matching at least one word.
   */
  public List<Recommendation> recommend(String need, String category, int limit) {
    if (need == null || need.isBlank()) {
      throw FlowForgeException.invalid("/need", "Describe what the table is for, such as 'keep the history of customer changes'.");
    }
    if (need.length() > 500) {
      throw FlowForgeException.invalid("/need", "The need is " + need.length() + " characters long; use at most 500.");
    }
    return PatternRecommender.recommend(library, need, category, limit);
  }

  /**
   * Checks a team pattern ({@code pattern.yaml} and its templates, keyed by file name) with the library's
   * schema and rules. A broken file is reported with its name, the line and the rule it breaks.
   */
  public CheckedPattern check(Caller caller, String workspaceId, String id, Map<String, String> files) {
    workspaces.requireMember(caller, workspaceId);
    requireId(id);
    if (files == null || !files.containsKey("pattern.yaml")) {
      throw FlowForgeException.invalid("/files", "Send the pattern's files by name, at least 'pattern.yaml'.");
    }
    long bytes = 0;
    for (Map.Entry<String, String> file : files.entrySet()) {
      if (!FILE_NAME.matcher(file.getKey()).matches()) {
        throw FlowForgeException.invalid(
            "/files", "File name '" + printable(file.getKey()) + "' is not allowed; use names such as ddl.sql.j2"
                + " (lower-case letters, digits, underscores and dots, no folders).");
      }
      if (file.getValue() == null) {
        throw FlowForgeException.invalid("/files", "File '" + file.getKey() + "' has no content; send its text.");
      }
      bytes += file.getValue().getBytes(StandardCharsets.UTF_8).length;
    }
    if (bytes > MAX_PATTERN_BYTES) {
      throw FlowForgeException.invalid("/files", "The pattern's files hold " + bytes + " bytes; send at most " + MAX_PATTERN_BYTES + ".");
    }
    PatternDefinition definition = PatternLoader.load("pattern.yaml", id, files.get("pattern.yaml"));
    PatternLibrary.checkTemplates(definition, "pattern.yaml", files::containsKey);
    if (library.list().stream().anyMatch(p -> p.id().equals(definition.id()))) {
      throw new InvalidPatternException("pattern.yaml", 1, "id-unique",
          "id '" + definition.id() + "' is a built-in pattern; choose another category or name.");
    }
    return new CheckedPattern(definition.id(), definition.version(), definition.name(), definition.artifacts(),
        definition.parameters().stream().map(PatternDefinition.ParameterSpec::name).toList());
  }

  /** Checks a team pattern like {@link #check} and stores it in the workspace, replacing one with its id. */
  public CheckedPattern upload(Caller caller, String workspaceId, String id, Map<String, String> files) {
    CheckedPattern checked = check(caller, workspaceId, id, files);
    store.save(new TeamPattern(workspaceId, checked.id(), checked.version(), checked.name(), files,
        clock.instant().truncatedTo(ChronoUnit.MILLIS)));
    return checked;
  }

  /** The workspace's team patterns, by id. */
  public List<Summary> listTeam(Caller caller, String workspaceId) {
    workspaces.requireMember(caller, workspaceId);
    return store.list(workspaceId).stream()
        .map(p -> new Summary(p.id(), p.version(), p.name(), p.id().substring(0, p.id().indexOf('/')), null, List.of()))
        .toList();
  }

  /**
   * Renders a pattern for a workspace: one of its team patterns when it has one with this id, else the
   * built-in one.
   */
  public RenderedPattern renderInWorkspace(
      Caller caller, String workspaceId, String id, Map<String, Object> parameters) {
    workspaces.requireMember(caller, workspaceId);
    TeamPattern team = store.find(workspaceId, requireId(id)).orElse(null);
    if (team == null) {
      return render(id, parameters);
    }
    Path folder = writeToScratch(team);
    try {
      return library.withCustomFolder(folder).render(id, parameters == null ? Map.of() : parameters);
    } finally {
      delete(folder);
    }
  }

  /** The pattern's files under {@code <scratch>/<random>/<category>/<name>/}, the layout the library loads. */
  private Path writeToScratch(TeamPattern pattern) {
    try {
      Files.createDirectories(scratch);
      Path root = Files.createTempDirectory(scratch, "team-pattern-");
      Path folder = Files.createDirectories(root.resolve(pattern.id()));
      for (Map.Entry<String, String> file : pattern.files().entrySet()) {
        // Names were checked against FILE_NAME before storing: no separators, so no way out of the folder.
        Files.writeString(folder.resolve(file.getKey()), file.getValue());
      }
      return root;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String requireId(String id) {
    if (id == null || !PATTERN_ID.matcher(id).matches()) {
      throw FlowForgeException.invalid(
          "/id", "Pattern id '" + printable(id) + "' is malformed; ids look like kimball/scd2 (category/name).");
    }
    return id;
  }

  private static String printable(String value) {
    if (value == null) {
      return "";
    }
    String clean = value.replaceAll("[^A-Za-z0-9_./ -]", "?");
    return clean.length() > 60 ? clean.substring(0, 60) + "…" : clean;
  }
}
