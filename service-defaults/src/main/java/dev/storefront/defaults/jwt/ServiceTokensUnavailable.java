package dev.storefront.defaults.jwt;

/**
 * No key was configured to verify service tokens with (neither {@code SERVICE_JWT_JWKS} nor
 * {@code SERVICE_JWT_JWKS_URL}): the service runs, but the endpoints only another service may call answer 503 until
 * the keys are set. service-defaults answers it as {@code service-tokens-unavailable}.
 */
public class ServiceTokensUnavailable extends RuntimeException {
    public ServiceTokensUnavailable() {
        super("Service tokens cannot be verified here: neither SERVICE_JWT_JWKS nor SERVICE_JWT_JWKS_URL is set");
    }
}
