package dev.storefront.deploy.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.deploy.aws.construct.PublicApi;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * The edge in AWS: nothing but CloudFront reaches the ALB, paths that would resolve outside their service's public
 * prefix never leave CloudFront, every answer carries the security headers, and the shop's 404 page answers missing
 * pages only, never an API.
 */
class EdgeSecurityTest {
    private static Template template;

    @BeforeAll
    static void synthesise() {
        template = Synth.of("dev").shop;
    }

    @Test
    void theAlbIsInternalInThePrivateSubnets() {
        template.hasResourceProperties(
                "AWS::ElasticLoadBalancingV2::LoadBalancer",
                Map.of(
                        "Scheme",
                        "internal",
                        "Subnets",
                        List.of(
                                Map.of("Ref", Match.stringLikeRegexp("^NetworkVpcappSubnet1.*")),
                                Map.of("Ref", Match.stringLikeRegexp("^NetworkVpcappSubnet2.*")))));
    }

    @Test
    void onlyCloudFrontsOriginFacingAddressesMayReachTheAlb() {
        String albGroup = albSecurityGroupId();
        // nothing open to the world, inline or as its own rule
        Map<String, Object> group = properties("AWS::EC2::SecurityGroup", albGroup);
        assertFalse(group.containsKey("SecurityGroupIngress"), "inline ingress on the ALB: " + group);
        List<Map<String, Object>> ingress = allProperties("AWS::EC2::SecurityGroupIngress").stream()
                .filter(rule -> rule.get("GroupId").toString().contains(albGroup))
                .toList();
        assertEquals(1, ingress.size(), "ALB ingress rules: " + ingress);
        Map<String, Object> rule = ingress.get(0);
        assertEquals(80, ((Number) rule.get("FromPort")).intValue());
        assertEquals(80, ((Number) rule.get("ToPort")).intValue());
        assertFalse(rule.containsKey("CidrIp") || rule.containsKey("CidrIpv6"), rule.toString());
        String lookup = rule.get("SourcePrefixListId").toString();
        assertTrue(lookup.contains("PrefixLists.0.PrefixListId"), lookup);

        // the prefix list's id is looked up by name when the stack deploys (synth stays offline)
        template.hasResourceProperties(
                "Custom::AWS",
                Map.of(
                        "Create",
                        Match.serializedJson(Match.objectLike(Map.of(
                                "service",
                                "EC2",
                                "action",
                                "describeManagedPrefixLists",
                                "parameters",
                                Map.of(
                                        "Filters",
                                        List.of(Map.of(
                                                "Name",
                                                "prefix-list-name",
                                                "Values",
                                                List.of(PublicApi.CLOUDFRONT_PREFIX_LIST)))))))));
    }

    @Test
    void cloudFrontReachesTheAlbThroughAVpcOrigin() {
        String alb = template.findResources("AWS::ElasticLoadBalancingV2::LoadBalancer")
                .keySet()
                .iterator()
                .next();
        template.resourceCountIs("AWS::CloudFront::VpcOrigin", 1);
        template.hasResourceProperties(
                "AWS::CloudFront::VpcOrigin",
                Map.of(
                        "VpcOriginEndpointConfig",
                        Match.objectLike(Map.of(
                                "Arn", Map.of("Ref", alb), "HTTPPort", 80, "OriginProtocolPolicy", "http-only"))));
        String origins = distributionConfig().get("Origins").toString();
        assertTrue(origins.contains("VpcOriginConfig"), origins);
        assertFalse(origins.contains("CustomOriginConfig"), "an origin over the internet: " + origins);
    }

