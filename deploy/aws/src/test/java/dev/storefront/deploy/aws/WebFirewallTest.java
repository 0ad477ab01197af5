package dev.storefront.deploy.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.deploy.aws.construct.WebFirewall;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * AWS WAF in front of CloudFront: a web ACL in us-east-1 (the only region CloudFront's web ACLs exist in) with a
 * per-address rate limit on {@code /api/accounts*} and AWS's managed rule groups, attached to the distribution, every
 * rule with CloudWatch metrics.
 */
class WebFirewallTest {

    @Test
    void theWebAclIsACloudFrontOneInUsEast1() {
        Synth dev = Synth.of("dev");
        assertEquals("us-east-1", dev.stacks.global().getRegion());
        assertEquals("eu-central-1", dev.stacks.shop().getRegion());
        dev.global.resourceCountIs("AWS::WAFv2::WebACL", 1);
        dev.global.hasResourceProperties(
                "AWS::WAFv2::WebACL",
                Map.of(
                        "Scope", "CLOUDFRONT",
                        "DefaultAction", Map.of("Allow", Map.of()),
                        "VisibilityConfig",
                                Map.of(
                                        "CloudWatchMetricsEnabled",
                                        true,
                                        "SampledRequestsEnabled",
                                        true,
                                        "MetricName",
                                        "storefront-dev-edge")));
        dev.shop.resourceCountIs("AWS::WAFv2::WebACL", 0);
    }

    @Test
    void theDistributionUsesTheWebAclThroughACrossRegionReference() {
        Map<?, ?> config = (Map<?, ?>) Synth.of("dev")
                .shop
                .findResources("AWS::CloudFront::Distribution")
                .values()
                .iterator()
                .next()
                .get("Properties");
        String webAcl =
                ((Map<?, ?>) config.get("DistributionConfig")).get("WebACLId").toString();
        // CDK's cross-region reference: a custom resource in this stack reads the ARN that the global stack exported
        assertTrue(webAcl.contains("ExportsReader") && webAcl.contains("WebAcl"), webAcl);
        Synth.of("dev").global.resourceCountIs("Custom::CrossRegionExportWriter", 1);
    }

    @Test
    void accountsAreRateLimitedPerAddressWithAProblemBody() {
        Map<String, Object> rule = rule("accounts-rate-limit");
        assertEquals(0, ((Number) rule.get("Priority")).intValue());
        Map<?, ?> rate = (Map<?, ?>) ((Map<?, ?>) rule.get("Statement")).get("RateBasedStatement");
        assertEquals(WebFirewall.ACCOUNTS_RATE_LIMIT, ((Number) rate.get("Limit")).intValue());
        assertEquals(300, ((Number) rate.get("EvaluationWindowSec")).intValue());
        assertEquals("IP", rate.get("AggregateKeyType"));
        Map<?, ?> path = (Map<?, ?>) ((Map<?, ?>) rate.get("ScopeDownStatement")).get("ByteMatchStatement");
        assertEquals("/api/accounts", path.get("SearchString"));
        assertEquals("STARTS_WITH", path.get("PositionalConstraint"));
        assertEquals(Map.of("UriPath", Map.of()), path.get("FieldToMatch"));
        Map<?, ?> block = (Map<?, ?>) ((Map<?, ?>) rule.get("Action")).get("Block");
        Map<?, ?> response = (Map<?, ?>) block.get("CustomResponse");
        assertEquals(429, ((Number) response.get("ResponseCode")).intValue());
        Map<?, ?> body =
                (Map<?, ?>) ((Map<?, ?>) acl().get("CustomResponseBodies")).get(response.get("CustomResponseBodyKey"));
        assertEquals("APPLICATION_JSON", body.get("ContentType"));
        assertTrue(body.get("Content").toString().contains("\"status\":429"), body.toString());
    }

    @Test
    void awsManagedRuleGroupsRunAsAwsConfiguresThem() {
        for (String group : List.of(
                "AWSManagedRulesAmazonIpReputationList",
                "AWSManagedRulesKnownBadInputsRuleSet",
                "AWSManagedRulesCommonRuleSet")) {
            Map<String, Object> rule = rule(group);
            assertEquals(Map.of("None", Map.of()), rule.get("OverrideAction"), group);
            Map<?, ?> statement = (Map<?, ?>) ((Map<?, ?>) rule.get("Statement")).get("ManagedRuleGroupStatement");
            assertEquals("AWS", statement.get("VendorName"));
            assertEquals(group, statement.get("Name"));
        }
        // only the common rule set's body-size rule is changed, to count: admins' product bodies may exceed 8 KB
        Map<?, ?> common = (Map<?, ?>)
                ((Map<?, ?>) rule("AWSManagedRulesCommonRuleSet").get("Statement")).get("ManagedRuleGroupStatement");
        assertEquals(
                List.of(Map.of("Name", "SizeRestrictions_BODY", "ActionToUse", Map.of("Count", Map.of()))),
                common.get("RuleActionOverrides"));
        assertEquals(
                null,
                ((Map<?, ?>) ((Map<?, ?>) rule("AWSManagedRulesKnownBadInputsRuleSet")
                                        .get("Statement"))
                                .get("ManagedRuleGroupStatement"))
                        .get("RuleActionOverrides"));
    }

    @Test
    void largeBodiesAreBlockedEverywhereButTheAdminApi() {
        Map<String, Object> rule = rule("large-bodies-outside-the-admin-api");
        assertTrue(
                ((Number) rule.get("Priority")).intValue()
                        > ((Number) rule("AWSManagedRulesCommonRuleSet").get("Priority")).intValue(),
                "must run after the rule group that labels the request");
        assertEquals(Map.of("Block", Map.of()), rule.get("Action"));
        List<?> and = (List<?>) ((Map<?, ?>) ((Map<?, ?>) rule.get("Statement")).get("AndStatement")).get("Statements");
        assertEquals(
                Map.of(
                        "LabelMatchStatement",
                        Map.of("Scope", "LABEL", "Key", "awswaf:managed:aws:core-rule-set:SizeRestrictions_Body")),
                and.get(0));
        String exempt = and.get(1).toString();
        assertTrue(exempt.contains("NotStatement") && exempt.contains("SearchString=/api/catalog/"), exempt);
    }

    @Test
    void everyRulePublishesCloudWatchMetrics() {
        List<?> rules = (List<?>) acl().get("Rules");
        assertEquals(5, rules.size());
        for (Object rule : rules) {
            Map<?, ?> visibility = (Map<?, ?>) ((Map<?, ?>) rule).get("VisibilityConfig");
            assertEquals(true, visibility.get("CloudWatchMetricsEnabled"), rule.toString());
            assertTrue(visibility.get("MetricName").toString().startsWith("storefront-dev-"), rule.toString());
        }
        Template prod = Synth.of("prod").global;
        prod.hasResourceProperties(
                "AWS::WAFv2::WebACL",
                Match.objectLike(
                        Map.of("VisibilityConfig", Match.objectLike(Map.of("MetricName", "storefront-prod-edge")))));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> acl() {
        return (Map<String, Object>) Synth.of("dev")
                .global
                .findResources("AWS::WAFv2::WebACL")
                .values()
                .iterator()
                .next()
                .get("Properties");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> rule(String name) {
        return ((List<Map<String, Object>>) acl().get("Rules"))
                .stream()
                        .filter(r -> name.equals(r.get("Name")))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no rule " + name));
    }
}
