package io.flowforge.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowforge.local.demo.DemoRuns;
import io.flowforge.testing.Screen;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A new user opens the demo workspace's monitoring page in headless Chromium and, without sending anything,
 * sees the incident's alert card with its cause and the ingest's two months of history with the drop marked.
 */
class BrowserDemoMonitoringIT {
  static final String TOKEN = "browser-demo-monitoring-token";
  static final Duration PATIENCE = Duration.ofSeconds(30);
  static BrowserSession session;

  @BeforeAll
  static void start() throws IOException {
    session = BrowserSession.start(TOKEN);
  }

  @AfterAll
  static void stop() {
    if (session != null) {
      session.close();
    }
  }

  @Test
  void showsTheDemoIncidentAndItsHistory_onFirstStart() {
    String series = DemoRuns.INGEST + " rows:" + DemoRuns.INGEST_TABLE;
    Screen screen = new Screen(session.browser, PATIENCE);

    session.browser.get(session.stack.browserUri().toString());
    session.browser.get(session.stack.baseUri() + "/#/workspaces/" + session.stack.demoWorkspaceId() + "/monitoring");
    screen.heading(1, "Monitoring");
    WebElement card = await(By.cssSelector("article[aria-label='Alert: " + series + "']"));
    assertTrue(
        card.getText().contains("quality rule " + DemoRuns.INGEST_RULE + " pass rate fell"), card.getText());
    screen.button(session.browser, "Show history of " + series).click();
    WebElement chart = await(By.cssSelector("svg[aria-label^='History of " + series + "']"));

    assertTrue(
        chart.getAttribute("aria-label").contains(DemoRuns.DAYS + " points, 1 anomalies"),
        chart.getAttribute("aria-label"));
    assertTrue(!chart.findElements(By.cssSelector("path.history-band")).isEmpty(), "the band is shaded");
    assertEquals(1, chart.findElements(By.cssSelector("circle.history-anomaly")).size(), "the drop is marked");
  }

  private static WebElement await(By selector) {
    return new WebDriverWait(session.browser, PATIENCE)
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(driver -> driver.findElements(selector).stream().findFirst().orElse(null));
  }
}
