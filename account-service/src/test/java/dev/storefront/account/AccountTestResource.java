package dev.storefront.account;

import dev.storefront.local.infra.PostgresTestResource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The embedded PostgreSQL plus a fresh key directory and the variable that used to grant admin, for the app under test
 * and, through system properties of the test JVM, for the tests themselves (they also run against the packaged app,
 * where CDI injection is not available).
 */
public class AccountTestResource extends PostgresTestResource {
    /**
     * An address set the way {@code ACCOUNT_ADMIN_EMAILS} used to grant admin at sign-in; signing it up must give no
     * admin role ({@code AdminCommandTest}).
     */
    static final String FORMERLY_LISTED_EMAIL = "boss@example.test";

    /** Sign-ups one client address may make per window here (the default is 30 per hour). */
    static final int MAX_SIGN_UPS_PER_CLIENT = 4;

    static final String SUPERUSER_URL = "storefront-test.account.superuser-url";
    static final String KEY_DIR = "storefront-test.account.key-dir";
    static final String DATASOURCE = "storefront-test.account.datasource.";

    @Override
    public void init(Map<String, String> initArgs) {
        super.init(Map.of("service", "account-service"));
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        try {
            Path keys = Files.createTempDirectory("account-keys-");
            config.put("account.jwt.key-dir", keys.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        config.put("ACCOUNT_ADMIN_EMAILS", FORMERLY_LISTED_EMAIL);
        config.put("account.sign-up.max-per-client", Integer.toString(MAX_SIGN_UPS_PER_CLIENT));
        System.setProperty(SUPERUSER_URL, config.get("test.postgres.superuser-url"));
        System.setProperty(KEY_DIR, config.get("account.jwt.key-dir"));
        config.forEach((k, v) -> {
            if (k.startsWith("quarkus.datasource.")) {
                System.setProperty(DATASOURCE + k, v);
            }
        });
        return config;
    }
}
