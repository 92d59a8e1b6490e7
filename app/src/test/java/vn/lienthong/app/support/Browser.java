package vn.lienthong.app.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Debian chromium driven through Debian's chromedriver, for browser tests. Selenium Manager never runs
 * (both binaries are given explicitly), and the flags keep chromium quiet on a closed network. Every browser has
 * its own fresh profile, so two browsers are two users with separate sessions (also at the identity provider).
 *
 * <p>Waits are on what a user sees ({@link #waitFor}, {@link #waitForText}); never sleep. Register a
 * {@link BrowserExtension} to get screenshots of failing tests under {@code target/screenshots}.
 *
 * <pre>{@code
 * Browser browser = browsers.open(baseUrl);
 * browser.logIn("quantri", password);
 * browser.waitForText(By.id("current-official"), "Quản trị hệ thống");
 * }</pre>
 */
public final class Browser implements AutoCloseable {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    public static final Dimension DESKTOP = new Dimension(1280, 900);
    public static final Dimension PHONE = new Dimension(390, 844);
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);

    private final ChromeDriver driver;
    private final Path profile;
    private final String baseUrl;

    private Browser(ChromeDriver driver, Path profile, String baseUrl) {
        this.driver = driver;
        this.profile = profile;
        this.baseUrl = baseUrl;
    }

    /** Starts a desktop-sized browser whose relative {@link #open} paths resolve against {@code baseUrl}. */
    public static Browser start(String baseUrl) {
        return start(baseUrl, DESKTOP, "vi");
    }

    /**
     * Starts a browser of the given window size and preferred language ({@code vi}, {@code en}).
     *
     * @throws IllegalStateException if Debian's chromium or chromedriver is missing (say how to install them)
     */
    public static Browser start(String baseUrl, Dimension size, String language) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("Browser tests need Debian's chromium and chromedriver at " + CHROMIUM
                    + " and " + CHROMEDRIVER + ": apt-get install -y chromium chromium-driver (./scripts/test does it)");
        }
        Path profile;
        try {
            profile = Files.createTempDirectory("chromium-profile-");
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-quic", "--no-first-run", "--no-default-browser-check", "--disable-extensions",
                "--user-data-dir=" + profile, "--lang=" + language,
                // The Jitsi stand-in's certificate is made for the test run (see JitsiStandIn).
                "--ignore-certificate-errors",
                "--window-size=" + size.getWidth() + "," + size.getHeight());
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return new Browser(driver, profile, stripSlash(baseUrl));
    }

    public WebDriver driver() {
        return driver;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** Opens a path of the app ({@code /directory}) or an absolute URL. */
    public Browser open(String pathOrUrl) {
        driver.get(pathOrUrl.startsWith("http") ? pathOrUrl : baseUrl + pathOrUrl);
        return this;
    }

    public String currentUrl() {
        return driver.getCurrentUrl();
    }

    /**
     * Opens the app's home page and signs in on whatever login page appears (the embedded identity provider's or
     * Keycloak's: both have {@code username} and {@code password} fields). Returns once the login page is gone;
     * wait then for what the signed-in user should see.
     */
    public Browser logIn(String username, String password) {
        open("/");
        WebElement user = waitFor(By.name("username"));
        user.clear();
        user.sendKeys(username);
        WebElement secret = driver.findElement(By.name("password"));
        secret.clear();
        secret.sendKeys(password);
        List<WebElement> buttons = driver.findElements(
                By.cssSelector("form button[type=submit], form input[type=submit], #kc-login"));
        if (buttons.isEmpty()) {
            secret.submit();
        }
        else {
            buttons.get(0).click();
        }
        waitUntilGone(user);
        return this;
    }

    /** Signs out through the logout button of the user menu (a POST form with the CSRF token). */
    public Browser logOut() {
        openUserMenu();
        WebElement button = waitFor(By.id("logout-button"));
        button.click();
        waitUntilGone(button);
        return this;
    }

    /** Switches the pages' language through the user menu: {@code vi} or {@code en}. */
    public Browser chooseLanguage(String language) {
        openUserMenu();
        WebElement link = waitFor(By.id("lang-" + language));
        link.click();
        waitUntilGone(link);
        return this;
    }

    /** Opens the signed-in official's menu in the top bar (unfolding the navigation first on a phone). */
    public Browser openUserMenu() {
        List<WebElement> toggler = driver.findElements(By.cssSelector(".navbar-toggler"));
        if (!toggler.isEmpty() && toggler.get(0).isDisplayed()
                && !"true".equals(toggler.get(0).getAttribute("aria-expanded"))) {
            toggler.get(0).click();
        }
        WebElement menu = waitFor(By.id("user-menu"));
        if (!"true".equals(menu.getAttribute("aria-expanded"))) {
            click(By.id("user-menu"));
        }
        return this;
    }

    /** Waits until an element is visible and returns it. */
    public WebElement waitFor(By locator) {
        return waiting().until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /**
     * Waits until an element is clickable and clicks it. A page that redraws the element meanwhile (a live list)
     * leaves a stale reference: the element is then looked up again.
     */
    public Browser click(By locator) {
        waiting().ignoring(StaleElementReferenceException.class).until(d -> {
            WebElement element = ExpectedConditions.elementToBeClickable(locator).apply(d);
            if (element == null) {
                return false;
            }
            driver.executeScript("arguments[0].scrollIntoView({block: 'center', inline: 'nearest'});", element);
            element.click();
            return true;
        });
        return this;
    }

    /** Clears a field (found by id or name) and types into it. */
    public Browser type(By locator, String text) {
        WebElement field = waitFor(locator);
        field.clear();
        field.sendKeys(text);
        return this;
    }

    /** Waits until the element's visible text contains {@code text}; returns the element. */
    public WebElement waitForText(By locator, String text) {
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
        return driver.findElement(locator);
    }

    /** Waits until the page's title contains {@code text}. */
    public Browser waitForTitle(String text) {
        waiting().until(ExpectedConditions.titleContains(text));
        return this;
    }

    /** Waits until the page (after a navigation) is at a URL containing {@code fragment}. */
    public Browser waitForUrl(String fragment) {
        waiting().until(ExpectedConditions.urlContains(fragment));
        return this;
    }

    public Browser waitUntilGone(WebElement element) {
        waiting().until(ExpectedConditions.stalenessOf(element));
        return this;
    }

    public boolean isPresent(By locator) {
        return !driver.findElements(locator).isEmpty();
    }

    public String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public WebDriverWait waiting() {
        return new WebDriverWait(driver, DEFAULT_TIMEOUT);
    }

    /** Sets the window size, e.g. {@link #PHONE} for a phone-width layout. */
    public Browser resize(Dimension size) {
        driver.manage().window().setSize(size);
        return this;
    }

    /** Saves a PNG of the current page to {@code target/screenshots/<name>.png} and returns its path. */
    public Path screenshot(String name) {
        try {
            Path directory = Files.createDirectories(Path.of("target", "screenshots"));
            Path target = directory.resolve(name.replaceAll("[^A-Za-z0-9._-]", "_") + ".png");
            Path png = driver.getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(png, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        }
        finally {
            deleteQuietly(profile);
        }
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static void deleteQuietly(Path directory) {
        try (var paths = Files.walk(directory)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        catch (IOException | UncheckedIOException e) {
            // A leftover temp profile is harmless; the test result matters more.
        }
    }

}
