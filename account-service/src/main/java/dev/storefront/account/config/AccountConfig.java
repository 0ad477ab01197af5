package dev.storefront.account.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Everything account-service reads from its environment besides the datasource (see README). */
@ConfigMapping(prefix = "account")
public interface AccountConfig {

    Jwt jwt();

    Lockout lockout();

    /**
     * Emails whose account is granted the admin role the next time it signs in ({@code ACCOUNT_ADMIN_EMAILS}). Only
     * set it for an account you have already signed up and signed in with yourself.
     */
    Optional<List<String>> adminEmails();

    /**
     * How many proxies in front of this service append to {@code X-Forwarded-For}: the client address is read that
     * many entries from the right (1 = ALB or the local edge; 2 = CloudFront then ALB).
     */
    @WithDefault("1")
    int forwardedHops();

    interface Jwt {
        /** The {@code iss} of every token this service issues and accepts. */
        @WithDefault("storefront-accounts")
        String issuer();

        @WithDefault("storefront")
        String audience();

        @WithDefault("PT15M")
        Duration lifetime();

        /**
         * The signing keys as a JWK Set of RSA private keys ({@code JWT_SIGNING_KEYS}, injected from Secrets Manager
         * in AWS). All are published; the last one signs.
         */
        Optional<String> signingKeys();

        /** Where keys are generated and kept when no {@link #signingKeys()} are given ({@code JWT_KEY_DIR}). */
        Optional<Path> keyDir();
    }

    interface Lockout {
        /** Failed sign-ins for one account within the window that lock it. */
        @WithDefault("5")
        int maxAccountFailures();

        /** Failed sign-ins from one client address within the window that lock that address. */
        @WithDefault("20")
        int maxClientFailures();

        @WithDefault("PT15M")
        Duration window();

        @WithDefault("PT15M")
        Duration duration();
    }
}
