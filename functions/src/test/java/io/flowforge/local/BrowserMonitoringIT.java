package io.flowforge.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.fasterxml.jackson.databind.JsonNode;
import io.flowforge.api.MonitoringCheckHandler;
import io.flowforge.monitoring.MonitoringService;
import io.flowforge.testing.Chromium;
import io.flowforge.testing.Screen;
import java.io.IOException;
import java.time.Duration;
import org.joda.time.DateTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The monitoring page in headless Chromium on the local stack: after signed reports with a drop and a
 * scheduled check, a person sees the history with its band and the anomaly, reads the alert card and
 * answers it.
 */
class BrowserMonitoringIT {
  static final String TOKEN = "browser-monitoring-token";
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
  void showsTheHistoryAndTheAlert_andMarksItExpectedAndCreatesARule() throws Exception {
    String workspace = session.api.createWorkspace("Monitored");
    String base = "/api/workspaces/" + workspace + "/monitoring";
    String secret = session.api.post(base + "/secret", null).json().get("secret").asText();
    session.api.putJson(base + "/jobs/orders_daily/upstream", "{\"upstream\":[\"ingest_raw\"]}");
    new SignedReports(session.stack.baseUri(), workspace, secret).dailyRunsEndingInADrop();
    ScheduledEvent event = new ScheduledEvent();
    event.setTime(DateTime.now());
    new MonitoringCheckHandler(session.stack.wiring()).handleRequest(event, null);
    Screen screen = new Screen(session.browser, PATIENCE);

    session.browser.get(session.stack.browserUri().toString());
    session.browser.get(session.stack.baseUri() + "/#/workspaces/" + workspace + "/monitoring");
    screen.heading(1, "Monitoring");
    screen.button(session.browser, "Show history of orders_daily rows:silver.orders").click();
    WebElement chart =
        await(By.cssSelector("svg[aria-label^='History of orders_daily rows:silver.orders']"));
    assertTrue(chart.getAttribute("aria-label").contains("1 anomalies"), chart.getAttribute("aria-label"));
    assertTrue(!chart.findElements(By.cssSelector("path.history-band")).isEmpty(), "the band is shaded");
    assertEquals(1, chart.findElements(By.cssSelector("circle.history-anomaly")).size(), "the drop is marked");

    WebElement card = await(By.cssSelector("article[aria-label='Alert: orders_daily rows:silver.orders']"));
    assertTrue(card.getText().contains("Actual\n" + SignedReports.DROPPED_ROWS), card.getText());
    assertTrue(card.getText().contains("quality rule not_null_order_id pass rate fell"), card.getText());
    screen.button(card, "Create exception rule").click();
    screen.status(card, "Exception rule created: rows:silver.orders is not judged on " + today() + ".");
    card = await(By.cssSelector("article[aria-label='Alert: orders_daily rows:silver.orders']"));
    screen.button(card, "Mark as expected").click();
    screen.status(
        await(By.cssSelector("article[aria-label='Alert: orders_daily rows:silver.orders']")),
        "Marked as expected: this point no longer trains the baseline.");

    WebElement jobs = await(By.xpath("//table[caption='Jobs and their upstream jobs']"));
    WebElement row = jobs.findElement(By.xpath(".//tr[th='orders_daily']"));
    assertTrue(row.getText().contains("ingest_raw") && row.getText().contains("succeeded"), row.getText());

    String monitorId = MonitoringService.monitorId("orders_daily", "rows:silver.orders");
    JsonNode series = session.api.get(base + "/monitors/" + monitorId + "/series").json();
    assertEquals("EXPECTED", series.at("/anomalies/0/status").asText());
    assertEquals(1, series.at("/monitor/rules").size());
    assertTrue(series.at("/points").get(series.at("/points").size() - 1).get("markedExpected").asBoolean());
  }

  private static String today() {
    return java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
  }

  private static WebElement await(By selector) {
    return new WebDriverWait(session.browser, PATIENCE)
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(driver -> driver.findElements(selector).stream().findFirst().orElse(null));
  }
}
