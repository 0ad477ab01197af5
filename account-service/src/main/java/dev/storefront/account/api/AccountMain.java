package dev.storefront.account.api;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * The packaged app's entry point. Without arguments it is the service: it serves HTTP until it is stopped. With
 * arguments it runs one operator command ({@link AdminCommand}: {@code grant-admin <email>}, {@code revoke-admin
 * <email>}) against the database and exits with the command's status; the HTTP server is up meanwhile, as in any
 * Quarkus command, so a local run passes free ports ({@code QUARKUS_HTTP_PORT=0}, {@code QUARKUS_MANAGEMENT_PORT=0}).
 */
@QuarkusMain
public class AccountMain implements QuarkusApplication {
    private final AdminCommand admin;

    public AccountMain(AdminCommand admin) {
        this.admin = admin;
    }

    @Override
    public int run(String... args) {
        if (args.length == 0) {
            Quarkus.waitForExit();
            return 0;
        }
        return admin.run(args);
    }
}
