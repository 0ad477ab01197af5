package dev.storefront.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.repeat;
import static io.gatling.javaapi.http.HttpDsl.currentLocation;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.core.FeederBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The steps a shopper takes, as the storefront's pages and scripts make them: static pages from the bucket (with their
 * CSS, JS and images, inferred from the HTML), then the APIs under {@code /api}. Requests are grouped by what they are
 * for (browse, cart, account, checkout, history), so the report gives percentiles per group.
 */
final class Journeys {
    private final FeederBuilder<Object> products;
    private final FeederBuilder<Object> returningAccounts;
    private final double thinkTime;

    Journeys(FeederBuilder<Object> products, FeederBuilder<Object> returningAccounts, double thinkTime) {
        this.products = products;
        this.returningAccounts = returningAccounts;
        this.thinkTime = thinkTime;
    }

    /** Home, a category, one to three of its products (page and catalog JSON), sometimes a second category. */
    ChainBuilder browse() {
        return exec(home("/"))
                .exec(think(2, 5))
                .exec(categoryAndProducts())
                .randomSwitch()
                .on(percent(40.0)
                        .then(exec(think(2, 4)).exec(home("/index.html")).exec(categoryAndProducts())));
    }

    /**
     * An anonymous cart: lands on one to three product pages (from a search or a link) and adds each, then looks at the
     * cart.
     */
    ChainBuilder fillAnonymousCart() {
        return exec(group("cart")
                        .on(http("create cart")
                                .post("/api/carts")
                                .check(status().is(201))
                                .check(jsonPath("$.id").saveAs("cartId"))
                                .check(jsonPath("$.token").saveAs("cartToken"))))
                .exec(repeat(session -> ThreadLocalRandom.current().nextInt(1, 4))
                        .on(exec(productPageFromCatalog())
                                .exec(think(2, 6))
                                .exec(addItem("X-Cart-Token", "#{cartToken}"))
                                .exec(think(1, 3))))
                .exec(viewCart("X-Cart-Token", "#{cartToken}"));
    }

    /** Signs up (the sign-up page, then the account), signs in, and merges the anonymous cart into the account's. */
    ChainBuilder signUpAndMergeCart() {
        return exec(session -> session.set("email", "shopper-" + UUID.randomUUID() + "@example.com"))
                .exec(page("sign-up page", "/sign-up.html"))
                .exec(think(5, 10))
                .exec(group("account")
                        .on(http("sign up")
                                .post("/api/accounts")
                                .body(StringBody("{\"email\":\"#{email}\",\"password\":\"" + ShopData.PASSWORD
                                        + "\",\"name\":\"Load Shopper\"}"))
                                .asJson()
                                .check(status().is(201))))
                .exec(signIn())
                .exec(group("checkout")
                        .on(http("merge cart")
                                .post("/api/carts/#{cartId}/merge")
                                .header("Authorization", "Bearer #{accessToken}")
                                .header("X-Cart-Token", "#{cartToken}")
                                .check(status().is(200))
                                .check(jsonPath("$.signedIn").ofBoolean().is(true))
                                .check(jsonPath("$.id").saveAs("cartId"))));
    }

    /** A returning buyer: signs in, opens their own cart and puts one or two products in it. */
    ChainBuilder signInAndFillOwnCart() {
        return feed(returningAccounts)
                .exec(page("sign-in page", "/sign-in.html"))
                .exec(think(3, 6))
                .exec(signIn())
                .exec(group("cart")
                        .on(http("open own cart")
                                .post("/api/carts")
                                .header("Authorization", "Bearer #{accessToken}")
                                .check(status().in(200, 201))
                                .check(jsonPath("$.id").saveAs("cartId"))))
                .exec(repeat(session -> ThreadLocalRandom.current().nextInt(1, 3))
                        .on(exec(productPageFromCatalog())
                                .exec(think(2, 5))
                                .exec(addItem("Authorization", "Bearer #{accessToken}"))))
                .exec(viewCart("Authorization", "Bearer #{accessToken}"));
    }