    @Test
    void pagesAndApiAnswersCarryTheSecurityHeaders() {
        template.resourceCountIs("AWS::CloudFront::ResponseHeadersPolicy", 2);
        Map<String, Object> config = distributionConfig();
        Map<String, Object> pages =
                headersOf(((Map<?, ?>) config.get("DefaultCacheBehavior")).get("ResponseHeadersPolicyId"));
        Map<String, Object> api = headersOf(behaviour("/api/*").get("ResponseHeadersPolicyId"));
        for (Map<String, Object> headers : List.of(pages, api)) {
            assertEquals(Map.of("Override", true), headers.get("ContentTypeOptions"));
            assertEquals(Map.of("FrameOption", "DENY", "Override", true), headers.get("FrameOptions"));
            assertEquals(
                    Map.of("ReferrerPolicy", "strict-origin-when-cross-origin", "Override", true),
                    headers.get("ReferrerPolicy"));
            assertEquals(
                    Map.of("AccessControlMaxAgeSec", 31536000, "IncludeSubdomains", true, "Override", true),
                    headers.get("StrictTransportSecurity"));
            assertEquals("'none'", directives(contentSecurityPolicy(headers)).get("frame-ancestors"));
        }
        assertEquals(
                Map.of("default-src", "'none'", "frame-ancestors", "'none'"), directives(contentSecurityPolicy(api)));
    }

    @Test
    void thePagesPolicyKeepsWhatTheirMetaTagAllowsAndAddsFrameAncestors() throws IOException {
        // the module's directory is the working directory of its tests
        String base = Files.readString(Path.of("../../catalog-publisher/src/main/resources/templates/base.html"));
        Matcher meta = Pattern.compile("<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]+)\">")
                .matcher(base);
        assertTrue(meta.find(), "base.html has no CSP meta tag");
        Map<String, String> expected = directives(meta.group(1));
        expected.put("frame-ancestors", "'none'");

        Map<String, Object> config = distributionConfig();
        Map<String, Object> pages =
                headersOf(((Map<?, ?>) config.get("DefaultCacheBehavior")).get("ResponseHeadersPolicyId"));
        assertEquals(expected, directives(contentSecurityPolicy(pages)));
    }

    @Test
    void apiPathsThatResolveOutsideTheirPrefixNeverReachTheAlb(@TempDir Path dir) throws Exception {
        Map<String, Object> api = behaviour("/api/*");
        List<?> associations = (List<?>) api.get("FunctionAssociations");
        assertEquals(1, associations.size(), api.toString());
        Map<?, ?> association = (Map<?, ?>) associations.get(0);
        assertEquals("viewer-request", association.get("EventType"));
        String function = ((List<?>) ((Map<?, ?>) association.get("FunctionARN")).get("Fn::GetAtt"))
                .get(0)
                .toString();
        Map<String, Object> properties = properties("AWS::CloudFront::Function", function);
        assertEquals("cloudfront-js-2.0", ((Map<?, ?>) properties.get("FunctionConfig")).get("Runtime"));

        List<String> refused = List.of(
                "/api/accounts/%2e%2e/%2e%2e/q/metrics",
                "/api/carts/../../q/metrics",
                "/api/carts/%2E%2E/%2E%2E/q/metrics",
                "/api/orders/.%2e/%2E./q/metrics",
                "/api/carts/./../../q/metrics",
                "/api/catalog/..%2f..%2fq/metrics",
                "/api/carts/%2e%2e%2F%2e%2e%2Fq/metrics",
                "/api/carts/..%5c..%5cq/metrics",
                "/api/carts\\..\\..\\q/metrics",
                "/api/carts/%252e%252e/%252e%252e/q/metrics",
                "/api/carts/..;/..;/q/metrics",
                "/api/carts/%00/x",
                "/api/carts/%e0%a4%a",
                "/api/carts/..");
        List<String> passed = List.of(
                "/api/carts/3f1c/items/SKU-1",
                "/api/accounts/jwks.json",
                "/api/catalog/products/LAMP.2",
                "/api/orders/..x/");
        List<String> answers = runFunction(dir, (String) properties.get("FunctionCode"), refused, passed);
        for (int i = 0; i < refused.size(); i++) {
            assertEquals("400", answers.get(i), refused.get(i) + " was not refused");
        }
        for (int i = 0; i < passed.size(); i++) {
            assertEquals("forwarded unchanged", answers.get(refused.size() + i), passed.get(i) + " was not forwarded");
        }
    }

