package io.flowforge.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowforge.core.Caller;
import io.flowforge.modeling.SavedModel;
import io.flowforge.testing.Chromium;
import io.flowforge.testing.Screen;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The assistant in headless Chromium on the local stack: the seed's first worked conversation in
 * two turns ("create a dimension based on product and productcategory", then "make it type 1
 * instead"), answered by the offline architect on the demo data, and the refined suggestion applied
 * to the canvas.
 */
class BrowserChatIT {
  static final String TOKEN = "browser-chat-token";
  // Generous because the machine may be busy and each answer profiles the tables; waits end on
  // success.
  static final Duration PATIENCE = Duration.ofSeconds(90);
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
  void aTwoTurnConversationRefinesTheDimension_andApplyPutsItOnTheCanvas() {
    String workspace = session.stack.demoWorkspaceId();
    String workspaceName = session.api.get("/api/workspaces/" + workspace).json().get("name").asText();
    Screen screen = new Screen(session.browser, PATIENCE);

    session.browser.get(session.stack.browserUri().toString());
    screen.heading(1, workspaceName);
    WebElement assistant = region(session.browser, "Assistant");
    ask(screen, assistant, "create a dimension based on product and productcategory");
    WebElement first = region(assistant, "Suggestion: dim_product (SCD Type 2)");
    String firstTables = first.getText();
    ask(screen, assistant, "make it type 1 instead");
    WebElement refined = region(assistant, "Suggestion: dim_product (SCD Type 1)");
    screen.button(refined, "Apply to canvas").click();
    screen.status(refined, "Added to the canvas as dim_product, version 1.");

    List<String> toolCalls =
        assistant.findElements(By.cssSelector("[aria-label='Tool calls'] li")).stream()
            .map(item -> item.getText().strip())
            .toList();
    assertTrue(toolCalls.contains("generate_dimensional_model done"), toolCalls.toString());
    assertTrue(firstTables.contains("tables"), firstTables);
    JsonNode conversations =
        session.api.get("/api/workspaces/" + workspace + "/conversations").json().get("items");
    assertEquals(1, conversations.size());
    JsonNode messages =
        session.api.get(
                "/api/workspaces/"
                    + workspace
                    + "/conversations/"
                    + conversations.get(0).get("id").asText())
            .json()
            .get("messages");
    assertEquals(4, messages.size());
    assertEquals("make it type 1 instead", messages.get(2).get("text").asText());
    assertEquals(1, messages.get(3).at("/suggestion/content/request/scdType").asInt());
    String appliedModel = messages.get(3).at("/suggestion/appliedModelId").asText();
    List<SavedModel> models =
        session.stack.wiring().models().list(new Caller(LocalServer.DEV_SUBJECT), workspace);
    assertEquals(1, models.size());
    assertEquals(appliedModel, models.get(0).id());
    assertEquals("dim_product", models.get(0).name());
    assertEquals(1, models.get(0).latestVersion());
  }

  private void ask(Screen screen, WebElement assistant, String message) {
    screen.labelled(assistant, "Message").sendKeys(message);
    screen.button(assistant, "Send").click();
  }

  /** The region (a section named by its heading) inside {@code scope}, once it is on the page. */
  private static WebElement region(SearchContext scope, String name) {
    return new WebDriverWait(session.browser, PATIENCE)
        .ignoring(StaleElementReferenceException.class)
        .withMessage(
            () ->
                "waiting for a region named '"
                    + name
                    + "'; the page shows: "
                    + session.browser.findElement(By.tagName("body")).getText())
        .until(
            driver ->
                scope.findElements(By.cssSelector("section")).stream()
                    .filter(
                        section ->
                            "region".equals(section.getAriaRole())
                                && name.equals(section.getAccessibleName()))
                    .findFirst()
                    .orElse(null));
  }

}
