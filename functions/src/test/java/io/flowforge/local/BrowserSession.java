package io.flowforge.local;

import io.flowforge.testing.Chromium;
import io.flowforge.wiring.Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.openqa.selenium.WebDriver;

/**
 * What every browser test needs: a local stack on a free port with the demo workspace, an API client for
 * it, and a headless Chromium with a fresh profile in a scratch folder. Closing it quits the browser, stops
 * the stack and removes the folder.
 */
final class BrowserSession implements AutoCloseable {
  final Path scratch;
  final LocalStack stack;
  final LocalApi api;
  final WebDriver browser;

  private BrowserSession(Path scratch, LocalStack stack, WebDriver browser) {
    this.scratch = scratch;
    this.stack = stack;
    this.api = new LocalApi(stack.baseUri(), stack.devToken());
    this.browser = browser;
  }

  static BrowserSession start(String token) throws IOException {
    Path scratch = Files.createTempDirectory("flowforge-browser-");
    LocalStack stack = LocalStack.start(0, Optional.empty(), Settings.local(Optional.of(token)));
    try {
      return new BrowserSession(scratch, stack, Chromium.start(scratch.resolve("profile")));
    } catch (RuntimeException e) {
      stack.close();
      throw e;
    }
  }

  @Override
  public void close() {
    try {
      browser.quit();
    } finally {
      stack.close();
      deleteTree(scratch);
    }
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
