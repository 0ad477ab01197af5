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
import software.amazon.awscdk.services.cloudfront.ErrorResponse;
import software.amazon.awscdk.services.cloudfront.HttpVersion;
import software.amazon.awscdk.services.cloudfront.OriginProtocolPolicy;
import software.amazon.awscdk.services.cloudfront.OriginRequestPolicy;
import software.amazon.awscdk.services.cloudfront.PriceClass;
import software.amazon.awscdk.services.cloudfront.ViewerProtocolPolicy;
import software.amazon.awscdk.services.cloudfront.origins.LoadBalancerV2Origin;
import software.amazon.awscdk.services.cloudfront.origins.S3BucketOrigin;
import software.amazon.awscdk.services.cloudfront.origins.S3BucketOriginWithOACProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.IApplicationLoadBalancer;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.constructs.Construct;

/**
 * The browser's single origin: CloudFront serving the pages bucket (private, reached only through Origin Access
 * Control) and sending {@code /api/*} to the ALB uncached with every viewer header and query string. The bucket is
 * what catalog-publisher writes the static storefront into.
 */
public class Edge extends Construct {
    private final Bucket pages;
    private final Distribution distribution;

    public Edge(
            Construct scope, String id, EnvironmentConfig config, IApplicationLoadBalancer alb, IBucket accessLogs) {
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
                        // READ + LIST: a missing page is then a 404 from S3 (not a 403), which the error response
                        // below turns into the shop's own 404 page.
                        .origin(S3BucketOrigin.withOriginAccessControl(
                                pages,
                                S3BucketOriginWithOACProps.builder()
                                        .originAccessLevels(List.of(AccessLevel.READ, AccessLevel.LIST))
                                        .build()))
                        .viewerProtocolPolicy(ViewerProtocolPolicy.REDIRECT_TO_HTTPS)
                        .cachePolicy(CachePolicy.CACHING_OPTIMIZED)
                        .compress(true)
                        .build())
                .additionalBehaviors(Map.of(
                        "/api/*",
                        BehaviorOptions.builder()
                                .origin(LoadBalancerV2Origin.Builder.create(alb)
                                        .protocolPolicy(OriginProtocolPolicy.HTTP_ONLY)
                                        .build())
                                .viewerProtocolPolicy(ViewerProtocolPolicy.REDIRECT_TO_HTTPS)
                                .allowedMethods(AllowedMethods.ALLOW_ALL)
                                // Every API answer is per user (tokens, carts): never cache, forward everything the
                                // services read (Authorization, X-Cart-Token, Idempotency-Key, query strings).
                                .cachePolicy(CachePolicy.CACHING_DISABLED)
                                .originRequestPolicy(OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER)
                                .build()))
                .errorResponses(List.of(ErrorResponse.builder()
                        .httpStatus(404)
                        .responseHttpStatus(404)
                        .responsePagePath("/404.html")
                        .ttl(Duration.minutes(1))
                        .build()))
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
        Nag.suppress(
                distribution,
                "AwsSolutions-CFR5",
                "The ALB has no domain name and so no certificate: CloudFront reaches it over HTTP. Viewers always use "
                        + "HTTPS to CloudFront.");
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
