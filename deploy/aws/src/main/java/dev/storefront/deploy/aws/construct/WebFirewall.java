package dev.storefront.deploy.aws.construct;

import dev.storefront.deploy.aws.config.EnvironmentConfig;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.wafv2.CfnWebACL;
import software.amazon.awscdk.services.wafv2.CfnWebACL.AllowActionProperty;
import software.amazon.awscdk.services.wafv2.CfnWebACL.AndStatementProperty;
import software.amazon.awscdk.services.wafv2.CfnWebACL.BlockActionProperty;
import software.amazon.awscdk.services.wafv2.CfnWebACL.ByteMatchStatementProperty;
import software.amazon.awscdk.services.wafv2.CfnWebACL.CountActionProperty;
import software.amazon.awscdk.services.wafv2.CfnWebACL.CustomResponseBodyProperty;
import software.amazon.awscdk.services.wafv2.CfnWebACL.CustomResponseProperty;
import software.amazon.awscdk.services.wafv2.CfnWebACL.DefaultActionProperty;
import software.amazon.awscdk.services.wafv2.CfnWebACL.FieldToMatchProperty;
import software.amazon.awscdk.services.wafv2.CfnWebACL.LabelMatchStatementProperty;
import software.amazon.awscdk.services.wafv2.CfnWebACL.ManagedRuleGroupStatementProperty;
import software.amazon.awscdk.services.wafv2.CfnWebACL.NotStatementProperty;
import software.amazon.awscdk.services.wafv2.CfnWebACL.OverrideActionProperty;
import software.amazon.awscdk.services.wafv2.CfnWebACL.RateBasedStatementProperty;
import software.amazon.awscdk.services.wafv2.CfnWebACL.RuleActionOverrideProperty;
import software.amazon.awscdk.services.wafv2.CfnWebACL.RuleActionProperty;
import software.amazon.awscdk.services.wafv2.CfnWebACL.RuleProperty;
import software.amazon.awscdk.services.wafv2.CfnWebACL.StatementProperty;
import software.amazon.awscdk.services.wafv2.CfnWebACL.TextTransformationProperty;
import software.amazon.awscdk.services.wafv2.CfnWebACL.VisibilityConfigProperty;
import software.constructs.Construct;

/**
 * The AWS WAF web ACL in front of CloudFront (so it must be created in us-east-1): a per-address rate limit on
 * {@code /api/accounts*}, where every sign-up and sign-in costs an Argon2 hash, and AWS's managed rule groups for
 * addresses with a bad reputation, known bad inputs and the common web attacks. Every rule publishes CloudWatch metrics
 * (namespace {@code AWS/WAFV2}, us-east-1) and keeps sampled requests. Anything no rule blocks is allowed.
 */
public class WebFirewall extends Construct {
    /** Requests to {@code /api/accounts*} one address may send within {@link #RATE_WINDOW_SECONDS}. */
    public static final int ACCOUNTS_RATE_LIMIT = 300;

    public static final int RATE_WINDOW_SECONDS = 300;

    /** The paths the rate limit covers: sign-up, sign-in, profile, addresses, the JWKS. */
    public static final String ACCOUNTS_PATH = "/api/accounts";

    /**
     * The admin API's product bodies may exceed the common rule set's 8 KB body limit (a description of 5,000
     * characters, 50 attributes); the services cap bodies at 64 KB themselves.
     */
    public static final String LARGE_BODIES_PATH = "/api/catalog/";

    private static final String COMMON_RULE_SET = "AWSManagedRulesCommonRuleSet";
    private static final String BODY_SIZE_RULE = "SizeRestrictions_BODY";
    private static final String BODY_SIZE_LABEL = "awswaf:managed:aws:core-rule-set:SizeRestrictions_Body";
    private static final String RATE_LIMITED_BODY = "rate-limited";

    private final CfnWebACL acl;
    private final String metricPrefix;

    public WebFirewall(Construct scope, String id, EnvironmentConfig config) {
        super(scope, id);
        metricPrefix = "storefront-" + config.name();
        acl = CfnWebACL.Builder.create(this, "WebAcl")
                .name(metricPrefix + "-edge")
                .description("storefront " + config.name() + ": rate limit on accounts, AWS managed rules")
                .scope("CLOUDFRONT")
                .defaultAction(DefaultActionProperty.builder()
                        .allow(AllowActionProperty.builder().build())
                        .build())
                .visibilityConfig(visibility("edge"))
                .customResponseBodies(Map.of(
                        RATE_LIMITED_BODY,
                        CustomResponseBodyProperty.builder()
                                .contentType("APPLICATION_JSON")
                                .content(
                                        "{\"type\":\"https://storefront.dev/problems/rate-limited\","
                                                + "\"title\":\"Too Many Requests\",\"status\":429,"
                                                + "\"detail\":\"Too many requests from this address; try again in a few minutes\"}")
                                .build()))
                .rules(List.of(
                        accountsRateLimit(0),
                        managed(1, "AWSManagedRulesAmazonIpReputationList", List.of()),
                        managed(2, "AWSManagedRulesKnownBadInputsRuleSet", List.of()),
                        // The body-size rule only counts (and labels) here; the next rule blocks on its label outside
                        // the admin API.
                        managed(3, COMMON_RULE_SET, List.of(BODY_SIZE_RULE)),
                        largeBodiesOutsideTheAdminApi(4)))
                .build();
    }

