package io.flowforge.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;

/**
 * Starts the system's headless Chromium through the system's chromedriver for browser tests. Both paths
 * are given explicitly so Selenium Manager never runs (it would look for and download a driver).
 */
public final class Chromium {
  static final Path BROWSER = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  private Chromium() {}

  /**
   * A new headless browser with a fresh profile in {@code profile}; the caller quits it.
   *
   * @throws IllegalStateException when Chromium or chromedriver is not installed, saying how to install them
   */
  public static WebDriver start(Path profile) {
    requireExecutable(BROWSER);
    requireExecutable(DRIVER);
    System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, DRIVER.toString());
    ChromeOptions options =
        new ChromeOptions()
            .setBinary(BROWSER.toFile())
            // Everything that would make the browser call out of the machine is switched off.
            .addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile.toAbsolutePath());
    // Kept so a failing test can report what the page logged (script errors, refused requests).
    options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
    return new ChromeDriver(service, options);
  }

  private static void requireExecutable(Path path) {
    if (!Files.isExecutable(path)) {
      throw new IllegalStateException(
          path + " is missing; browser tests need Debian's Chromium and its driver: "
              + "apt-get install -y chromium chromium-driver (.ci/run installs them)");
    }
  }
}
