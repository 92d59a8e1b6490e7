package vn.lienthong.app.support;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.Dimension;

/**
 * Opens browsers for one test and closes them after it; when the test fails, first saves a screenshot of each
 * under {@code target/screenshots/<TestClass>.<method>-<n>.png}.
 *
 * <pre>{@code
 * @RegisterExtension
 * final BrowserExtension browsers = new BrowserExtension();
 *
 * @Test
 * void officialSeesTheirName() {
 *     Browser browser = browsers.open(baseUrl());
 *     ...
 * }
 * }</pre>
 */
public final class BrowserExtension implements AfterTestExecutionCallback, AfterEachCallback {

    private final List<Browser> open = new ArrayList<>();

    /** A desktop-sized browser speaking Vietnamese. */
    public Browser open(String baseUrl) {
        return open(baseUrl, Browser.DESKTOP, "vi");
    }

    public Browser open(String baseUrl, Dimension size, String language) {
        Browser browser = Browser.start(baseUrl, size, language);
        open.add(browser);
        return browser;
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (context.getExecutionException().isEmpty()) {
            return;
        }
        String name = context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName();
        for (int i = 0; i < open.size(); i++) {
            try {
                Browser browser = open.get(i);
                System.err.println("Screenshot of the failing step (" + browser.currentUrl() + "): "
                        + browser.screenshot(name + "-" + (i + 1)).toAbsolutePath());
            }
            catch (RuntimeException e) {
                System.err.println("No screenshot for " + name + ": " + e);
            }
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        RuntimeException failure = null;
        for (Browser browser : open) {
            try {
                browser.close();
            }
            catch (RuntimeException e) {
                failure = e;
            }
        }
        open.clear();
        if (failure != null) {
            throw failure;
        }
    }
}
