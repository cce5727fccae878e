package cn.onego.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its chromedriver, against the application on a local port.
 * Every page visited is saved as a full-page screenshot under target/screenshots, and every page can be
 * checked for Chinese text drawn without a glyph.
 */
public final class Browser implements AutoCloseable {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");
	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
	static final Path SCREENSHOTS = Path.of("target", "screenshots");
	private static final AtomicInteger SHOTS = new AtomicInteger();
	private static final Duration TIMEOUT = Duration.ofSeconds(20);
	/** Selenium's default of 500 ms made every wait that was not met at once cost half a second. */
	private static final Duration POLL = Duration.ofMillis(50);

	private final ChromeDriver driver;
	private final String base;
	private final Path userData;
	private final WebDriverWait wait;

	private Browser(String base, Dimension size) throws IOException {
		this.base = base;
		this.userData = Files.createTempDirectory("onego-chromium");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		// without the background-networking flags Chromium keeps calling hosts this closed network refuses
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--disable-quic", "--lang=zh-CN", "--user-data-dir=" + userData,
				"--window-size=" + size.getWidth() + "," + size.getHeight());
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		this.driver = new ChromeDriver(service, options);
		this.wait = new WebDriverWait(driver, TIMEOUT, POLL);
		// every page reports what its Content-Security-Policy blocked: a page that needs an inline script or
		// style, or something from another site, fails its test instead of breaking silently for visitors
		driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
				window.__cspViolations = [];
				document.addEventListener('securitypolicyviolation',
				  e => window.__cspViolations.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber));
				"""));
		if (size.getWidth() < 500) {
			// headless Chromium keeps its window at least 500 px wide; a phone's width needs the emulated screen
			driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", size.getWidth(), "height",
					size.getHeight(), "deviceScaleFactor", 1, "mobile", true));
		}
	}

	/**
	 * A browser on the application at the port, desktop-sized. Skips the calling test when Chromium is not
	 * installed, unless ONEGO_BROWSER_REQUIRED is set (as .ci/run does): there a missing browser fails.
	 */
	public static Browser open(int port) {
		return open(port, new Dimension(1280, 900));
	}

	/** A browser of the given window size (a phone is 390 × 844). */
	public static Browser open(int port, Dimension size) {
		boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
		if (System.getenv("ONEGO_BROWSER_REQUIRED") == null) {
			Assumptions.assumeTrue(installed, "Chromium is not installed (apt-get install chromium chromium-driver fonts-noto-cjk)");
		}
		assertThat(installed).as("/usr/bin/chromium and /usr/bin/chromedriver are installed").isTrue();
		System.setProperty("SE_AVOID_STATS", "true");
		try {
			return new Browser("http://localhost:" + port, size);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Opens a path of the application and waits until its script has rendered (body[data-ready]). */
	public Browser go(String path) {
		driver.get(base + path);
		return ready();
	}

	/** Waits until the page now shown has finished rendering. */
	public Browser ready() {
		wait.until(d -> "true".equals(((JavascriptExecutor) d).executeScript(
				"return document.readyState === 'complete' && document.body && document.body.dataset.ready || null")));
		assertThat(cspViolations()).as("what the Content-Security-Policy blocked on " + path()).isEmpty();
		return this;
	}

	/** What the page's Content-Security-Policy blocked since the page was loaded. */
	@SuppressWarnings("unchecked")
	public List<String> cspViolations() {
		Object violations = script("return window.__cspViolations || []");
		return violations instanceof List<?> list ? (List<String>) list : List.of();
	}

	public WebElement find(String css) {
		return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
	}

	public List<WebElement> all(String css) {
		return driver.findElements(By.cssSelector(css));
	}

	/**
	 * Clicks the element. Pages redraw parts of themselves live (the questionnaire after each answer), so an
	 * element found a moment ago may have been replaced: it is then found again, not reported stale.
	 */
	public Browser click(String css) {
		wait.ignoring(StaleElementReferenceException.class).until(d -> {
			WebElement element = ExpectedConditions.elementToBeClickable(By.cssSelector(css)).apply(d);
			if (element == null) {
				return false;
			}
			((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
			element.click();
			return true;
		});
		return this;
	}

	public Browser type(String css, String text) {
		wait.ignoring(StaleElementReferenceException.class).until(d -> {
			WebElement element = ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)).apply(d);
			if (element == null) {
				return false;
			}
			element.clear();
			element.sendKeys(text);
			return true;
		});
		return this;
	}

	public Browser select(String css, String value) {
		new Select(find(css)).selectByValue(value);
		return this;
	}

	/** Waits until the element shows the text and returns the element's whole text. */
	public String waitForText(String css, String text) {
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
		return find(css).getText();
	}

	/** Waits until the page is at a path (and its script has rendered). */
	public Browser waitForPath(String path) {
		wait.until(d -> d.getCurrentUrl().startsWith(base + path));
		return ready();
	}

	public String path() {
		return driver.getCurrentUrl().substring(base.length());
	}

	public Object script(String script, Object... arguments) {
		return ((JavascriptExecutor) driver).executeScript(script, arguments);
	}

	public Browser waitUntil(String description, String condition) {
		// a wait of its own: a message given to the shared wait would stay on every later wait
		new WebDriverWait(driver, TIMEOUT, POLL).withMessage(description).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript("return !!(" + condition + ")")));
		return this;
	}

	/** Signs in through the sign-in page and waits for the page it leads to. */
	public Browser signIn(String username, String password) {
		go("/login.html");
		type("#username", username).type("#password", password).click("#login button[type=submit]");
		wait.until(d -> !d.getCurrentUrl().contains("/login.html"));
		return ready();
	}

	/**
	 * A citizen signs in as citizens do: the portal's sign-in button, the identity provider's own sign-in page,
	 * and back to the portal (their cases, or the page the sign-in was asked from).
	 */
	public Browser signInAsCitizen(String username, String password) {
		go("/login.html");
		click("#citizen-sign-in").waitForPath("/idp/login");
		type("#username", username).type("#password", password).click("#login button[type=submit]");
		wait.until(d -> d.getCurrentUrl().startsWith(base + "/") && !d.getCurrentUrl().startsWith(base + "/idp"));
		return ready();
	}

	public Browser signOut() {
		driver.manage().deleteAllCookies();
		return this;
	}

	/** Saves the whole page (beyond the window) as target/screenshots/NN-name.png. */
	public Path screenshot(String name) {
		Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
				Map.of("format", "png", "captureBeyondViewport", true));
		byte[] png = Base64.getDecoder().decode((String) shot.get("data"));
		return save(name, png);
	}

	private static Path save(String name, byte[] png) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Path file = SCREENSHOTS.resolve("%02d-%s.png".formatted(SHOTS.incrementAndGet(), name));
			Files.write(file, png);
			return file;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * Checks on a screenshot that every Chinese character of the page is drawn with a glyph: the page's
	 * distinct non-ASCII characters are drawn in the page's own font, one per cell, after a code point no
	 * font has; a cell that is blank, or that looks exactly like that code point's placeholder box, is a
	 * missing glyph. Returns the characters found missing (none, when the fonts are right).
	 */
	public List<String> missingGlyphs(String name) {
		// as many 40-pixel columns as the window holds, so the grid fits a phone too
		long columns = Math.max(5, Math.min(30, ((Number) script("return Math.floor(document.documentElement.clientWidth / 40)")).longValue()));
		@SuppressWarnings("unchecked")
		List<String> characters = (List<String>) script("""
				const seen = new Set();
				for (const ch of document.body.innerText) { if (ch.codePointAt(0) > 0x2000 && !/\\s/.test(ch)) seen.add(ch); }
				const cells = ['\\u0378', ...seen];
				const grid = document.createElement('div');
				grid.id = 'glyph-check';
				grid.style.cssText = 'position:absolute;left:0;top:0;z-index:2147483647;background:#fff;display:grid;'
				  + 'grid-template-columns:repeat(' + arguments[0] + ',40px);grid-auto-rows:40px;font-family:' + getComputedStyle(document.body).fontFamily;
				for (const ch of cells) {
				  const cell = document.createElement('span');
				  cell.textContent = ch;
				  cell.style.cssText = 'width:40px;height:40px;font-size:28px;line-height:40px;text-align:center;overflow:hidden;color:#000';
				  grid.append(cell);
				}
				document.body.append(grid);
				window.scrollTo(0, 0);
				return cells;
				""", columns);
		WebElement grid = driver.findElement(By.id("glyph-check"));
		byte[] png = grid.getScreenshotAs(OutputType.BYTES);
		script("document.getElementById('glyph-check').remove()");
		save(name + "-glyphs", png);
		BufferedImage image;
		try {
			image = ImageIO.read(new ByteArrayInputStream(png));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		int[] placeholder = cell(image, 0, (int) columns);
		assertThat(inked(placeholder)).as("the placeholder of a missing glyph is visible").isTrue();
		List<String> missing = new ArrayList<>();
		for (int i = 1; i < characters.size(); i++) {
			int[] pixels = cell(image, i, (int) columns);
			if (!inked(pixels) || java.util.Arrays.equals(pixels, placeholder)) {
				missing.add(characters.get(i));
			}
		}
		assertThat(characters.size()).as("the page has Chinese text").isGreaterThan(1);
		return missing;
	}

	private static int[] cell(BufferedImage image, int index, int columns) {
		int x = (index % columns) * 40;
		int y = (index / columns) * 40;
		return image.getRGB(x, y, 40, 40, null, 0, 40);
	}

	private static boolean inked(int[] pixels) {
		for (int pixel : pixels) {
			int r = (pixel >> 16) & 0xff;
			int g = (pixel >> 8) & 0xff;
			int b = pixel & 0xff;
			if (r + g + b < 3 * 128) {
				return true;
			}
		}
		return false;
	}

	@Override
	public void close() {
		driver.quit();
		try (var files = Files.walk(userData)) {
			files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
		catch (IOException e) {
			// a temporary directory left behind is harmless
		}
	}
}
