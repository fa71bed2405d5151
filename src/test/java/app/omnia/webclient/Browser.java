package app.omnia.webclient;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One person's browser: Debian's headless Chromium driven through its chromedriver (never a downloaded one),
 * with a fresh profile, a given window width and a given language. Waits poll the page with a deadline.
 */
final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration WAIT = Duration.ofSeconds(15);

    private final ChromeDriver driver;
    private final Path profile;
    private final String base;
    private final int width;

    Browser(String base, int width, String language) {
        this.base = base;
        this.width = width;
        try {
            this.profile = Files.createTempDirectory("omnia-chromium-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--lang=" + language,
                "--window-size=" + width + ",900");
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(width, 900));
    }

    WebDriver driver() {
        return driver;
    }

    int viewportWidth() {
        return ((Number) script("return window.innerWidth")).intValue();
    }

    void open(String path) {
        driver.get(base + path);
    }

    String path() {
        return (String) script("return window.location.pathname");
    }

    Object script(String code, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(code, arguments);
    }

    WebElement find(String css) {
        return until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    WebElement clickable(String css) {
        return until(ExpectedConditions.elementToBeClickable(By.cssSelector(css)));
    }

    /** Clicks the element matching css; when it is redrawn between being found and clicked, finds it again. */
    void click(String css) {
        until(d -> {
            try {
                click(clickable(css));
                return true;
            } catch (StaleElementReferenceException redrawn) {
                return null;
            }
        });
    }

    /** Scrolls the element to the middle first, so that sticky bars never sit on top of it. */
    void click(WebElement element) {
        script("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    void type(String css, String text) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(text);
    }

    /** The element matching css whose text contains the given text, once there is one. */
    WebElement withText(String css, String text) {
        return until(d -> d.findElements(By.cssSelector(css)).stream()
                .filter(e -> e.isDisplayed() && e.getText().contains(text)).findFirst().orElse(null));
    }

    /** Polls until condition answers non-null; an element redrawn while it was being read is looked up again. */
    <T> T until(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class).until(condition::apply);
    }

    /** Waits until the streaming socket is open, so what happens next is heard live. */
    void waitForStream() {
        until(d -> "open".equals(script("return document.body.dataset.stream")) ? true : null);
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File file = driver.getScreenshotAs(OutputType.FILE);
            Files.copy(file.toPath(), SCREENSHOTS.resolve(width + "-" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The page's console (errors included), printed with the test's output to explain a failure. */
    void printConsole(String who) {
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            System.out.println("[" + who + " console] " + entry.getLevel() + " " + entry.getMessage());
        }
    }

    @Override
    public void close() {
        try {
            printConsole(width + "px");
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temporary profile left behind is harmless
            }
        }
    }
}