    /**
     * Checks out the signed-in cart with a new Idempotency-Key and a shipping address, then looks at the order history
     * (which must list the new order) and at the order.
     */
    ChainBuilder checkOutAndViewHistory() {
        return exec(page("checkout page", "/checkout.html"))
                .exec(group("account")
                        .on(http("address book")
                                .get("/api/accounts/me/addresses")
                                .header("Authorization", "Bearer #{accessToken}")
                                .check(status().is(200))))
                .exec(think(5, 12))
                .exec(group("checkout")
                        .on(http("place order")
                                .post("/api/orders")
                                .header("Authorization", "Bearer #{accessToken}")
                                .header("Idempotency-Key", session -> UUID.randomUUID()
                                        .toString())
                                .body(StringBody("""
                                        {"cartId":"#{cartId}","shippingAddress":{"name":"Load Shopper",\
                                        "line1":"1 Benchmark Road","city":"Loopback","postalCode":"10115","country":"DE"}}"""))
                                .asJson()
                                .check(status().is(201))
                                .check(jsonPath("$.status").is("PLACED"))
                                .check(jsonPath("$.total").ofLong().gt(0L))
                                .check(jsonPath("$.id").saveAs("orderId"))))
                .exec(think(2, 5))
                .exec(page("account page", "/account/index.html"))
                .exec(group("account")
                        .on(http("profile")
                                .get("/api/accounts/me")
                                .header("Authorization", "Bearer #{accessToken}")
                                .check(status().is(200))
                                .check(jsonPath("$.email").isEL("#{email}"))))
                .exec(group("history")
                        .on(http("order history")
                                .get("/api/orders?size=20")
                                .header("Authorization", "Bearer #{accessToken}")
                                .check(status().is(200))
                                .check(jsonPath("$.items[?(@.id == '#{orderId}')].status")
                                        .exists())))
                .exec(think(2, 5))
                .exec(page("order page", "/order.html?id=#{orderId}"))
                .exec(group("history")
                        .on(http("view order")
                                .get("/api/orders/#{orderId}")
                                .header("Authorization", "Bearer #{accessToken}")
                                .check(status().is(200))
                                .check(jsonPath("$.id").isEL("#{orderId}"))
                                .check(jsonPath("$.lines[*].sku").findAll().exists())));
    }

    private static ChainBuilder home(String path) {
        return exec(group("browse")
                .on(fromBucket(
                        http("home").get(path),
                        List.of(css("a[href^='/categories/']", "href")
                                .findRandom()
                                .saveAs("categoryUrl")),
                        "categoryUrl")));
    }

    /** Sets the quantity of the product just viewed; the cart must show it. */
    private static ChainBuilder addItem(String header, String value) {
        return exec(group("cart")
                .on(http("add item")
                        .put("/api/carts/#{cartId}/items/#{sku}")
                        .header(header, value)
                        .body(StringBody("{\"quantity\": #{quantity}}"))
                        .asJson()
                        .check(status().is(200))
                        .check(jsonPath("$.lines[?(@.sku == '#{sku}')].quantity")
                                .ofInt()
                                .isEL("#{quantity}"))));
    }

    private ChainBuilder categoryAndProducts() {
        return exec(group("browse")
                        .on(fromBucket(
                                http("category page").get("#{categoryUrl}"),
                                List.of(css("a[href^='/products/']", "href")
                                        .findRandom(3, true)
                                        .saveAs("productUrls")),
                                "productUrls")))
                .exec(think(3, 8))
                .exec(repeat(session -> ThreadLocalRandom.current().nextInt(1, 4), "n")
                        .on(exec(session -> session.set(
                                        "productUrl",
                                        session.getList("productUrls").get(session.getInt("n"))))
                                .exec(productPage())
                                .exec(think(4, 12))));
    }

