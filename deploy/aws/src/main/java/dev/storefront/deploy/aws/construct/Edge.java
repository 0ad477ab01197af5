package dev.storefront.deploy.aws.construct;

import dev.storefront.deploy.aws.config.EnvironmentConfig;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudfront.AccessLevel;
import software.amazon.awscdk.services.cloudfront.AllowedMethods;
import software.amazon.awscdk.services.cloudfront.BehaviorOptions;
import software.amazon.awscdk.services.cloudfront.CachePolicy;
import software.amazon.awscdk.services.cloudfront.Distribution;
import software.amazon.awscdk.services.cloudfront.EdgeLambda;
import software.amazon.awscdk.services.cloudfront.Function;
import software.amazon.awscdk.services.cloudfront.FunctionAssociation;
import software.amazon.awscdk.services.cloudfront.FunctionCode;
import software.amazon.awscdk.services.cloudfront.FunctionEventType;
import software.amazon.awscdk.services.cloudfront.FunctionRuntime;
import software.amazon.awscdk.services.cloudfront.HeadersFrameOption;
import software.amazon.awscdk.services.cloudfront.HeadersReferrerPolicy;
import software.amazon.awscdk.services.cloudfront.HttpVersion;
import software.amazon.awscdk.services.cloudfront.LambdaEdgeEventType;
import software.amazon.awscdk.services.cloudfront.OriginProtocolPolicy;
import software.amazon.awscdk.services.cloudfront.OriginRequestPolicy;
import software.amazon.awscdk.services.cloudfront.PriceClass;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersContentSecurityPolicy;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersContentTypeOptions;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersFrameOptions;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersPolicy;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersReferrerPolicy;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersStrictTransportSecurity;
import software.amazon.awscdk.services.cloudfront.ResponseSecurityHeadersBehavior;
import software.amazon.awscdk.services.cloudfront.ViewerProtocolPolicy;
import software.amazon.awscdk.services.cloudfront.origins.S3BucketOrigin;
import software.amazon.awscdk.services.cloudfront.origins.S3BucketOriginWithOACProps;
import software.amazon.awscdk.services.cloudfront.origins.VpcOrigin;
import software.amazon.awscdk.services.cloudfront.origins.VpcOriginWithEndpointProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.IApplicationLoadBalancer;
import software.amazon.awscdk.services.lambda.IVersion;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.constructs.Construct;

/**
 * The browser's single origin: CloudFront serving the pages bucket (private, reached only through Origin Access
 * Control) and sending {@code /api/*} to the internal ALB through a VPC origin, uncached, with every viewer header and
 * query string. The bucket is what catalog-publisher writes the static storefront into.
 *
 * <p>Every answer carries the security headers of a response-headers policy (the pages' and the API's differ only in
 * their Content-Security-Policy), and a CloudFront Function refuses {@code /api/*} paths that a service would resolve
 * outside the prefix that routed them (dot segments, encoded slashes, backslashes), such as
 * {@code /api/carts/../../q/metrics}.
 */
public class Edge extends Construct {
    /**
     * The policy of the pages' CSP meta tag (catalog-publisher's {@code templates/base.html}), unchanged, plus
     * {@code frame-ancestors 'none'}, which a meta tag cannot carry. Browsers enforce both the header and the meta tag,
     * so the two must allow the same; {@code EdgeSecurityTest} compares them.
     */
    public static final String PAGE_CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /** API answers are JSON for scripts, never documents: nothing may load from them or frame them. */
    public static final String API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

    /** The ALB's listener port; CloudFront's VPC origin connects to it inside the VPC. */
    public static final int ORIGIN_HTTP_PORT = 80;

    private final Bucket pages;
    private final Distribution distribution;

