package dev.storefront.load;

import static io.gatling.javaapi.core.CoreDsl.AllowList;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.exitBlockOnFail;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Shoppers on the whole local shop, through the edge only (loopback). Each arriving shopper is one of:
 *
 * <ul>
 *   <li>70 % browsers: home, a category, a few product pages and their catalog JSON;
 *   <li>18 % who fill an anonymous cart and leave;
 *   <li>7 % new buyers: browse, fill an anonymous cart, sign up, sign in, merge the cart, check out, view their
 *       history and the order;
 *   <li>5 % returning buyers: sign in, fill their own cart, check out, view history and the order.
 * </ul>
 *
 * <p>Arrivals (open model) ramp up, hold, spike and recover; see {@link LoadSettings} and README.md. The run fails
 * (non-zero exit) when 1 % or more of all requests, or of any group's, fail, or when no order was placed.
 */
public class ShopperSimulation extends Simulation {
    /** Percent of arrivals that are returning buyers. */
    private static final double RETURNING = 5.0;

    private final LoadSettings settings = LoadSettings.fromEnvironment();
    private final ShopData shopData = new ShopData(settings.baseUrl());
    private final List<Map<String, Object>> returningAccounts = ShopData.returningAccounts(
            Long.toString(Instant.now().getEpochSecond(), 36), settings.accountsFor(RETURNING / 100));

    private static final List<String> SHOPPER_ADDRESSES =
            IntStream.rangeClosed(2, 254).mapToObj(n -> "127.0.0." + n).toList();

    private final HttpProtocolBuilder protocol = http.baseUrl(
                    settings.baseUrl().toString().replaceAll("/$", ""))
            // Gatling's default warm-up request goes to gatling.io; this run stays on loopback.
            .disableWarmUp()
            // Each shopper connects from its own loopback address (127.0.0.2 to 127.0.0.254, in turn), as real
            // shoppers come from their own: account-service limits sign-ins per client address, and from one
            // address the whole crowd was one client to it.
            .localAddresses(SHOPPER_ADDRESSES)
            .acceptHeader("text/html,application/xhtml+xml,application/json;q=0.9,*/*;q=0.8")
            .acceptEncodingHeader("gzip, deflate")
            .acceptLanguageHeader("en")
            .userAgentHeader("storefront-load/1.0 (Gatling)")
            // Like a browser: the CSS and script every page references, cached per shopper. Product images are
            // fetched on product pages only (Journeys): a category page's thumbnails load lazily in a browser.
            .inferHtmlResources(AllowList(".*/assets/.*"))
            .nameInferredHtmlResources(uri -> "asset");

    private final Journeys journeys = new Journeys(
            listFeeder(shopData.purchasableProducts()).random(),
            listFeeder(returningAccounts).circular(),
            settings.thinkTime());

    // A shopper whose request fails leaves (exitBlockOnFail), as a real one would, rather than carrying on without
    // the cart or token the failed step should have given them: one failure is counted once.
    private final ScenarioBuilder shoppers = scenario("shoppers")
            .randomSwitch()
            .on(
                    percent(70.0).then(exitBlockOnFail().on(journeys.browse())),
                    percent(18.0).then(exitBlockOnFail().on(journeys.fillAnonymousCart())),
                    percent(7.0)
                            .then(exitBlockOnFail()
                                    .on(exec(journeys.browse())
                                            .exec(journeys.fillAnonymousCart())
                                            .exec(journeys.signUpAndMergeCart())
                                            .exec(journeys.checkOutAndViewHistory()))),
                    percent(RETURNING)
                            .then(exitBlockOnFail()
                                    .on(exec(journeys.signInAndFillOwnCart())
                                            .exec(journeys.checkOutAndViewHistory()))));

    {
        double rate = settings.rate();
        double peak = rate * settings.spikeFactor();
        System.out.println("Load scenario on " + settings.describe());
        setUp(shoppers.injectOpen(
                        rampUsersPerSec(Math.min(0.1, rate)).to(rate).during(settings.ramp()),
                        constantUsersPerSec(rate).during(settings.steady()),
                        rampUsersPerSec(rate).to(peak).during(LoadSettings.SPIKE_EDGE),
                        constantUsersPerSec(peak).during(settings.spike()),
                        rampUsersPerSec(peak).to(rate).during(LoadSettings.SPIKE_EDGE),
                        constantUsersPerSec(rate).during(settings.recovery())))
                .protocols(protocol)
                .maxDuration(settings.maxDuration())
                .assertions(
                        global().failedRequests().percent().lt(1.0),
                        // Per group too: sign-ups and orders are a small share of all requests, so a dead
                        // account- or order-service could hide under the global 1 %.
                        details("browse").failedRequests().percent().lt(1.0),
                        details("cart").failedRequests().percent().lt(1.0),
                        details("account").failedRequests().percent().lt(1.0),
                        details("checkout").failedRequests().percent().lt(1.0),
                        details("history").failedRequests().percent().lt(1.0),
                        details("checkout", "place order")
                                .successfulRequests()
                                .count()
                                .gt(0L));
    }

    @Override
    public void before() {
        // Returning buyers need accounts; making them is not part of what is measured.
        shopData.signUp(returningAccounts);
        writePhases();
    }

    /** For run.sh's summary: where each phase lies in the report's time axis. */
    private void writePhases() {
        String file = System.getenv("LOAD_PHASES_FILE");
        if (file != null && !file.isBlank()) {
            try {
                Files.writeString(Path.of(file), settings.phases() + System.lineSeparator());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
