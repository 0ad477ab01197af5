package dev.storefront.defaults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.storefront.defaults.jwt.RememberedIdentities;
import dev.storefront.defaults.jwt.VerifiedTokens;
import dev.storefront.local.infra.TestTokens;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.smallrye.jwt.runtime.auth.JsonWebTokenCredential;
import io.quarkus.smallrye.jwt.runtime.auth.MpJwtValidator;
import io.quarkus.smallrye.jwt.runtime.auth.SmallRyeJwtConfig;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Signing in on the event loop with a token verified lately: the identity smallrye-jwt would have built, and nothing
 * for a token that was not verified, so that smallrye-jwt verifies it. Neither case may hand work to a request thread.
 */
class RememberedIdentitiesTest {
    /** Fails the test if the provider asks for a request thread. */
    private static final AuthenticationRequestContext NO_REQUEST_THREAD = work -> {
        throw new AssertionError("a remembered token must not need a request thread");
    };

    private DefaultJWTParser parser;
    private VerifiedTokens tokens;
    private RememberedIdentities identities;

    @BeforeEach
    void setUp() throws Exception {
        parser = TestTokenParser.create();
        tokens = new VerifiedTokens(100, Duration.ofSeconds(60), Clock.systemUTC(), Ticker.systemTicker());
        identities = new RememberedIdentities(tokens);
    }

    private SecurityIdentity signIn(String token) {
        return identities
                .authenticate(new TokenAuthenticationRequest(new JsonWebTokenCredential(token)), NO_REQUEST_THREAD)
                .await()
                .indefinitely();
    }

    @Test
    void aRememberedTokenSignsInAsItsShopperWithItsRoles() throws Exception {
        UUID admin = UUID.randomUUID();
        String token = TestTokens.admin(admin);
        tokens.verify(token, parser::parse);

        SecurityIdentity identity = signIn(token);
        assertEquals(admin.toString(), ((JsonWebToken) identity.getPrincipal()).getSubject());
        assertEquals(Set.of("customer", "admin"), identity.getRoles());
        assertEquals(token, identity.getCredential(JsonWebTokenCredential.class).getToken());
        assertSame(identity.getPrincipal(), identity.getAttribute(SecurityIdentity.USER_ATTRIBUTE));
    }

    /**
     * The identity is built here by hand, as smallrye-jwt's own provider builds it after verifying the token: the same
     * principal, roles, credentials and attributes, so that nothing downstream (roles, {@code @Context JsonWebToken},
     * the routing context) can tell which of the two signed the request in. Fails when a Quarkus upgrade changes what
     * smallrye-jwt puts into an identity.
     */
    @Test
    void aRememberedTokenGetsTheIdentitySmallryeJwtWouldBuild() throws Exception {
        String token = TestTokens.admin(UUID.randomUUID());
        SecurityIdentity smallrye = smallryeJwt()
                .authenticate(
                        new TokenAuthenticationRequest(new JsonWebTokenCredential(token)),
                        work -> Uni.createFrom().item(work))
                .await()
                .indefinitely();
        tokens.verify(token, parser::parse);
        SecurityIdentity remembered = signIn(token);

        assertEquals(
                smallrye.getPrincipal().getName(), remembered.getPrincipal().getName());
        assertEquals(
                ((JsonWebToken) smallrye.getPrincipal()).getClaimNames(),
                ((JsonWebToken) remembered.getPrincipal()).getClaimNames());
        assertEquals(smallrye.getRoles(), remembered.getRoles());
        assertEquals(credentials(smallrye), credentials(remembered));
        assertEquals(
                smallrye.getAttributes().keySet(), remembered.getAttributes().keySet());
        assertEquals(smallrye.isAnonymous(), remembered.isAnonymous());
    }

    /** Each credential's type and token (a credential has no equals of its own). */
    private static Set<String> credentials(SecurityIdentity identity) {
        return identity.getCredentials().stream()
                .map(credential -> credential.getClass().getName() + ":" + ((TokenCredential) credential).getToken())
                .collect(Collectors.toSet());
    }

    /** smallrye-jwt's provider as Quarkus makes it, verifying with the same parser (blocking, as with a key-set URL). */
    private MpJwtValidator smallryeJwt() {
        return new MpJwtValidator(
                parser,
                new SmallRyeJwtConfig() {
                    @Override
                    public Optional<Boolean> blockingAuthentication() {
                        return Optional.of(true);
                    }

                    @Override
                    public boolean silent() {
                        return false;
                    }

                    @Override
                    public int priority() {
                        return 0;
                    }
                },
                null,
                null);
    }

    @Test
    void aTokenNotVerifiedYetIsLeftToSmallryeJwt() {
        assertNull(signIn(TestTokens.customer(UUID.randomUUID())));
        assertNull(signIn(TestTokens.forged(UUID.randomUUID())), "a forgery is never remembered, so never let in here");
    }
}
