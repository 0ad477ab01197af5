package dev.storefront.deploy.aws.construct;

import dev.storefront.deploy.aws.config.EnvironmentConfig;
import java.util.Map;
import software.amazon.awscdk.CustomResource;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.customresources.Provider;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.constructs.Construct;

/**
 * A secret holding one service's token signing keys: a JWK Set of RSA private keys, the format the services read
 * (account-service's {@code JWT_SIGNING_KEYS}, order-service's {@code SERVICE_JWT_SIGNING_KEYS}). Secrets Manager can
 * only generate passwords, so a small custom resource writes the first RS256 key when the secret is created; later
 * deployments leave the value untouched. The same resource answers the public halves of the keys ({@link #publicJwks()},
 * re-read whenever {@code revision} changes), for a verifier that is handed the keys instead of fetching them.
 */
public class JwtSigningKey extends Construct {
    private final Secret secret;
    private final CustomResource initialKey;

    /**
     * @param secretSuffix the secret is {@code storefront/<env>/<secretSuffix>}
     * @param owner the service that signs with it, for the description
     * @param revision anything that changes with each release (the image tag): a change re-reads the public keys
     */
    public JwtSigningKey(
            Construct scope, String id, EnvironmentConfig config, String secretSuffix, String owner, String revision) {
        super(scope, id);
        secret = Secret.Builder.create(this, "Secret")
                .secretName("storefront/" + config.name() + "/" + secretSuffix)
                .description(owner + " token signing keys (JWK Set of RSA private keys)")
                .build();
        Function generator = Function.Builder.create(this, "Generate")
                .runtime(Runtime.NODEJS_24_X)
                .code(Code.fromInline(ClasspathText.read("lambda/jwt-keys.js")))
                .handler("index.onEvent")
                .timeout(Duration.seconds(30))
                .build();
        secret.grantWrite(generator);
        secret.grantRead(generator);
        Provider provider = Provider.Builder.create(this, "Provider")
                .onEventHandler(generator)
                .build();
        initialKey = CustomResource.Builder.create(this, "InitialKey")
                .serviceToken(provider.getServiceToken())
                .resourceType("Custom::StorefrontJwtSigningKey")
                .properties(Map.of("SecretArn", secret.getSecretArn(), "Revision", revision))
                .build();
        Nag.suppressCustomResourceProvider(this);
        Nag.suppress(
                secret,
                "AwsSolutions-SMG4",
                "Signing keys rotate by appending a newer key to the JWK Set (old tokens must stay verifiable until "
                        + "they expire); a Secrets Manager rotation that replaces the value would break that.");
    }

    public ISecret secret() {
        return secret;
    }

    /** Depend on this so the signing service never starts with the placeholder value. */
    public CustomResource initialKey() {
        return initialKey;
    }

    /**
     * The public halves of the keys in the secret, as a JWKS document (public material: plain configuration). At most
     * about eight 2048-bit keys fit in a custom resource's 4 KB answer.
     */
    public String publicJwks() {
        return initialKey.getAttString("PublicJwks");
    }
}
