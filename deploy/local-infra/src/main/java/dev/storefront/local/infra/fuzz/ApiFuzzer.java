package dev.storefront.local.infra.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Sends generated bad requests to every operation of a running service's OpenAPI document and checks each answer:
 *
 * <ul>
 *   <li>never 500 or above;
 *   <li>a 4xx is {@code application/problem+json} whose {@code status} is the answer's, except the HTTP server's own
 *       answers before any route runs (a 400, 413, 414 or 431 without a body), which are counted apart;
 *   <li>a request whose defect breaks what the operation declares is refused (a 2xx is a generator bug or a finding);
 *   <li>a refused request stores nothing: the service's {@link StoredState} is the same after it as before.
 * </ul>
 *
 * <p>Deterministic: case {@code i} of an operation depends on the seed alone ({@code -Dfuzz.seed}, default
 * {@value #DEFAULT_SEED}); {@code -Dfuzz.only='PUT /api/carts/{id}/items/{sku}#17'} sends that one case again, and
 * {@code -Dfuzz.cases} changes the number per operation. A failure names the operation, the case, the request and the
 * answer.
 */
public final class ApiFuzzer {
    public static final long DEFAULT_SEED = 20261202L;
    public static final int DEFAULT_CASES = 500;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String service;
    private URI api;
    private List<ApiOperation> operations = List.of();
    private final List<BadInputs.Credential> credentials = new ArrayList<>();
    private final Map<String, List<String>> foreign = new LinkedHashMap<>();
    private boolean bearerAlwaysRead;
    private long bodyLimit = 64 * 1024;
    private Supplier<? extends Map<String, String>> state = Map::of;
    private Supplier<Map<String, String>> headersPerRequest = Map::of;
    private long seed = Long.getLong("fuzz.seed", DEFAULT_SEED);
    private int cases = Integer.getInteger("fuzz.cases", DEFAULT_CASES);
    private final String only = System.getProperty("fuzz.only", "");

    private ApiFuzzer(String service) {
        this.service = service;
    }

    public static ApiFuzzer of(String service) {
        return new ApiFuzzer(service);
    }

    /** Where the API is, e.g. {@code http://localhost:8081}. */
    public ApiFuzzer api(URI api) {
        this.api = api;
        return this;
    }

    /** The operations to fuzz, e.g. {@link OpenApiDocument#fromManagementPort(int)}. */
    public ApiFuzzer operations(List<ApiOperation> operations) {
        this.operations = List.copyOf(operations);
        return this;
    }

    /**
     * A valid bearer token the fuzzer sends on half of the cases (credentials take turns). It must own none of the
     * {@link #foreign} values, or a case could be accepted.
     */
    public ApiFuzzer credential(String label, String bearerToken) {
        credentials.add(new BadInputs.Credential(label, "Bearer " + bearerToken));
        return this;
    }

    /** Values of a path parameter that exist but belong to none of the {@link #credential}s, e.g. another's cart. */
    public ApiFuzzer foreign(String pathParameter, List<String> values) {
        foreign.put(pathParameter, List.copyOf(values));
        return this;
    }

    /**
     * The service checks a bearer token on every operation, also where the document declares none (e.g. an optional
     * sign-in): a bad token is then a defect everywhere.
     */
    public ApiFuzzer bearerAlwaysRead() {
        this.bearerAlwaysRead = true;
        return this;
    }

    public ApiFuzzer bodyLimit(long bytes) {
        this.bodyLimit = bytes;
        return this;
    }

    /** What the service has stored, read after every request; see {@link StoredState#snapshot}. */
    public ApiFuzzer state(Supplier<? extends Map<String, String>> state) {
        this.state = state;
        return this;
    }

    /** Headers sent with every request, made anew for each (e.g. an {@code X-Forwarded-For} of its own). */
    public ApiFuzzer headersPerRequest(Supplier<Map<String, String>> headers) {
        this.headersPerRequest = headers;
        return this;
    }

    public ApiFuzzer casesPerOperation(int cases) {
        this.cases = cases;
        return this;
    }

    /** Sends every case and checks every answer; the report's {@link FuzzReport#failures()} lists what broke. */
    public FuzzReport run() {
        Objects.requireNonNull(api, "api");
        if (operations.isEmpty()) {
            throw new IllegalStateException(service + ": no operations to fuzz");
        }
        BadInputs inputs = new BadInputs(seed, credentials, foreign, bearerAlwaysRead, bodyLimit);
        FuzzReport report = new FuzzReport(service, seed);
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(TIMEOUT)
                .build();
        long start = System.nanoTime();
        Map<String, String> before = state.get();
        for (ApiOperation operation : operations) {
            for (int i = 0; i < cases; i++) {
                if (!only.isEmpty() && !only.equals(operation.key() + "#" + i)) {
                    continue;
                }
                FuzzCase request = inputs.generate(operation, i);
                before = check(client, request, report, before);
            }
        }
        report.took((System.nanoTime() - start) / 1_000_000);
        System.out.println(report.summary());
        write(report);
        return report;
    }

    private Map<String, String> check(
            HttpClient client, FuzzCase request, FuzzReport report, Map<String, String> before) {
        FuzzReport.Stats stats = report.of(request.operation());
        HttpResponse<byte[]> answer;
        long sent = System.nanoTime();
        try {
            answer = client.send(http(request), HttpResponse.BodyHandlers.ofByteArray());
            report.answering(System.nanoTime() - sent);
        } catch (IOException e) {
            stats.requests++;
            report.fail(request, "No answer", e.toString());
            return state.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        stats.requests++;
        if (request.authorization() != null
                && !request.auth().contains("token")
                && !request.auth().contains("bearer")
                && !request.auth().contains("credentials")) {
            stats.withToken++;
        }
        int status = answer.statusCode();
        stats.statuses.merge(status, 1, Integer::sum);
        String shown = describe(answer);
        long read = System.nanoTime();
        Map<String, String> after = state.get();
        report.snapshotting(System.nanoTime() - read);
        if (status >= 500) {
            report.fail(request, "Server error " + status, shown);
        } else if (status >= 400) {
            if (!isProblem(answer)) {
                if (isServerLevel(answer)) {
                    stats.serverLevel++;
                } else {
                    report.fail(request, "A " + status + " that is not problem+json", shown);
                }
            }
            if (!after.equals(before)) {
                report.fail(request, "A refused request changed what is stored: " + changes(before, after), shown);
            }
        } else if (request.declared()) {
            report.fail(request, "A bad request was accepted (" + status + ")", shown);
        } else {
            stats.accepted++;
        }
        return after;
    }

    private HttpRequest http(FuzzCase request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(api + request.pathAndQuery()))
                .timeout(TIMEOUT)
                .header("Accept", "application/json");
        headersPerRequest.get().forEach(builder::header);
        request.headers().forEach(builder::header);
        if (request.authorization() != null) {
            builder.header("Authorization", request.authorization());
        }
        if (request.contentType() != null) {
            builder.header("Content-Type", request.contentType());
        }
        HttpRequest.BodyPublisher body;
        if (request.body() == null) {
            body = HttpRequest.BodyPublishers.noBody();
        } else if (request.chunked()) {
            body = HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(request.body()));
        } else {
            body = HttpRequest.BodyPublishers.ofByteArray(request.body());
        }
        return builder.method(request.method(), body).build();
    }

    private static boolean isProblem(HttpResponse<byte[]> answer) {
        String type = answer.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith("application/problem+json")) {
            return false;
        }
        try {
            JsonNode problem = JSON.readTree(answer.body());
            return problem.path("status").asInt() == answer.statusCode()
                    && problem.hasNonNull("type")
                    && problem.hasNonNull("title");
        } catch (IOException e) {
            return false;
        }
    }

    /** The HTTP server's own refusal of a request it could not take, before any route: a bare status. */
    private static boolean isServerLevel(HttpResponse<byte[]> answer) {
        return List.of(400, 413, 414, 431).contains(answer.statusCode()) && answer.body().length == 0;
    }

    private static String describe(HttpResponse<byte[]> answer) {
        return answer.statusCode() + " "
                + answer.headers().firstValue("Content-Type").orElse("(no Content-Type)") + " "
                + FuzzCase.abbreviate(new String(answer.body(), StandardCharsets.UTF_8), 400);
    }

    private static String changes(Map<String, String> before, Map<String, String> after) {
        List<String> changed = new ArrayList<>();
        after.forEach((table, now) -> {
            if (!now.equals(before.get(table))) {
                changed.add(table + " (" + before.get(table) + " -> " + now + ")");
            }
        });
        return String.join(", ", changed);
    }

    private void write(FuzzReport report) {
        try {
            Path target = Path.of("target");
            if (Files.isDirectory(target)) {
                Files.writeString(target.resolve("fuzz-report.txt"), report.summary());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