    /** Over the limit: 429 with a problem body until the address's rate drops again (WAF re-evaluates continuously). */
    private RuleProperty accountsRateLimit(int priority) {
        return RuleProperty.builder()
                .name("accounts-rate-limit")
                .priority(priority)
                .action(RuleActionProperty.builder()
                        .block(BlockActionProperty.builder()
                                .customResponse(CustomResponseProperty.builder()
                                        .responseCode(429)
                                        .customResponseBodyKey(RATE_LIMITED_BODY)
                                        .build())
                                .build())
                        .build())
                .statement(StatementProperty.builder()
                        .rateBasedStatement(RateBasedStatementProperty.builder()
                                .limit(ACCOUNTS_RATE_LIMIT)
                                .evaluationWindowSec(RATE_WINDOW_SECONDS)
                                .aggregateKeyType("IP")
                                .scopeDownStatement(pathStartsWith(ACCOUNTS_PATH))
                                .build())
                        .build())
                .visibilityConfig(visibility("accounts-rate-limit"))
                .build();
    }

    /** An AWS managed rule group as AWS configures it, except {@code countOnly} rules, which only count and label. */
    private RuleProperty managed(int priority, String name, List<String> countOnly) {
        ManagedRuleGroupStatementProperty.Builder group =
                ManagedRuleGroupStatementProperty.builder().vendorName("AWS").name(name);
        if (!countOnly.isEmpty()) {
            group.ruleActionOverrides(countOnly.stream()
                    .map(rule -> (Object) RuleActionOverrideProperty.builder()
                            .name(rule)
                            .actionToUse(RuleActionProperty.builder()
                                    .count(CountActionProperty.builder().build())
                                    .build())
                            .build())
                    .toList());
        }
        return RuleProperty.builder()
                .name(name)
                .priority(priority)
                .overrideAction(OverrideActionProperty.builder().none(Map.of()).build())
                .statement(StatementProperty.builder()
                        .managedRuleGroupStatement(group.build())
                        .build())
                .visibilityConfig(visibility(name))
                .build();
    }

    /** The common rule set's body-size rule, enforced everywhere but the admin API. */
    private RuleProperty largeBodiesOutsideTheAdminApi(int priority) {
        return RuleProperty.builder()
                .name("large-bodies-outside-the-admin-api")
                .priority(priority)
                .action(RuleActionProperty.builder()
                        .block(BlockActionProperty.builder().build())
                        .build())
                .statement(StatementProperty.builder()
                        .andStatement(AndStatementProperty.builder()
                                .statements(List.of(
                                        StatementProperty.builder()
                                                .labelMatchStatement(LabelMatchStatementProperty.builder()
                                                        .scope("LABEL")
                                                        .key(BODY_SIZE_LABEL)
                                                        .build())
                                                .build(),
                                        StatementProperty.builder()
                                                .notStatement(NotStatementProperty.builder()
                                                        .statement(pathStartsWith(LARGE_BODIES_PATH))
                                                        .build())
                                                .build()))
                                .build())
                        .build())
                .visibilityConfig(visibility("large-bodies-outside-the-admin-api"))
                .build();
    }

    private static StatementProperty pathStartsWith(String prefix) {
        return StatementProperty.builder()
                .byteMatchStatement(ByteMatchStatementProperty.builder()
                        .fieldToMatch(
                                FieldToMatchProperty.builder().uriPath(Map.of()).build())
                        .positionalConstraint("STARTS_WITH")
                        .searchString(prefix)
                        .textTransformations(List.of(TextTransformationProperty.builder()
                                .priority(0)
                                .type("NONE")
                                .build()))
                        .build())
                .build();
    }

    private VisibilityConfigProperty visibility(String metric) {
        return VisibilityConfigProperty.builder()
                .cloudWatchMetricsEnabled(true)
                .sampledRequestsEnabled(true)
                .metricName(metricPrefix + "-" + metric)
                .build();
    }

    /** What the distribution names as its web ACL ({@code WebACLId} takes the ARN for WAF v2). */
    public String webAclArn() {
        return acl.getAttrArn();
    }

    public CfnWebACL acl() {
        return acl;
    }
}