    private ChainBuilder productPageFromCatalog() {
        return feed(products)
                .exec(session ->
                        session.set("quantity", ThreadLocalRandom.current().nextInt(1, 4)))
                .exec(productPage());
    }

    /**
     * The product page and its image, then the product's catalog JSON: the published contract that cart- and
     * order-service read, here read the way an app or a price-comparison client would.
     */
    private ChainBuilder productPage() {
        return exec(group("browse")
                .on(exec(fromBucket(
                                http("product page").get("#{productUrl}"),
                                List.of(
                                        css("article.product", "data-sku").saveAs("sku"),
                                        css("article.product img", "src").saveAs("imageUrl")),
                                "sku",
                                "imageUrl"))
                        .exec(http("product image").get("#{imageUrl}").check(status().is(200)))
                        .exec(fromBucket(
                                http("product json").get("/catalog/products/#{sku}.json"),
                                List.of(
                                        jsonPath("$.sku").isEL("#{sku}"),
                                        jsonPath("$.price").ofLong().gte(0L))))));
    }

    private ChainBuilder viewCart(String header, String value) {
        return exec(page("cart page", "/cart.html"))
                .exec(group("cart")
                        .on(http("view cart")
                                .get("/api/carts/#{cartId}")
                                .header(header, value)
                                .check(status().is(200))
                                .check(jsonPath("$.id").isEL("#{cartId}"))
                                .check(jsonPath("$.lines[*].sku").findAll().exists())));
    }

    private ChainBuilder signIn() {
        return exec(group("account")
                .on(http("sign in")
                        .post("/api/accounts/login")
                        .body(StringBody("{\"email\":\"#{email}\",\"password\":\"" + ShopData.PASSWORD + "\"}"))
                        .asJson()
                        .check(status().is(200))
                        .check(jsonPath("$.accessToken").saveAs("accessToken"))));
    }

    /** A static page of the shopper's flow (cart, sign-in, checkout …): served from the bucket like the catalog. */
    private static ChainBuilder page(String name, String path) {
        return exec(group("browse").on(fromBucket(http(name).get(path), List.of())));
    }

    /**
     * A page or document from the bucket ({@code max-age=60}) as a browser gets it: 200, or 304 when the shopper's
     * cache revalidates a copy older than a minute (a shopper back on a page, more often while the spike slows every
     * answer). A browser shows its copy then. Here {@code readBody} runs on a 200 only, and the attributes it saved
     * ({@code saved}) are kept per URL and set again on a 304.
     */
    private static ChainBuilder fromBucket(
            HttpRequestActionBuilder request, List<CheckBuilder> readBody, String... saved) {
        return exec(request.check(
                                status().in(200, 304).saveAs("status"),
                                currentLocation().saveAs("location"))
                        .checkIf((response, session) -> response.status().code() == 200)
                        .then(readBody))
                .exec(session -> {
                    if (saved.length == 0 || !session.contains("status")) { // a failed request is reported as such
                        return session.remove("status");
                    }
                    String copy = "copy of " + session.getString("location");
                    Session answered = session.remove("status");
                    if (session.getInt("status") == 304) {
                        return session.contains(copy) ? answered.setAll(session.getMap(copy)) : answered.markAsFailed();
                    }
                    Map<String, Object> read = new HashMap<>();
                    for (String name : saved) {
                        if (session.contains(name)) {
                            read.put(name, session.get(name));
                        }
                    }
                    return read.size() == saved.length ? answered.set(copy, read) : answered;
                });
    }

    /** A pause of min..max seconds, scaled by the think-time setting. */
    private ChainBuilder think(int minSeconds, int maxSeconds) {
        return pause(
                Duration.ofMillis(Math.round(minSeconds * 1000 * thinkTime)),
                Duration.ofMillis(Math.round(maxSeconds * 1000 * thinkTime)));
    }
}
