package dev.storefront.deploy.aws.construct;

import dev.storefront.deploy.aws.config.EnvironmentConfig;
import software.amazon.awscdk.RemovalPolicy;

/** One place deciding what a stack deletion takes with it. */
final class Removal {
    private Removal() {}

    /** Logs and other rebuildable things: kept in prod for audits, dropped in dev. */
    static RemovalPolicy of(EnvironmentConfig config) {
        return config.retainData() ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
    }
}
