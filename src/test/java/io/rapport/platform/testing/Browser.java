package io.rapport.platform.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium driven through ChromeDriver, for tests that go through Rapport's pages as a
 * user would. Each instance has its own profile directory, so its cookies are its own.
 *
 * <p>Chromium and ChromeDriver come from the system ({@code apt-get install chromium
 * chromium-driver}); Selenium Manager never runs, so nothing is downloaded. When they are missing
 * the test fails, saying so, unless the system property {@value #OPTIONAL_PROPERTY} is {@code
 * true}: then it is skipped with the reason.
 */
public final class Browser implements AutoCloseable {

  /** Set to {@code true} to skip browser tests on a machine without Chromium. */
  public static final String OPTIONAL_PROPERTY = "rapport.test.browser.optional";

  private static final Duration WAIT = Duration.ofSeconds(15);

  /**
   * Flags that keep Chromium from reaching out to the network (updates, sync, QUIC probes), which
   * makes it hang on a closed network, and from needing a GPU or a large /dev/shm.
   */
  private static final List<String> FLAGS =
      List.of(
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-dev-shm-usage",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--no-first-run",
          "--disable-quic");

  private final WebDriver driver;
  private final ChromeDriverService service;
  private final Path profileDirectory;

  private Browser(WebDriver driver, ChromeDriverService service, Path profileDirectory) {
    this.driver = driver;
    this.service = service;
    this.profileDirectory = profileDirectory;
  }

  /** Starts a headless Chromium with a fresh profile. */
  public static Browser start() {
    Path chromium = requireExecutable("Chromium", "chromium", "chromium-browser");
    Path chromedriver = requireExecutable("ChromeDriver", "chromedriver");
    Path profile = temporaryDirectory();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium.toFile());
    options.addArguments(FLAGS);
    options.addArguments("--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(chromedriver.toFile())
            .usingAnyFreePort()
            .build();
    try {
      return new Browser(new ChromeDriver(service, options), service, profile);
    } catch (RuntimeException e) {
      service.stop();
      deleteRecursively(profile);
      throw e;
    }
  }

  /** Loads the URL and waits until the page (after any redirects) has loaded. */
  public void open(String url) {
    driver.get(url);
  }

  /** Replaces the text of the input with this id. */
  public void fill(String id, String text) {
    WebElement input = element(id);
    input.clear();
    input.sendKeys(text);
  }

  /** Clicks the element with this id, such as a form's submit button. */
  public void click(String id) {
    element(id).click();
  }

  /** Clicks the first element the CSS selector matches, for elements without an id. */
  public void clickSelector(String cssSelector) {
    driver.findElement(By.cssSelector(cssSelector)).click();
  }

  public String currentUrl() {
    return driver.getCurrentUrl();
  }

  /** The visible text of the element with this id. */
  public String text(String id) {
    return element(id).getText();
  }

  /** The visible text of the whole page. */
  public String pageText() {
    return driver.findElement(By.tagName("body")).getText();
  }

  public boolean has(String id) {
    return !driver.findElements(By.id(id)).isEmpty();
  }

  /** The value of the input with this id. */
  public String value(String id) {
    return element(id).getDomProperty("value");
  }

  /** Waits until the page has an element with this id, such as a message after a form post. */
  public void awaitElement(String id) {
    new WebDriverWait(driver, WAIT)
        .withMessage(
            () -> "no element '" + id + "' at " + driver.getCurrentUrl() + ":\n" + pageText())
        .until(ignored -> has(id));
  }

  /**
   * Clicks an element that posts a form, and waits until the page it leads to has an element with
   * this id. Waiting for the id alone is not enough when the page being left has one too (a notice
   * after the previous change): the old page would answer at once.
   */
  public void clickAndAwait(WebElement element, String id) {
    WebElement html = driver.findElement(By.tagName("html"));
    element.click();
    new WebDriverWait(driver, WAIT)
        .withMessage(() -> "the page stayed at " + driver.getCurrentUrl())
        .until(ExpectedConditions.stalenessOf(html));
    awaitElement(id);
    new WebDriverWait(driver, WAIT)
        .until(
            ignored ->
                "complete"
                    .equals(
                        ((JavascriptExecutor) driver).executeScript("return document.readyState")));
  }

  /** Waits until the current URL passes the test, and returns it. */
  public String waitForUrl(Predicate<String> condition) {
    new WebDriverWait(driver, WAIT)
        .withMessage(() -> "the browser stayed at " + driver.getCurrentUrl())
        .until(ignored -> condition.test(driver.getCurrentUrl()));
    return driver.getCurrentUrl();
  }

  /** Waits until the current URL starts with the prefix, and returns it. */
  public String waitForUrlStartingWith(String prefix) {
    return waitForUrl(url -> url.startsWith(prefix));
  }

  /** The value of the cookie with this name for the current page's site. */
  public Optional<String> cookie(String name) {
    return Optional.ofNullable(driver.manage().getCookieNamed(name)).map(Cookie::getValue);
  }

  /**
   * Turns off the browser's own checks of form fields ({@code required}, {@code minlength}, {@code
   * type=email}) on the current page, so that a test can see what the server says about input that
   * any client other than a browser can send.
   */
  public void skipClientSideValidation() {
    ((JavascriptExecutor) driver)
        .executeScript("document.querySelectorAll('form').forEach(f => f.noValidate = true);");
  }

  /** The underlying driver, for what the helpers above do not cover. */
  public WebDriver driver() {
    return driver;
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      service.stop();
      deleteRecursively(profileDirectory);
    }
  }

  /**
   * The element with this id, waiting for it a while: a click that submits a form returns before
   * the next page has replaced the current one.
   */
  private WebElement element(String id) {
    try {
      return new WebDriverWait(driver, WAIT)
          .until(ignored -> driver.findElements(By.id(id)).stream().findFirst().orElse(null));
    } catch (org.openqa.selenium.TimeoutException e) {
      throw new AssertionError(
          "No element with id '" + id + "' at " + driver.getCurrentUrl() + ":\n" + pageText());
    }
  }

  private static Path requireExecutable(String what, String... names) {
    Optional<Path> found =
        Stream.of(names).map(Browser::onPath).flatMap(Optional::stream).findFirst();
    if (found.isPresent()) {
      return found.get();
    }
    String reason =
        what
            + " is not installed (looked for "
            + String.join(", ", names)
            + " on the PATH). Install it with: apt-get install -y chromium chromium-driver";
    if (Boolean.getBoolean(OPTIONAL_PROPERTY)) {
      Assumptions.abort(reason + " (skipped: " + OPTIONAL_PROPERTY + "=true)");
    }
    return fail(reason + ". Set -D" + OPTIONAL_PROPERTY + "=true to skip browser tests instead.");
  }

  private static Optional<Path> onPath(String name) {
    String path = System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/bin";
    return Stream.of(path.split(File.pathSeparator))
        .filter(directory -> !directory.isBlank())
        .map(directory -> Path.of(directory, name))
        .filter(Files::isExecutable)
        .findFirst();
  }

  private static Path temporaryDirectory() {
    try {
      return Files.createTempDirectory("rapport-browser-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteRecursively(Path directory) {
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    } catch (IOException e) {
      // A leftover profile in the temporary directory harms nothing.
    }
  }
}
