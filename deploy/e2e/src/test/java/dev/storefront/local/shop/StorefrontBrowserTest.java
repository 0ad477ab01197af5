package dev.storefront.local.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.local.infra.FreePort;
import dev.storefront.local.infra.RepositoryRoot;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A shopper in a real browser (Debian's Chromium, headless) against the whole local stack as {@code ./shop} starts
 * it: browse, fill an anonymous cart, sign up (the cart comes along), save an address, check out through a lost
 * response and a double click, and find exactly one order in the history. Then cart-service goes down and the pages
 * stay usable. Screenshots of each step land in {@code target/screenshots/}.
 *
 * <p>It lives in the launcher's package because {@link LocalShop} is package-private: the launcher is not an API.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StorefrontBrowserTest {
    private static final Logger LOG = Logger.getLogger(StorefrontBrowserTest.class);
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static LocalShop shop;
    private static ChromeDriver browser;
    private static WebDriverWait wait;
    private static Path screenshots;
    private static Path scratch;
    private static long startedAt;

    /** A failed step leaves a picture of what the shopper saw. */
    @RegisterExtension
    static final TestWatcher SCREENSHOT_ON_FAILURE = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (browser != null) {
                try {
                    screenshot("failed-" + context.getRequiredTestMethod().getName());
                } catch (IOException | RuntimeException e) {
                    LOG.warnf("No screenshot of the failure: %s", e.getMessage());
                }
            }
        }
    };

    /** What the first test leaves for the next ones. */
    private static String orderId;

    private static String email;
    private static String password = "Lighthouse-Kettle-47";
    /** The password of the accounts made outside the browser. */
    private static final String OTHER_PASSWORD = "Quay-Lantern-Harbour-19";

    @BeforeAll
    static void startShopAndBrowser() throws IOException {
        Assumptions.assumeTrue(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)");
        startedAt = System.nanoTime();
        screenshots = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
        Files.createDirectories(screenshots);

        Map<ShopService, Integer> scale = new EnumMap<>(ShopService.class);
        for (ShopService service : ShopService.values()) {
            scale.put(service, 1);
        }
        scratch = Files.createTempDirectory("storefront-e2e-");
        Path data = Files.createDirectories(scratch.resolve("shop"));
        shop = LocalShop.start(
                new LocalShop.Layout(
                        RepositoryRoot.find(), data, FreePort.pick(), FreePort.pick(), FreePort.pick(), false),
                scale,
                true);
        awaitPublished();
        LOG.infof("Stack ready in %d s", (System.nanoTime() - startedAt) / 1_000_000_000L);

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--window-size=1280,1000",
                "--user-data-dir=" + Files.createDirectories(scratch.resolve("chromium")));
        // The driver executable is given, so Selenium Manager is never asked to find or download anything.
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(new File(screenshots.toFile(), "chromedriver.log"))
                .build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(WAIT).scriptTimeout(WAIT);
        wait = new WebDriverWait(browser, WAIT);
    }

    @AfterAll
    static void stopEverything() {
        if (browser != null) {
            browser.quit();
        }
        if (shop != null) {
            shop.close();
        }
        if (startedAt > 0) {
            LOG.infof("Browser end-to-end run took %d s", (System.nanoTime() - startedAt) / 1_000_000_000L);
        }
        deleteScratch();
    }

    /** The throw-away database, bucket and browser profile; the services' logs and the screenshots stay in target/. */
    private static void deleteScratch() {
        if (scratch == null) {
            return;
        }
        Path logs = scratch.resolve("shop").resolve("logs");
        if (Files.isDirectory(logs)) {
            try (var files = Files.list(logs)) {
                Path kept = Files.createDirectories(screenshots.resolveSibling("e2e-logs"));
                for (Path log : files.toList()) {
                    Files.copy(log, kept.resolve(log.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException e) {
                LOG.warnf("Could not keep the service logs: %s", e.getMessage());
            }
        }
        try (var paths = Files.walk(scratch)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.warnf("Could not delete %s: %s", scratch, e.getMessage());
        }
    }

    @Test
    @Order(1)
    void shopperBuysTwoProductsAndSeesTheOrderOnce() throws Exception {
        // Browse: home → category → add one product from the category page.
        open("/index.html");
        assertEquals("Shop by category", text(By.tagName("h1")));
        screenshot("01-home");
        browser.findElement(By.cssSelector("ul.grid h2 a")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("nav.crumbs")));
        screenshot("02-category");
        List<WebElement> cards = browser.findElements(By.cssSelector("li.card:has(form.add-to-cart button:enabled)"));
        assertTrue(cards.size() >= 2, "the category lists at least two products that can be bought");
        WebElement first = cards.get(0);
        String firstName = first.findElement(By.tagName("h2")).getText();
        first.findElement(By.cssSelector("form.add-to-cart button")).click();
        awaitStatus("Added " + firstName);
        assertEquals("status", browser.switchTo().activeElement().getAttribute("id"), "focus moves to the message");

        // A second product, from its own page, two of them; the quantity field is used by keyboard.
        String secondUrl = cards.get(1).findElement(By.tagName("a")).getAttribute("href");
        browser.get(secondUrl);
        String secondName = text(By.tagName("h1"));
        assertNotEquals(firstName, secondName);
        WebElement quantity = browser.findElement(By.id("quantity"));
        quantity.clear();
        quantity.sendKeys("2", Keys.ENTER);
        awaitStatus("Added " + secondName + " to your cart (2 in cart)");
        screenshot("03-product-added");
        wait.until(d -> text(By.cssSelector("[data-cart-count]")).equals("(3)"));

        // The anonymous cart: change a quantity.
        open("/cart.html");
        wait.until(d -> lines().size() == 2);
        WebElement firstLine = line(firstName);
        WebElement firstQuantity = firstLine.findElement(By.cssSelector("input[type=number]"));
        firstQuantity.clear();
        firstQuantity.sendKeys("3");
        firstLine.findElement(By.cssSelector("form.quantity button")).click();
        awaitStatus("Updated " + firstName);
        wait.until(d -> text(By.cssSelector("[data-cart-count]")).equals("(5)"));
        screenshot("04-anonymous-cart");
        assertTrue(localStorage("storefront.anonymousCart") != null, "the anonymous cart is kept in localStorage");

        // Sign up from the header link; the anonymous cart is merged into the new account's cart.
        browser.findElement(By.cssSelector("[data-account-link]")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Sign in"));
        browser.findElement(By.linkText("Create an account")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Create an account"));
        email = "shopper-" + UUID.randomUUID() + "@example.com";
        browser.findElement(By.id("name")).sendKeys("Ada Shopper");
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(password, Keys.ENTER);
        wait.until(ExpectedConditions.urlContains("/account/index.html"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-profile]"), email));
        assertNull(localStorage("storefront.anonymousCart"), "the anonymous cart was merged and forgotten");
        assertTrue(sessionStorage("storefront.accessToken") != null, "the access token lives in sessionStorage");
        assertEquals("Account", text(By.cssSelector("[data-account-link]")));

        open("/cart.html");
        wait.until(d -> lines().size() == 2);
        assertEquals("3", line(firstName).findElement(By.cssSelector("input")).getAttribute("value"));
        assertEquals("2", line(secondName).findElement(By.cssSelector("input")).getAttribute("value"));
        screenshot("05-merged-cart");

        // An address for the address book.
        open("/account/index.html");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("address-form")));
        fill("address-name", "Ada Shopper");
        fill("address-line1", "1 Harbour Street");
        fill("address-city", "Hamburg");
        fill("address-postal-code", "20457");
        fill("address-country", "de");
        browser.findElement(By.cssSelector("#address-form button[type=submit]")).click();
        awaitStatus("Address saved");
        wait.until(d -> text(By.cssSelector("[data-addresses]")).contains("1 Harbour Street"));
        screenshot("06-address-saved");

        // Checkout. The first response is lost on the way back (the order is placed, the page never hears it).
        open("/checkout.html");
        wait.until(d ->
                browser.findElements(By.cssSelector("[data-checkout-lines] li")).size() == 2);
        wait.until(ExpectedConditions.elementToBeSelected(By.id("ship-to-0")));
        String total = text(By.cssSelector("[data-cart-total]"));
        loseNextOrderResponse();
        WebElement place = browser.findElement(By.cssSelector("[data-place-order]"));
        place.click();
        awaitAlert("did not answer");
        screenshot("07-checkout-response-lost");
        String attempt = sessionStorage("storefront.checkoutAttempt");
        assertTrue(attempt != null && attempt.contains("\"key\""), "the attempt and its key are kept for the retry");

        // The shopper retries with a double click: the same key is sent once more, and the first order comes back.
        new Actions(browser).doubleClick(place).perform();
        wait.until(ExpectedConditions.urlContains("/order.html?id="));
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Thank you for your order"));
        orderId = text(By.cssSelector("[data-order-id]"));
        assertTrue(browser.getCurrentUrl().contains(orderId));
        assertEquals(total, text(By.cssSelector("[data-order-total]")), "the order costs what the cart showed");
        assertEquals(
                2, browser.findElements(By.cssSelector("[data-order-lines] li")).size());
        screenshot("08-order-confirmation");

        // Replaying the very request of that attempt (same Idempotency-Key, same body) answers the same order.
        Map<?, ?> replay = replay(attempt);
        assertEquals(201L, replay.get("status"), replay.toString());
        assertEquals("true", replay.get("replayed"));
        assertEquals(orderId, replay.get("id"));

        // The purchase history shows that one order, and its details.
        open("/account/index.html");
        wait.until(
                d -> !browser.findElements(By.cssSelector("[data-orders] li")).isEmpty());
        List<WebElement> orders = browser.findElements(By.cssSelector("[data-orders] li"));
        assertEquals(1, orders.size(), "one order, however often checkout was pressed");
        assertTrue(orders.get(0).getText().contains(total), orders.get(0).getText());
        screenshot("09-history");
        orders.get(0).findElement(By.tagName("a")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-order-id]"), orderId));
        assertTrue(text(By.cssSelector("[data-order-lines]")).contains(firstName));
        screenshot("10-order-details");
    }

    @Test
    @Order(2)
    void narrowScreenHasNoSidewaysScrolling() throws Exception {
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(375, 812));
        try {
            for (String page : List.of(
                    "/index.html", "/cart.html", "/checkout.html", "/account/index.html", "/search.html?q=black")) {
                open(page);
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1")));
                Number overflow = (Number) browser.executeScript(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                assertTrue(overflow.intValue() <= 0, page + " scrolls sideways by " + overflow + " px");
            }
            screenshot("11-narrow-account");
        } finally {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
        }
    }

    @Test
    @Order(3)
    void shopperStaysSignedInChangesThePasswordAndSignsOut() throws Exception {
        // Signing up signed the shopper in with a refresh cookie no script can read, sent only to the session API.
        Map<String, Object> cookie = refreshCookie();
        assertEquals(true, cookie.get("httpOnly"), cookie.toString());
        assertEquals(true, cookie.get("secure"), "Chromium keeps a Secure cookie from http://127.0.0.1");
        assertEquals("Strict", cookie.get("sameSite"), cookie.toString());
        assertEquals("/api/accounts/session", cookie.get("path"), cookie.toString());
        assertEquals("1", localStorage("storefront.session"), "the only trace scripts see is a hint");

        // The access token runs out (15 minutes pass): the account page renews it and the shopper stays signed in.
        String before = sessionStorage("storefront.accessToken");
        browser.executeScript("window.sessionStorage.setItem('storefront.accessTokenExpiresAt', '0');");
        open("/account/index.html");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-profile]"), email));
        assertNotEquals(before, sessionStorage("storefront.accessToken"), "a new access token");
        assertNotEquals(cookie.get("value"), refreshCookie().get("value"), "the refresh token was rotated");

        // A token the server refuses (401) is renewed once and the call retried.
        browser.executeScript("window.sessionStorage.setItem('storefront.accessToken', 'not-a-token');");
        open("/account/index.html");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-profile]"), email));

        // A new tab starts with no access token and is signed in all the same.
        String firstTab = browser.getWindowHandle();
        browser.switchTo().newWindow(org.openqa.selenium.WindowType.TAB);
        open("/account/index.html");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-profile]"), email));
        assertEquals("Account", text(By.cssSelector("[data-account-link]")));
        screenshot("12-signed-in-in-a-new-tab");
        browser.close();
        browser.switchTo().window(firstTab);

        // The same shopper on another device.
        String otherDevice = signInElsewhere(email, password);
        assertEquals(200, refreshElsewhere(otherDevice).statusCode());
        otherDevice = setCookie(refreshElsewhere(otherDevice));

        // Change the password: a wrong current one is refused, the right one ends every other session.
        open("/account/index.html");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("password-form")));
        fill("current-password", "not my password");
        fill("new-password", "Harbour-Lantern-82");
        browser.findElement(By.cssSelector("#password-form button[type=submit]"))
                .click();
        awaitAlert("Your current password is not correct");
        fill("current-password", password);
        fill("new-password", "Harbour-Lantern-82");
        browser.findElement(By.cssSelector("#password-form button[type=submit]"))
                .click();
        awaitStatus("Your password has been changed");
        password = "Harbour-Lantern-82";
        screenshot("13-password-changed");
        assertEquals(401, refreshElsewhere(otherDevice).statusCode(), "the other device is signed out");
        browser.executeScript("window.sessionStorage.setItem('storefront.accessTokenExpiresAt', '0');");
        open("/account/index.html");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-profile]"), email));

        // Sign out: back on the home page, signed out, and the session is over on the server too.
        String lastToken = (String) refreshCookie().get("value");
        browser.findElement(By.cssSelector("[data-sign-out]")).click();
        wait.until(ExpectedConditions.urlContains("/index.html"));
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-account-link]"), "Sign in"));
        assertNull(localStorage("storefront.session"));
        assertNull(sessionStorage("storefront.accessToken"));
        assertEquals(null, refreshCookie(), "the browser forgot the cookie");
        assertEquals(401, refreshElsewhere(lastToken).statusCode(), "the session is revoked, not only forgotten");
        open("/account/index.html");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-signed-out]")));
        screenshot("14-signed-out");

        // Signing in again takes the new password.
        browser.findElement(By.cssSelector("[data-signed-out] a.button")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Sign in"));
        fill("email", email);
        fill("password", password);
        browser.findElement(By.cssSelector("#sign-in-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-profile]"), email));
    }

    @Test
    @Order(4)
    void whenSomeoneElseBuysTheLastUnitTheCartSaysItCanNoLongerBeBought() throws Exception {
        // One left of a product: an admin (made by the operator's grant-admin command) sets it.
        open("/index.html");
        browser.findElement(By.cssSelector("ul.grid h2 a")).click();
        WebElement card = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("li.card:has(form.add-to-cart button:enabled)")));
        String sku = card.getAttribute("data-sku");
        String name = card.findElement(By.tagName("h2")).getText();
        String admin = signUpElsewhere("admin-" + UUID.randomUUID() + "@example.com");
        assertEquals(0, shop.accountCommand("grant-admin", admin), "grant-admin");
        api("PUT", "/api/orders/stock/" + sku, signInToken(admin), "{\"available\":1}", 200);

        // The signed-in shopper puts it in their cart, and is told there is only one.
        card.findElement(By.cssSelector("form.add-to-cart button")).click();
        awaitStatus("Added " + name);
        open("/cart.html");
        awaitLineSays(name, "Only 1 left");
        screenshot("15a-only-one-left");

        // Someone else buys that last unit first.
        String other = signInToken(signUpElsewhere("other-" + UUID.randomUUID() + "@example.com"));
        String otherCart = field(api("POST", "/api/carts", other, "{}", 201), "id");
        api("PUT", "/api/carts/" + otherCart + "/items/" + sku, other, "{\"quantity\":1}", 200);
        api(
                "POST",
                "/api/orders",
                other,
                "{\"cartId\":\"" + otherCart + "\",\"shippingAddress\":{\"name\":\"Bo\","
                        + "\"line1\":\"2 Quay\",\"city\":\"Kiel\",\"postalCode\":\"24103\",\"country\":\"DE\"}}",
                201,
                "Idempotency-Key",
                UUID.randomUUID().toString());

        // The shopper's cart now says plainly that this line cannot be bought, and checkout says why.
        open("/cart.html");
        awaitLineSays(name, "No longer available");
        screenshot("15b-no-longer-available");
        open("/checkout.html");
        wait.until(d -> !browser.findElements(By.cssSelector("[data-checkout-lines] li"))
                .isEmpty());
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-place-order]")));
        browser.findElement(By.cssSelector("[data-place-order]")).click();
        awaitAlert("Not enough left of " + name);
        assertTrue(browser.getCurrentUrl().contains("/checkout.html"), "no order was placed");
        screenshot("15c-checkout-out-of-stock");
    }

    @Test
    @Order(5)
    void pagesStayUsableWhileCartServiceIsDown() throws Exception {
        ServiceInstance cart = shop.instances().stream()
                .filter(i -> i.service() == ShopService.CART)
                .findFirst()
                .orElseThrow();
        cart.stop(Duration.ofSeconds(15));

        open("/index.html");
        browser.findElement(By.cssSelector("ul.grid h2 a")).click();
        WebElement card = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("li.card:has(form.add-to-cart button:enabled)")));
        card.findElement(By.cssSelector("form.add-to-cart button")).click();
        awaitAlert("cart service is not answering");
        assertEquals("alert", browser.switchTo().activeElement().getAttribute("id"));
        assertTrue(browser.findElement(By.tagName("h1")).isDisplayed(), "the page itself is still there");
        screenshot("15-cart-service-down-category");

        open("/cart.html");
        awaitAlert("cart service is not answering");
        screenshot("16-cart-service-down-cart");

        // Purchase history does not need cart-service.
        open("/account/index.html");
        wait.until(
                d -> !browser.findElements(By.cssSelector("[data-orders] li")).isEmpty());
        assertTrue(text(By.cssSelector("[data-orders]")).contains("Order of"));
        open("/order.html?id=" + orderId);
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-order-id]"), orderId));
        assertEquals("Your order", text(By.tagName("h1")));
        screenshot("17-cart-service-down-order");
    }

    @Test
    @Order(6)
    void shopperSearchesFiltersMisspellsAndFindsARenamedProductWithNoServiceAsked() throws Exception {
        // cart-service is down since the previous step: search reads only the static index in the bucket.
        // The header's search box, on any page, by keyboard.
        open("/index.html");
        browser.findElement(By.id("site-search")).sendKeys("Black", Keys.ENTER);
        wait.until(ExpectedConditions.urlContains("/search.html?q=Black"));
        int black = awaitResultCount("Black");
        assertTrue(black > 5, "black things in several categories: " + black);
        assertEquals(Math.min(black, 20), results().size(), "the first 20 are shown");
        screenshot("18-search-black");

        // Filter by category, then sort by price; the URL says so, and the live region the count.
        new Select(browser.findElement(By.id("search-category"))).selectByVisibleText("Shoes");
        wait.until(ExpectedConditions.urlContains("category=shoes"));
        int shoes = awaitResultCount("Black");
        assertTrue(shoes > 0 && shoes < black, shoes + " of " + black);
        assertTrue(results().stream().allMatch(r -> r.getText().contains("Shoes")), "only shoes are listed");
        new Select(browser.findElement(By.id("search-sort"))).selectByVisibleText("Price: low to high");
        wait.until(ExpectedConditions.urlContains("sort=price"));
        awaitResultCount("Black");
        assertTrue(browser.getCurrentUrl().contains("category=shoes"), browser.getCurrentUrl());
        List<Long> prices = results().stream()
                .map(r -> Long.valueOf(
                        r.findElement(By.cssSelector(".price data")).getAttribute("value")))
                .toList();
        assertEquals(prices.stream().sorted().toList(), prices, "cheapest first");
        assertEquals("status", browser.findElement(By.id("search-summary")).getAttribute("role"));
        screenshot("19-search-shoes-by-price");

        // One typo, even in the first letters, and capitals and accents do not matter (in every category again).
        new Select(browser.findElement(By.id("search-category"))).selectByVisibleText("All categories");
        wait.until(d -> !browser.getCurrentUrl().contains("category="));
        awaitResultCount("Black");
        int headphones = search("headphones");
        assertTrue(headphones > 0);
        for (String typo : List.of("hedphones", "haedphones", "geadphones", "HEADPHÔNES")) {
            assertEquals(headphones, search(typo), typo + " finds the headphones");
            assertTrue(results().stream().allMatch(r -> r.getText().contains("Headphones")), typo);
        }
        screenshot("20-search-misspelt");

        // The page reads text by the publisher's rules (SearchText).
        assertEquals(
                List.of("creme", "brulee"), browser.executeScript("return StorefrontSearch.terms('Crème BRÛLÉE');"));

        // Open a result from the keyboard.
        WebElement first = results().get(0);
        String sku = first.getAttribute("data-sku");
        String name = first.findElement(By.tagName("h2")).getText();
        first.findElement(By.tagName("a")).sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), name));

        // An admin renames that product; the change's publish makes it findable by its new name.
        String admin = signUpElsewhere("search-admin-" + UUID.randomUUID() + "@example.com");
        assertEquals(0, shop.accountCommand("grant-admin", admin), "grant-admin");
        String token = signInToken(admin);
        String product = api("GET", "/api/catalog/products/" + sku, token, "", 200);
        String renamed = "Zéphyr Lantern";
        api("PUT", "/api/catalog/products/" + sku, token, replacement(product, renamed), 200);
        browser.executeCdpCommand("Network.clearBrowserCache", Map.of()); // pages and shards may be cached a minute
        open("/search.html?q=zephyr");
        assertEquals(1, awaitResultCount("zephyr"));
        assertEquals(renamed, results().get(0).findElement(By.tagName("h2")).getText());
        screenshot("21-search-renamed");
        reportSearchFigures();
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    private static void awaitPublished() {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> cart = http.send(
                        HttpRequest.newBuilder(URI.create(base() + "/cart.html"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (cart.statusCode() == 200) {
                    return;
                }
                Thread.sleep(500);
            } catch (IOException e) {
                // the edge is up once the shop has started; keep trying until the deadline
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("The storefront was not published within 120 s");
    }

    private static String base() {
        return "http://127.0.0.1:" + shop.edgePort();
    }

    private static void open(String path) {
        browser.get(base() + path);
    }

    private static String text(By by) {
        return browser.findElement(by).getText().trim();
    }

    private static void fill(String id, String value) {
        WebElement input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(value);
    }

    private static List<WebElement> lines() {
        return browser.findElements(By.cssSelector("[data-cart-lines] li"));
    }

    private static WebElement line(String name) {
        return lines().stream()
                .filter(l -> l.getText().contains(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no cart line for " + name));
    }

    /** Waits until the cart line of {@code name} is shown and says {@code text}. */
    private static void awaitLineSays(String name, String text) {
        try {
            wait.until(d -> lines().stream()
                    .map(WebElement::getText)
                    .anyMatch(line -> line.contains(name) && line.contains(text)));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("Expected the line of " + name + " to say \"" + text + "\"; the lines: "
                    + lines().stream().map(WebElement::getText).toList());
        }
    }

    private static void awaitStatus(String text) {
        try {
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), text));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("Expected \"" + text + "\" on " + browser.getCurrentUrl() + "; the page says: "
                    + browser.findElement(By.id("alert")).getText());
        }
    }

    private static void awaitAlert(String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("alert"), text));
        assertEquals("alert", browser.findElement(By.id("alert")).getAttribute("role"));
    }

    private static String localStorage(String key) {
        return (String) browser.executeScript("return window.localStorage.getItem(arguments[0]);", key);
    }

    private static String sessionStorage(String key) {
        return (String) browser.executeScript("return window.sessionStorage.getItem(arguments[0]);", key);
    }

    /** The browser's refresh cookie as Chromium stores it (DevTools protocol: HttpOnly cookies included), or null. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> refreshCookie() {
        Map<String, Object> all = browser.executeCdpCommand("Network.getAllCookies", Map.of());
        return ((List<Map<String, Object>>) all.get("cookies"))
                .stream()
                        .filter(c -> "storefront_refresh".equals(c.get("name")))
                        .findFirst()
                        .orElse(null);
    }

    /** Signs in from outside the browser (another device) and returns its refresh token. */
    private static String signInElsewhere(String email, String password) throws IOException, InterruptedException {
        HttpResponse<String> login = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(base() + "/api/accounts/login"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, login.statusCode(), login.body());
        return setCookie(login);
    }

    private static HttpResponse<String> refreshElsewhere(String refreshToken) throws IOException, InterruptedException {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(base() + "/api/accounts/session/refresh"))
                                .header("Cookie", "storefront_refresh=" + refreshToken)
                                .header("X-Requested-With", "e2e")
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private static String setCookie(HttpResponse<String> response) {
        String header = response.headers().firstValue("Set-Cookie").orElseThrow();
        return header.substring("storefront_refresh=".length(), header.indexOf(';'));
    }

    /** Signs up an account through the edge (password {@link #OTHER_PASSWORD}); returns its email. */
    private static String signUpElsewhere(String email) throws IOException, InterruptedException {
        api(
                "POST",
                "/api/accounts",
                null,
                "{\"email\":\"" + email + "\",\"password\":\"" + OTHER_PASSWORD + "\",\"name\":\"Bo\"}",
                201);
        return email;
    }

    /** A fresh access token for an account made by {@link #signUpElsewhere}, with the groups it has now. */
    private static String signInToken(String email) throws IOException, InterruptedException {
        String login = api(
                "POST",
                "/api/accounts/login",
                null,
                "{\"email\":\"" + email + "\",\"password\":\"" + OTHER_PASSWORD + "\"}",
                200);
        return field(login, "accessToken");
    }

    /**
     * One JSON call through the edge, outside the browser, with {@code headers} (name, value pairs); fails unless it
     * answers {@code status}.
     */
    private static String api(String method, String path, String token, String body, int status, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response =
                HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(status, response.statusCode(), method + " " + path + ": " + response.body());
        return response.body();
    }

    /** A top-level string field of a JSON body. */
    private static String field(String body, String name) {
        var match = java.util.regex.Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"")
                .matcher(body);
        assertTrue(match.find(), name + " in " + body);
        return match.group(1);
    }

    /** Searches from the search page's own field; returns the count the live region announces. */
    private static int search(String query) {
        WebElement field = browser.findElement(By.id("search-q"));
        field.clear();
        field.sendKeys(query, Keys.ENTER);
        return awaitResultCount(query);
    }

    /** Waits until the live region announces the results of {@code query}; returns their count. */
    private static int awaitResultCount(String query) {
        By summary = By.id("search-summary");
        java.util.regex.Pattern count = java.util.regex.Pattern.compile(
                "^(\\d+) products? match(?:es)? “" + java.util.regex.Pattern.quote(query) + "”");
        try {
            wait.until(d -> count.matcher(text(summary)).find() || text(summary).startsWith("No products match"));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("No results for \"" + query + "\"; the page says: " + text(summary) + " / "
                    + browser.findElement(By.id("alert")).getText());
        }
        var match = count.matcher(text(summary));
        return match.find() ? Integer.parseInt(match.group(1)) : 0;
    }

    private static List<WebElement> results() {
        return browser.findElements(By.cssSelector("[data-search-results] li"));
    }

    /** The product's admin view (GET) turned into a replacement (PUT) with another name. */
    private static String replacement(String view, String name) throws IOException {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var product = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(view);
        product.put("name", name);
        product.remove(List.of("image", "updatedAt", "soldOut")); // read-only fields of the view
        return json.writeValueAsString(product);
    }

    /**
     * What the last search cost in this browser, as the page measured it (performance.now() around fetching and
     * showing the first results; Resource Timing for the bytes of the index fetched). Reported, never asserted.
     */
    private static void reportSearchFigures() throws IOException {
        open("/search.html?q=black&sort=price");
        awaitResultCount("black");
        Map<?, ?> cold = (Map<?, ?>) browser.executeScript("return StorefrontSearch.last;");
        String timeline = timeline();
        search("trail runner");
        Map<?, ?> warm = (Map<?, ?>) browser.executeScript("return StorefrontSearch.last;");
        String report = String.format(
                "search on loopback, new page \"black\" sorted by price: %s results, first results %s ms after the"
                        + " search started (%s ms after navigation), %s bytes of index fetched%n"
                        + "search \"trail runner\" on the same page: %s results, first results in %s ms, %s bytes"
                        + " fetched%n",
                cold.get("results"),
                cold.get("ms"),
                cold.get("sinceNavigation"),
                cold.get("bytes"),
                warm.get("results"),
                warm.get("ms"),
                warm.get("bytes"));
        report += timeline;
        LOG.info(report);
        Files.writeString(screenshots.resolveSibling("search-figures.txt"), report);
    }

    /**
     * Where the time of a new page's first search went, in ms since navigation (Navigation and Resource Timing): the
     * page's own load, then each fetch (start, first byte, end) and the search's start and first results.
     */
    private static String timeline() {
        Object lines = browser.executeScript("""
                const r = x => Math.round(x);
                const nav = performance.getEntriesByType('navigation')[0];
                const last = StorefrontSearch.last;
                const out = ['timeline of that first search (ms since navigation; fetch: start, first byte, end)',
                  '  page: first byte ' + r(nav.responseStart) + ', end ' + r(nav.responseEnd)
                    + ', DOMContentLoaded ' + r(nav.domContentLoadedEventStart)];
                performance.getEntriesByType('resource').forEach(e => out.push('  ' + new URL(e.name).pathname
                  + ': ' + r(e.startTime) + ', ' + r(e.responseStart) + ', ' + r(e.responseEnd)
                  + ' (' + e.encodedBodySize + ' bytes)'));
                out.push('  search started ' + (last.sinceNavigation - last.ms)
                  + ', first results ' + last.sinceNavigation);
                return out.join('\\n') + '\\n';
                """);
        return String.valueOf(lines);
    }

    /** The next POST /api/orders reaches the server, but its answer is dropped, as when a connection breaks. */
    private static void loseNextOrderResponse() {
        browser.executeScript("""
                const realFetch = window.fetch;
                window.fetch = function (url, init) {
                  if (String(url) === '/api/orders' && init && init.method === 'POST') {
                    window.fetch = realFetch;
                    return realFetch(url, init).then(() => { throw new TypeError('connection lost'); });
                  }
                  return realFetch(url, init);
                };
                """);
    }

    /** Sends the stored checkout attempt again, exactly as the page sent it. */
    private static Map<?, ?> replay(String attempt) {
        Object result = ((JavascriptExecutor) browser).executeAsyncScript("""
                        const done = arguments[arguments.length - 1];
                        const attempt = JSON.parse(arguments[0]);
                        fetch('/api/orders', {
                          method: 'POST',
                          headers: {
                            'Content-Type': 'application/json',
                            'Authorization': 'Bearer ' + sessionStorage.getItem('storefront.accessToken'),
                            'Idempotency-Key': attempt.key
                          },
                          body: attempt.body
                        }).then(r => r.json().then(b => done({
                          status: r.status, replayed: r.headers.get('Idempotent-Replayed'), id: b.id
                        }))).catch(e => done({ error: String(e) }));
                        """, attempt);
        return (Map<?, ?>) result;
    }

    private static void screenshot(String name) throws IOException {
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), screenshots.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
