package dev.storefront.catalog.api;

import dev.storefront.catalog.config.CatalogConfig;
import dev.storefront.defaults.jwt.ServiceToken;
import dev.storefront.defaults.jwt.ServiceTokenVerifier;
import io.quarkus.runtime.Startup;
import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Verifies order-service's service tokens, the one credential that may mark a product sold out or back: service-defaults'
 * {@link ServiceTokenVerifier} with catalog-publisher's keys, issuer and audience ({@code catalog.service-tokens.*}),
 * plus the scope, the caller and the sku the token is bound to. A shopper's or admin's token fails it; a service token
 * fails the standard verifier, so it opens no admin endpoint.
 */
@Startup
@ApplicationScoped
public class ServiceCaller {
    static final String CATALOG_AVAILABILITY = "catalog:availability";
    static final String ORDER_SERVICE = "order-service";
    private static final Logger LOG = Logger.getLogger(ServiceCaller.class);

    private final ServiceTokenVerifier verifier;

    public ServiceCaller(CatalogConfig config) {
        this.verifier = new ServiceTokenVerifier(config.serviceTokens());
        if (!verifier.configured() && "serve".equals(config.mode())) {
            // Built at start-up so this is said once, at once: the shop runs, but sold-out products stay on sale.
            LOG.warn("Neither SERVICE_JWT_JWKS nor SERVICE_JWT_JWKS_URL is set: POST /api/catalog/availability answers"
                    + " 503 until one is");
        }
    }

    /**
     * Succeeds only for a valid service token of order-service with scope {@value #CATALOG_AVAILABILITY} for this sku:
     * an absent, invalid, expired or foreign token is a 401; a valid service token for anything else is a 403.
     */
    public void requireAvailability(String authorization, String sku) {
        ServiceToken token = verifier.verify(authorization);
        if (!token.hasScope(CATALOG_AVAILABILITY)
                || !ORDER_SERVICE.equals(token.subject())
                || !sku.equals(token.text("sku"))) {
            throw new ForbiddenException("The service token is not for the availability of this product");
        }
    }
}