    @Test
    void onlyTheBucketsMissingPagesGetThe404Page() {
        Map<String, Object> config = distributionConfig();
        // a custom error response is distribution-wide: it replaced the APIs' problem+json 404s with HTML
        assertFalse(config.containsKey("CustomErrorResponses"), config.get("CustomErrorResponses") + "");
        List<?> pages = (List<?>) ((Map<?, ?>) config.get("DefaultCacheBehavior")).get("LambdaFunctionAssociations");
        assertEquals(1, pages.size(), String.valueOf(pages));
        Map<?, ?> association = (Map<?, ?>) pages.get(0);
        assertEquals("origin-response", association.get("EventType"));
        // the version's ARN comes from the us-east-1 stack, through a cross-region reference
        String arn = association.get("LambdaFunctionARN").toString();
        assertTrue(arn.contains("ExportsReader") && arn.contains("NotFoundPage"), arn);
        assertFalse(
                behaviour("/api/*").containsKey("LambdaFunctionAssociations"),
                behaviour("/api/*").toString());

        Template global = Synth.of("dev").global;
        global.hasResourceProperties(
                "AWS::Lambda::Function",
                Match.objectLike(Map.of("Handler", "index.handler", "Runtime", Match.stringLikeRegexp("^nodejs.*"))));
        global.resourceCountIs("AWS::Lambda::Version", 1);
        String trust = global.findResources("AWS::IAM::Role").values().stream()
                .map(Object::toString)
                .filter(role -> role.contains("edgelambda.amazonaws.com"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no role Lambda@Edge may assume"));
        assertTrue(trust.contains("lambda.amazonaws.com"), trust);
    }

    @Test
    void theNotFoundFunctionServesThe404PageForMissingPagesOnly(@TempDir Path dir) throws Exception {
        Map<?, ?> function = (Map<?, ?>) Synth.of("dev")
                .global
                .findResources(
                        "AWS::Lambda::Function",
                        Match.objectLike(Map.of("Properties", Match.objectLike(Map.of("Handler", "index.handler")))))
                .values()
                .iterator()
                .next()
                .get("Properties");
        String code = (String) ((Map<?, ?>) function.get("Code")).get("ZipFile");
        // CloudFront's origin-response events, with fetch standing in for the distribution that serves /404.html
        Path script = dir.resolve("not-found.js");
        Files.writeString(
                script,
                "const exports = {};\n" + code + "\n;(async () => {\n"
                        + "  const fetched = [];\n"
                        + "  let page = async (url) => { fetched.push(url); return { ok: true, status: 200,"
                        + " text: async () => '<h1>Our 404</h1>' }; };\n"
                        + "  globalThis.fetch = (url, options) => page(url, options);\n"
                        + "  const event = (uri, status) => ({ Records: [{ cf: {\n"
                        + "    config: { distributionDomainName: 'd111.cloudfront.net' },\n"
                        + "    request: { uri: uri, method: 'GET', headers: {} },\n"
                        + "    response: { status: status, statusDescription: 'x', headers: {\n"
                        + "      'content-type': [{ key: 'Content-Type', value: 'application/xml' }],\n"
                        + "      'content-length': [{ key: 'Content-Length', value: '243' }] } } } }] });\n"
                        + "  const show = (r) => console.log(JSON.stringify({ status: r.status, body: r.body,\n"
                        + "    type: r.headers['content-type'][0].value, length: 'content-length' in r.headers,\n"
                        + "    cache: (r.headers['cache-control'] || [{}])[0].value }));\n"
                        + "  show(await exports.handler(event('/products/gone.html', '404')));\n"
                        + "  show(await exports.handler(event('/products/lamp.html', '200')));\n"
                        + "  show(await exports.handler(event('/products/x.html', '403')));\n"
                        + "  show(await exports.handler(event('/404.html', '404')));\n"
                        + "  page = async () => { throw new Error('unreachable'); };\n"
                        + "  show(await exports.handler(event('/products/gone.html', '404')));\n"
                        + "  console.log(JSON.stringify(fetched));\n"
                        + "})();\n");
        Process node = new ProcessBuilder("node", script.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(node.waitFor(60, TimeUnit.SECONDS), "node did not finish");
        assertEquals(0, node.exitValue(), output);
        List<String> lines = output.lines()
                .filter(l -> l.startsWith("{") || l.startsWith("["))
                .toList();
        assertEquals(6, lines.size(), output);
        assertEquals(
                "{\"status\":\"404\",\"body\":\"<h1>Our 404</h1>\",\"type\":\"text/html; charset=utf-8\","
                        + "\"length\":false,\"cache\":\"max-age=60\"}",
                lines.get(0));
        // anything but S3's 404 passes as it came
        assertTrue(lines.get(1).startsWith("{\"status\":\"200\",\"type\":\"application/xml\""), lines.get(1));
        assertTrue(lines.get(2).startsWith("{\"status\":\"403\",\"type\":\"application/xml\""), lines.get(2));
        // the 404 page missing itself, or unreachable: a minimal page, never a loop
        for (String fallback : List.of(lines.get(3), lines.get(4))) {
            assertTrue(fallback.startsWith("{\"status\":\"404\",\"body\":\"<!doctype html>"), fallback);
            assertTrue(fallback.contains("Page not found"), fallback);
        }
        assertEquals("[\"https://d111.cloudfront.net/404.html\"]", lines.get(5));
    }

    /**
     * Runs the function's code in Node.js (which jsii already needs) as CloudFront would, once per uri, and returns in
     * order what it did: the status of the response it generated, or {@code forwarded unchanged}.
     */
    private static List<String> runFunction(Path dir, String code, List<String> refused, List<String> passed)
            throws IOException, InterruptedException {
        String uris = Stream.concat(refused.stream(), passed.stream())
                .map(uri -> "'" + uri.replace("\\", "\\\\") + "'")
                .collect(Collectors.joining(", ", "[", "]"));
        Path script = dir.resolve("function.js");
        Files.writeString(
                script,
                code + "\n;for (const uri of " + uris + ") {\n"
                        + "  const request = { method: 'GET', uri: uri, querystring: {}, headers: {}, cookies: {} };\n"
                        + "  const result = handler({ version: '1.0', request: request });\n"
                        + "  console.log(result.statusCode ? String(result.statusCode)\n"
                        + "      : result.uri === uri ? 'forwarded unchanged' : 'forwarded as ' + result.uri);\n"
                        + "}\n");
        Process node = new ProcessBuilder("node", script.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(node.waitFor(60, TimeUnit.SECONDS), "node did not finish");
        assertEquals(0, node.exitValue(), output);
        List<String> answers = output.lines().toList();
        assertEquals(refused.size() + passed.size(), answers.size(), output);
        return answers;
    }

    private static String contentSecurityPolicy(Map<String, Object> headers) {
        return (String) ((Map<?, ?>) headers.get("ContentSecurityPolicy")).get("ContentSecurityPolicy");
    }

    /** A policy as directive name → value, in order. */
    private static Map<String, String> directives(String policy) {
        Map<String, String> directives = new LinkedHashMap<>();
        for (String directive : policy.split(";")) {
            String trimmed = directive.trim();
            if (!trimmed.isEmpty()) {
                int space = trimmed.indexOf(' ');
                directives.put(
                        trimmed.substring(0, space).toLowerCase(Locale.ROOT),
                        trimmed.substring(space + 1).trim());
            }
        }
        return directives;
    }

    /** The SecurityHeadersConfig of the response-headers policy {@code {Ref: <id>}}. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> headersOf(Object ref) {
        String id = (String) ((Map<?, ?>) ref).get("Ref");
        Map<String, Object> config = (Map<String, Object>)
                properties("AWS::CloudFront::ResponseHeadersPolicy", id).get("ResponseHeadersPolicyConfig");
        return (Map<String, Object>) config.get("SecurityHeadersConfig");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> distributionConfig() {
        Map<String, Object> distribution =
                allProperties("AWS::CloudFront::Distribution").get(0);
        return (Map<String, Object>) distribution.get("DistributionConfig");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> behaviour(String pathPattern) {
        return ((List<Map<String, Object>>) distributionConfig().get("CacheBehaviors"))
                .stream()
                        .filter(b -> pathPattern.equals(b.get("PathPattern")))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no behaviour " + pathPattern));
    }

    private static String albSecurityGroupId() {
        return template.findResources("AWS::EC2::SecurityGroup").keySet().stream()
                .filter(id -> id.startsWith("PublicApiAlbSecurityGroup"))
                .findFirst()
                .orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(String type, String id) {
        return (Map<String, Object>) template.findResources(type).get(id).get("Properties");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> allProperties(String type) {
        return template.findResources(type).values().stream()
                .map(r -> (Map<String, Object>) r.get("Properties"))
                .toList();
    }
}
