package io.flowforge.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowforge.local.LocalApi.Answer;
import io.flowforge.testing.Screen;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** The local stack and its web app in headless Chromium: a person uploads a CSV and sees it listed. */
class BrowserUploadIT {
  static final String TOKEN = "browser-test-token";
  // Generous because the machine may be busy; every wait ends as soon as the page shows what it waits for.
  static final Duration PATIENCE = Duration.ofSeconds(30);
  static BrowserSession session;
  static Path scratch;
  static LocalStack stack;
  static LocalApi api;
  static WebDriver browser;

  @BeforeAll
  static void start() throws IOException {
    session = BrowserSession.start(TOKEN);
    scratch = session.scratch;
    stack = session.stack;
    api = session.api;
    browser = session.browser;
  }

  @AfterAll
  static void stop() {
    if (session != null) {
      session.close();
    }
  }

  @Test
  void listsTheDatasetAsReady_whenAPersonUploadsACsvThroughThePage() throws IOException {
    Path csv =
        Files.writeString(
            scratch.resolve("browser_payments.csv"),
            "id,amount,booked_at\n1,10.5,2024-01-01 10:00:00\n2,3.25,2024-01-02 11:00:00\n");
    String workspaceName = api.get("/api/workspaces/" + stack.demoWorkspaceId()).json().get("name").asText();
    Screen screen = new Screen(browser, PATIENCE);

    browser.get(stack.browserUri().toString());
    screen.heading(1, workspaceName);
    WebElement upload = screen.form("Upload a dataset");
    screen.labelled(upload, "File").sendKeys(csv.toString());
    screen.button(upload, "Upload").click();
    screen.status(upload, "Uploaded browser_payments.");
    String shownStatus = screen.cell("Datasets", "browser_payments", "Status").getText().strip();
    Answer listed = api.get("/api/workspaces/" + stack.demoWorkspaceId() + "/datasets");

    assertEquals("Ready", shownStatus);
    assertEquals(200, listed.status(), listed.text());
    JsonNode stored =
        StreamSupport.stream(listed.json().get("items").spliterator(), false)
            .filter(item -> item.get("name").asText().equals("browser_payments"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("the API does not list browser_payments: " + listed.text()));
    assertEquals("READY", stored.get("status").asText());
    assertEquals(2, stored.get("rowCount").asLong());
    assertTrue(browser.getCurrentUrl().endsWith("#/workspaces/" + stack.demoWorkspaceId()), browser.getCurrentUrl());
  }
}
