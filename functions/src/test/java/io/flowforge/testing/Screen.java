package io.flowforge.testing;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Finds what is on a page the way a person (or a screen reader) does: by role and accessible name as the
 * browser computes them, and by label. Every query waits until the element is there, so tests need no
 * sleeps; a query that times out says what it was looking for.
 */
public final class Screen {
  private final WebDriver browser;
  private final Duration patience;

  public Screen(WebDriver browser, Duration patience) {
    this.browser = browser;
    this.patience = patience;
  }

  /** The heading of the given level whose accessible name is {@code name}. */
  public WebElement heading(int level, String name) {
    return await(
        "a heading level " + level + " named '" + name + "'",
        () -> first(browser, "h" + level + ", [role=heading][aria-level='" + level + "']", "heading", name));
  }

  /** The form whose accessible name (its labelling heading) is {@code name}. */
  public WebElement form(String name) {
    return await("a form named '" + name + "'", () -> first(browser, "form, [role=form]", "form", name));
  }

  /** The button inside {@code scope} whose accessible name is {@code name}. */
  public WebElement button(SearchContext scope, String name) {
    return await(
        "a button named '" + name + "'",
        () -> first(scope, "button, input[type=submit], input[type=button], [role=button]", "button", name));
  }

  /** The form control inside {@code scope} labelled {@code label}. */
  public WebElement labelled(SearchContext scope, String label) {
    return await(
        "a form control labelled '" + label + "'",
        () -> matching(scope, "input, select, textarea", element -> label.equals(element.getAccessibleName())));
  }

  /** The status message inside {@code scope} once it reads {@code text}. */
  public WebElement status(SearchContext scope, String text) {
    return await(
        "a status reading '" + text + "'",
        () -> matching(
            scope,
            "[role=status], output",
            element -> "status".equals(element.getAriaRole()) && text.equals(element.getText().strip())));
  }

  /**
   * The cell under the column header {@code column} in the row of the table named {@code table} that holds a
   * link named {@code rowLink}. Looked up afresh on every try: a table that reloads is replaced as a whole.
   */
  public WebElement cell(String table, String rowLink, String column) {
    return await(
        "a row with a link named '" + rowLink + "' and a column '" + column + "' in a table named '" + table + "'",
        () -> first(browser, "table, [role=table]", "table", table).flatMap(found -> cell(found, rowLink, column)));
  }

  /** The article (a card) whose accessible name is {@code name}. */
  public WebElement article(String name) {
    return await("an article named '" + name + "'", () -> first(browser, "article, [role=article]", "article", name));
  }

  /** The article named {@code name} once its text contains {@code text}. */
  public WebElement article(String name, String text) {
    return await(
        "an article named '" + name + "' showing '" + text + "'",
        () -> first(browser, "article, [role=article]", "article", name).filter(found -> found.getText().contains(text)));
  }

  /** The link inside {@code scope} whose accessible name is {@code name}. */
  public WebElement link(SearchContext scope, String name) {
    return await("a link named '" + name + "'", () -> first(scope, "a[href], [role=link]", "link", name));
  }

  /**
   * The cell under the column header {@code column} in the row whose header cell reads {@code rowHeader}, in
   * the table named {@code table}, once it reads {@code text}. Looked up afresh on every try.
   */
  public WebElement rowCell(String table, String rowHeader, String column, String text) {
    return await(
        "a cell reading '" + text + "' in row '" + rowHeader + "', column '" + column + "' of a table named '"
            + table + "'",
        () ->
            first(browser, "table, [role=table]", "table", table)
                .flatMap(found -> rowCell(found, rowHeader, column))
                .filter(cell -> text.equals(cell.getText().strip())));
  }

  /** Waits until the address ends with {@code suffix}; a step of a wizard lives in the address. */
  public void address(String suffix) {
    new WebDriverWait(browser, patience)
        .withMessage(() -> "waiting for the address to end with '" + suffix + "'; " + pageState())
        .until(driver -> driver.getCurrentUrl().endsWith(suffix));
  }

  private static Optional<WebElement> rowCell(WebElement table, String rowHeader, String column) {
    List<String> headers =
        table.findElements(By.cssSelector("thead th")).stream().map(header -> header.getText().strip()).toList();
    int index = headers.indexOf(column);
    return index < 0
        ? Optional.empty()
        : matching(table, "tbody tr", row -> row.findElements(By.cssSelector("th")).stream()
                .anyMatch(header -> rowHeader.equals(header.getText().strip())))
            .map(row -> row.findElements(By.cssSelector("th, td")).get(index));
  }

  private static Optional<WebElement> cell(WebElement table, String rowLink, String column) {
    List<String> headers =
        table.findElements(By.cssSelector("thead th")).stream().map(header -> header.getText().strip()).toList();
    int index = headers.indexOf(column);
    return index < 0
        ? Optional.empty()
        : matching(table, "tbody tr", row -> first(row, "a[href], [role=link]", "link", rowLink).isPresent())
            .map(row -> row.findElements(By.cssSelector("th, td")).get(index));
  }

  private static Optional<WebElement> first(SearchContext scope, String css, String role, String name) {
    return matching(
        scope, css, element -> role.equals(element.getAriaRole()) && name.equals(element.getAccessibleName()));
  }

  private static Optional<WebElement> matching(
      SearchContext scope, String css, Predicate<WebElement> test) {
    return scope.findElements(By.cssSelector(css)).stream().filter(test).findFirst();
  }

  /** What a person would see, and what the page logged, for the message of a query that timed out. */
  private String pageState() {
    String text = browser.findElement(By.tagName("body")).getText();
    String shown = text.length() <= 600 ? text : text.substring(0, 600) + "…";
    List<String> logged =
        browser.manage().logs().get(LogType.BROWSER).getAll().stream()
            .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue())
            .map(LogEntry::getMessage)
            .toList();
    return "the page at " + browser.getCurrentUrl() + " shows: '" + shown + "'; the console logged: " + logged;
  }

  private WebElement await(String what, Supplier<Optional<WebElement>> query) {
    Function<WebDriver, WebElement> found = driver -> query.get().orElse(null);
    return new WebDriverWait(browser, patience)
        // The app re-renders as data arrives; an element found a moment ago may be replaced.
        .ignoring(StaleElementReferenceException.class)
        .withMessage(() -> "waiting for " + what + "; " + pageState())
        .until(found);
  }
}
