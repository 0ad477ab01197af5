package dev.storefront.account.config;

import io.quarkus.runtime.configuration.CidrAddressConverter;
import io.smallrye.common.net.CidrAddress;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
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

    Session session();

    SignUp signUp();

    /**
     * How many proxies in front of this service append to {@code X-Forwarded-For} ({@code FORWARDED_HOPS}): the client
     * address is read at most that many entries from the right (1 = the local edge, or the ALB alone; 2 = CloudFront
     * then the ALB).
     */
    @WithDefault("1")
    int forwardedHops();

    /**
     * The addresses of those proxies ({@code TRUSTED_PROXIES}, CIDR blocks). An entry of {@code X-Forwarded-For} is
     * believed only when the address that added it, the connection's peer or the entry to its right, is in one of
     * them; so a client connecting to a proxy directly is known by its own address, whatever header it sends.
     */
    @WithDefault("127.0.0.0/8,::1/128,10.0.0.0/8,172.16.0.0/12,192.168.0.0/16,fc00::/7")
    List<@WithConverter(CidrAddressConverter.class) CidrAddress> trustedProxies();

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

    /**
     * Sign-ups per client address ({@code SIGN_UP_MAX_PER_CLIENT} within {@code SIGN_UP_WINDOW}): each costs an Argon2
     * hash, so one address may not make them without end. Shoppers behind one NAT share the count, hence a limit well
     * above what one household or office signs up in an hour.
     */
    interface SignUp {
        @WithDefault("30")
        int maxPerClient();

        @WithDefault("PT1H")
        Duration window();
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

    /** Refresh tokens: how long a session lives without the shopper entering the password again. */
    interface Session {
        /** The longest a session lives from its sign-in, however often it is refreshed. */
        @WithDefault("P30D")
        Duration absoluteLifetime();

        /** A session not refreshed for this long ends (each refresh pushes it on, never past the absolute end). */
        @WithDefault("P7D")
        Duration idleLifetime();

        /**
         * Whether the refresh cookie is {@code Secure}. Keep it on: browsers treat {@code http://localhost} and
         * {@code 127.0.0.1} as secure, so only a shop served over plain http under another host name needs it off.
         */
        @WithDefault("true")
        boolean secureCookie();
    }
}
