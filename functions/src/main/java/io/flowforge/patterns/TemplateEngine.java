package io.flowforge.patterns;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.RenderResult;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.lib.filter.Filter;
import com.hubspot.jinjava.loader.ResourceLocator;
import com.hubspot.jinjava.loader.ResourceNotFoundException;
import io.flowforge.core.FlowForgeException;
import io.flowforge.core.ProblemType;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Jinjava configured as a sandbox for pattern templates. Values are never re-interpreted (a column called
 * {@code {{ 7*7 }}} stays text), output is capped, a render has a deadline, and {@code import}/{@code include}
 * resolve only inside the pattern library. Filters {@code q}, {@code qt}, {@code qjoin} and {@code lit} are the
 * only way templates emit names and text.
 */
final class TemplateEngine {
  static final long MAX_OUTPUT_CHARS = 2_000_000;
  private static final ExecutorService RENDERERS =
      Executors.newCachedThreadPool(
          runnable -> {
            Thread thread = new Thread(runnable, "flowforge-template-render");
            thread.setDaemon(true);
            return thread;
          });

  private final Jinjava jinjava;
  private final Duration timeout;

  /**
   * @param library reads a library-relative path (such as {@code _macros/sql.j2}); returns null when absent
   */
  TemplateEngine(Function<String, String> library, Duration timeout) {
    this.timeout = timeout;
    JinjavaConfig config =
        JinjavaConfig.newBuilder()
            .withNestedInterpretationEnabled(false)
            .withMaxOutputSize(MAX_OUTPUT_CHARS)
            .withMaxStringLength(MAX_OUTPUT_CHARS)
            .withMaxListSize(10_000)
            .withMaxMapSize(10_000)
            .withRangeLimit(10_000)
            .withEnableRecursiveMacroCalls(false)
            .withTrimBlocks(true)
            .withDisabled(Map.of(Context.Library.TAG, Set.of("extends", "block")))
            .build();
    this.jinjava = new Jinjava(config);
    jinjava.setResourceLocator(new LibraryLocator(library));
    Context globals = jinjava.getGlobalContext();
    globals.registerFilter(new NamedFilter("q", (value, args) -> Identifiers.quote(String.valueOf(value))));
    globals.registerFilter(new NamedFilter("qt", (value, args) -> Identifiers.quoteTable(String.valueOf(value))));
    globals.registerFilter(new NamedFilter("lit", (value, args) -> Identifiers.literal(String.valueOf(value))));
    globals.registerFilter(new NamedFilter("qjoin", TemplateEngine::quoteJoin));
    globals.registerFunction(
        new com.hubspot.jinjava.lib.fn.ELFunctionDefinition("", "fail", TemplateEngine.class, "fail", String.class));
    globals.registerFilter(
        new NamedFilter(
            "tname",
            (value, args) -> {
              String[] parts = Identifiers.splitTable(String.valueOf(value));
              return parts[parts.length - 1];
            }));
  }

  /** Renders {@code template} (read from {@code file}) with {@code context}; errors name the file and line. */
  String render(String file, String template, Map<String, Object> context) {
    Future<RenderResult> future = RENDERERS.submit(() -> jinjava.renderForResult(template, context));
    RenderResult result;
    try {
      result = future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new FlowForgeException(
          ProblemType.UNPROCESSABLE,
          "Rendering " + file + " took longer than " + timeout.toMillis() + " ms and was stopped; simplify the"
              + " template or its inputs.");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof FlowForgeException flowForge) {
        throw flowForge;
      }
      throw new InvalidPatternException(file, 0, "template-render", "rendering failed: " + e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FlowForgeException(ProblemType.UNAVAILABLE, "Rendering " + file + " was interrupted; retry.");
    }
    for (TemplateError error : result.getErrors()) {
      if (error.getSeverity() == TemplateError.ErrorType.FATAL) {
        if (error.getException() instanceof FlowForgeException flowForge) {
          throw flowForge;
        }
        Throwable cause = error.getException();
        while (cause != null) {
          if (cause instanceof FlowForgeException flowForge) {
            throw flowForge;
          }
          cause = cause.getCause();
        }
        throw new InvalidPatternException(
            file,
            error.getLineno(),
            "template-" + error.getReason().name().toLowerCase(java.util.Locale.ROOT),
            error.getMessage());
      }
    }
    return result.getOutput();
  }

  /**
   * {@code {{ fail('…') }}}: lets a template refuse parameters whose combination is wrong (a driving key that
   * is not one of the hubs) with a message for the user, instead of rendering wrong SQL.
   */
  public static String fail(String detail) {
    throw FlowForgeException.invalid(null, detail);
  }

  private static Object quoteJoin(Object value, String[] args) {
    String prefix = args.length > 0 ? args[0] : "";
    List<String> parts = new ArrayList<>();
    if (value instanceof Iterable<?> items) {
      for (Object item : items) {
        Object name = item instanceof Map<?, ?> column ? column.get("name") : item;
        parts.add(prefix + Identifiers.quote(String.valueOf(name)));
      }
    } else if (value != null) {
      parts.add(prefix + Identifiers.quote(String.valueOf(value)));
    }
    return String.join(", ", parts);
  }

  /** Resolves imports only against the pattern library; paths leaving it are refused. */
  private record LibraryLocator(Function<String, String> library) implements ResourceLocator {
    @Override
    public String getString(String fullName, Charset encoding, JinjavaInterpreter interpreter)
        throws ResourceNotFoundException {
      String name = fullName.replace('\\', '/');
      if (name.startsWith("/") || name.contains("..") || name.contains(":") || !name.endsWith(".j2")) {
        throw new ResourceNotFoundException(
            "'" + fullName + "' is outside the pattern library; import library macros such as _macros/sql.j2");
      }
      String text = library.apply(name);
      if (text == null) {
        throw new ResourceNotFoundException("'" + fullName + "' is not in the pattern library");
      }
      return text;
    }
  }

  private record NamedFilter(String name, java.util.function.BiFunction<Object, String[], Object> body)
      implements Filter {
    @Override
    public String getName() {
      return name;
    }

    @Override
    public Object filter(Object var, JinjavaInterpreter interpreter, String... args) {
      return body.apply(var, args);
    }
  }
}
