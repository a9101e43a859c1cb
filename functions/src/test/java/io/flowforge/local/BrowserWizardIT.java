package io.flowforge.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowforge.local.LocalApi.Answer;
import io.flowforge.testing.Screen;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A person walks the Create Job wizard on the demo {@code bank_transactions} dataset in headless Chromium:
 * profiles it, sees the seed's suggestions on the cards, accepts them layer by layer, reviews the job and
 * runs its quality rules.
 */
class BrowserWizardIT {
  static final String TOKEN = "browser-wizard-token";
  // Generous because the machine may be busy; every wait ends as soon as the page shows what it waits for.
  static final Duration PATIENCE = Duration.ofSeconds(60);
  static final Pattern BADGE = Pattern.compile("(High|Medium|Low) \\d+ %");
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
  void walksProfileBronzeSilverGoldReview_onDemoBankTransactions() {
    String workspace = session.stack.demoWorkspaceId();
    String datasetId = demoDataset(workspace, "bank_transactions");
    Screen screen = new Screen(session.browser, PATIENCE);
    session.browser.get(session.stack.browserUri().toString());
    screen.heading(1, session.api.get("/api/workspaces/" + workspace).json().get("name").asText());
    session.browser.get(session.stack.baseUri() + "/#/workspaces/" + workspace + "/datasets/" + datasetId);

    screen.link(session.browser, "Create job").click();
    screen.address("/wizard/profile");
    screen.heading(1, "Create job: bank_transactions");
    screen.button(session.browser, "Profile dataset").click();
    screen.link(session.browser, "Continue to Bronze").click();

    screen.address("/wizard/bronze");
    String load = screen.article("Incremental load").getText();
    assertTrue(load.contains("Watermark column") && load.contains("transaction_date"), load);
    assertTrue(load.contains("Why:"), load);
    acceptEveryCard(screen, List.of("Incremental load", "Layout", "Schema evolution"));

    screen.address("/wizard/silver");
    String key = screen.article("Primary key").getText();
    assertTrue(key.contains("Columns") && key.contains("transaction_id"), key);
    assertTrue(screen.article("Deduplication").getText().contains("latest"));
    screen.rowCell("Suggested quality rules", "amount_range", "Kind", "RANGE");
    screen.rowCell("Suggested quality rules", "customer_id_not_null", "Kind", "NOT_NULL");
    acceptEveryCard(screen, List.of("Primary key", "Deduplication", "Quality rules"));

    screen.address("/wizard/gold");
    String aggregation = screen.article("Aggregation").getText();
    assertTrue(aggregation.contains("DAILY"), aggregation);
    assertTrue(aggregation.contains("SUM(amount)") && aggregation.contains("AVG(amount)"), aggregation);
    acceptEveryCard(screen, List.of("Aggregation", "Clustering", "Materialization"));

    screen.address("/wizard/review");
    screen.rowCell("Job configuration", "Incremental load", "Decision", "Accepted");
    screen.rowCell("Job configuration", "Primary key", "Decision", "Accepted");
    screen.link(session.browser, "Check quality rules").click();
    screen.address("/quality");
    screen.button(session.browser, "Run rules").click();
    screen.rowCell("Quality rules", "customer_id_not_null", "Pass rate", "100.0 %");

    Answer bronze = session.api.get(LocalApi.datasetPath(workspace, datasetId) + "/suggestions/bronze");
    JsonNode stored =
        StreamSupport.stream(bronze.json().get("items").spliterator(), false)
            .filter(item -> item.get("kind").asText().equals("incremental_load"))
            .findFirst()
            .orElseThrow();
    assertEquals("ACCEPTED", stored.get("status").asText(), bronze.text());
    assertEquals(LocalServer.DEV_SUBJECT, stored.get("decidedBy").asText());
  }

  /** Accepts the cards one by one; accepting the last moves the wizard to its next step. */
  private static void acceptEveryCard(Screen screen, List<String> cards) {
    for (String card : cards) {
      WebElement article = screen.article(card);
      String badge = article.findElement(By.cssSelector(".confidence")).getText();
      assertTrue(BADGE.matcher(badge).lookingAt(), card + " badge: [" + badge + "]");
      screen.button(article, "Accept & continue").click();
      if (!card.equals(cards.get(cards.size() - 1))) {
        screen.article(card, "Accepted");
      }
    }
  }

  private static String demoDataset(String workspace, String name) {
    Answer listed = session.api.get("/api/workspaces/" + workspace + "/datasets");
    return StreamSupport.stream(listed.json().get("items").spliterator(), false)
        .filter(item -> item.get("name").asText().equals(name))
        .map(item -> item.get("id").asText())
        .findFirst()
        .orElseThrow(() -> new AssertionError("no demo dataset " + name + ": " + listed.text()));
  }
}