    /**
     * {@code webAclArn}: the AWS WAF web ACL in front of the distribution ({@code WebFirewall}); {@code notFoundPage}:
     * the Lambda@Edge function answering the bucket's 404s ({@code NotFoundPage}); both in us-east-1.
     */
    public Edge(
            Construct scope,
            String id,
            EnvironmentConfig config,
            IApplicationLoadBalancer alb,
            IBucket accessLogs,
            String webAclArn,
            IVersion notFoundPage) {
        super(scope, id);
        pages = Bucket.Builder.create(this, "Pages")
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .encryption(BucketEncryption.S3_MANAGED)
                .versioned(true)
                .enforceSsl(true)
                .serverAccessLogsBucket(accessLogs)
                .serverAccessLogsPrefix("s3/pages/")
                .removalPolicy(Removal.of(config))
                .build();
        distribution = Distribution.Builder.create(this, "Cdn")
                .comment("storefront " + config.name())
                .defaultRootObject("index.html")
                .defaultBehavior(BehaviorOptions.builder()
                        // READ + LIST: a missing page is then a 404 from S3 (not a 403), which the function below
                        // turns into the shop's own 404 page.
                        .origin(S3BucketOrigin.withOriginAccessControl(
                                pages,
                                S3BucketOriginWithOACProps.builder()
                                        .originAccessLevels(List.of(AccessLevel.READ, AccessLevel.LIST))
                                        .build()))
                        .viewerProtocolPolicy(ViewerProtocolPolicy.REDIRECT_TO_HTTPS)
                        .cachePolicy(CachePolicy.CACHING_OPTIMIZED)
                        .responseHeadersPolicy(securityHeaders("PageHeaders", PAGE_CONTENT_SECURITY_POLICY))
                        .compress(true)
                        // Only here: a distribution-wide custom error response would replace the APIs' 404s too.
                        .edgeLambdas(List.of(EdgeLambda.builder()
                                .eventType(LambdaEdgeEventType.ORIGIN_RESPONSE)
                                .functionVersion(notFoundPage)
                                .build()))
                        .build())
                .additionalBehaviors(Map.of(
                        "/api/*",
                        BehaviorOptions.builder()
                                // The ALB is internal: CloudFront reaches it from inside the VPC, over AWS's network.
                                // HTTP, because the ALB has no domain and so no certificate (see README).
                                .origin(VpcOrigin.withApplicationLoadBalancer(
                                        alb,
                                        VpcOriginWithEndpointProps.builder()
                                                .protocolPolicy(OriginProtocolPolicy.HTTP_ONLY)
                                                .httpPort(ORIGIN_HTTP_PORT)
                                                .build()))
                                .viewerProtocolPolicy(ViewerProtocolPolicy.REDIRECT_TO_HTTPS)
                                .allowedMethods(AllowedMethods.ALLOW_ALL)
                                // Every API answer is per user (tokens, carts): never cache, forward everything the
                                // services read (Authorization, X-Cart-Token, Idempotency-Key, query strings).
                                .cachePolicy(CachePolicy.CACHING_DISABLED)
                                .originRequestPolicy(OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER)
                                .responseHeadersPolicy(securityHeaders("ApiHeaders", API_CONTENT_SECURITY_POLICY))
                                .functionAssociations(List.of(FunctionAssociation.builder()
                                        .eventType(FunctionEventType.VIEWER_REQUEST)
                                        .function(apiPathGuard())
                                        .build()))
                                .build()))
                .webAclId(webAclArn)
                .httpVersion(HttpVersion.HTTP2_AND_3)
                .priceClass(PriceClass.PRICE_CLASS_100)
                .enableLogging(true)
                .logBucket(accessLogs)
                .logFilePrefix("cloudfront/")
                .build();
        // LIST is deliberate (see the origin above): everything in the bucket is published for anyone to read.
        Annotations.of(this)
                .acknowledgeWarning(
                        "@aws-cdk/aws-cloudfront-origins:listBucketSecurityRisk",
                        "The bucket only holds the public storefront; listing it reveals nothing that is not linked.");
        Nag.suppress(
                distribution,
                "AwsSolutions-CFR4",
                "Without a custom domain the distribution uses the default *.cloudfront.net certificate, whose "
                        + "minimum protocol CloudFront fixes; a custom domain with an ACM certificate can require TLS 1.2.");
    }

    /**
     * The headers every answer gets, replacing any the origin sent under the same names: no MIME sniffing, no framing
     * (also for browsers without {@code frame-ancestors}), the given Content-Security-Policy, the referrer policy the
     * pages' meta tag already asks for, and HSTS for a year.
     */
    private ResponseHeadersPolicy securityHeaders(String id, String contentSecurityPolicy) {
        return ResponseHeadersPolicy.Builder.create(this, id)
                .comment("storefront security headers")
                .securityHeadersBehavior(ResponseSecurityHeadersBehavior.builder()
                        .contentTypeOptions(ResponseHeadersContentTypeOptions.builder()
                                .override(true)
                                .build())
                        .frameOptions(ResponseHeadersFrameOptions.builder()
                                .frameOption(HeadersFrameOption.DENY)
                                .override(true)
                                .build())
                        .contentSecurityPolicy(ResponseHeadersContentSecurityPolicy.builder()
                                .contentSecurityPolicy(contentSecurityPolicy)
                                .override(true)
                                .build())
                        .referrerPolicy(ResponseHeadersReferrerPolicy.builder()
                                .referrerPolicy(HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)
                                .override(true)
                                .build())
                        .strictTransportSecurity(ResponseHeadersStrictTransportSecurity.builder()
                                .accessControlMaxAge(Duration.days(365))
                                .includeSubdomains(true)
                                .override(true)
                                .build())
                        .build())
                .build();
    }

    /**
     * Refuses {@code /api/*} paths with dot segments or encoded separators before they reach the ALB. Whether
     * CloudFront itself resolves them before forwarding is not documented, and ALB path patterns cannot even express
     * {@code %2e}, so the refusal is explicit here.
     */
    private Function apiPathGuard() {
        return Function.Builder.create(this, "ApiPathGuard")
                .comment("Refuses /api/* paths with dot segments, encoded slashes or backslashes")
                .runtime(FunctionRuntime.JS_2_0)
                .code(FunctionCode.fromInline(ClasspathText.read("cloudfront/api-path-guard.js")))
                .build();
    }

    /** The public address of the shop, e.g. {@code https://d111111abcdef8.cloudfront.net}. */
    public String siteUrl() {
        return "https://" + distribution.getDistributionDomainName();
    }

    public Distribution distribution() {
        return distribution;
    }

    public Bucket pages() {
        return pages;
    }
}
