package dev.storefront.deploy.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.deploy.aws.config.ServiceSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;

/**
 * Every connection to the database verifies the server's certificate and host name, directly to the cluster (against
 * the RDS CA root that ops put into an SSM parameter) and through an RDS Proxy (against the JRE's trust store).
 */
class DatabaseTlsTest {
    private static final List<String> SERVICES =
            ServiceSpec.ALL.stream().map(ServiceSpec::name).toList();

    @Test
    void servicesVerifyTheClusterAgainstTheRdsCaRoot() {
        Synth dev = Synth.of("dev");
        String caParameter = caCertificateParameter(dev);
        for (String name : SERVICES) {
            String url = dev.environmentValue(name, "DB_URL").toString();
            assertTrue(url.contains("?sslmode=verify-full&"), name + ": " + url);
            assertTrue(
                    url.contains("&sslfactory=org.postgresql.ssl.SingleCertValidatingFactory"
                            + "&sslfactoryarg=env:DB_SSL_ROOT_CERT"),
                    name + ": " + url);
            assertEquals(Map.of("Ref", caParameter), dev.environmentValue(name, "DB_SSL_ROOT_CERT"), name);
        }
    }

    @Test
    void theCaRootComesFromAnSsmParameterPerEnvironment() {
        for (String env : List.of("dev", "prod")) {
            Synth synth = Synth.of(env);
            Map<?, ?> parameter = (Map<?, ?>) synth.shop.toJSON().get("Parameters");
            Map<?, ?> ca = (Map<?, ?>) parameter.get(caCertificateParameter(synth));
            assertEquals("AWS::SSM::Parameter::Value<String>", ca.get("Type"));
            assertEquals("/storefront/" + env + "/db/ca-certificate", ca.get("Default"));
        }
    }

    @Test
    void theClusterUsesTheCaWhoseRootIsTrusted() {
        for (String env : List.of("dev", "prod")) {
            Synth.of(env)
                    .shop
                    .allResourcesProperties(
                            "AWS::RDS::DBInstance", Map.of("CACertificateIdentifier", "rds-ca-rsa2048-g1"));
        }
    }

    @Test
    void theBootstrapVerifiesTheClusterToo() {
        Synth dev = Synth.of("dev");
        Map<String, Object> psql = container(dev.taskDefinition("db-bootstrap"));
        String script = psql.get("Command").toString();
        assertTrue(script.contains("PGSSLMODE=verify-full"), script);
        assertFalse(script.contains("PGSSLMODE=require"), script);
        assertTrue(script.contains("PGSSLROOTCERT="), script);
        assertTrue(
                psql.get("Environment").toString().contains("DB_SSL_ROOT_CERT"),
                psql.get("Environment").toString());
    }

    @Test
    void throughAnRdsProxyServicesVerifyAgainstTheJreTrustStore() {
        Synth proxied = Synth.withRdsProxy("dev");
        proxied.shop.resourceCountIs("AWS::RDS::DBProxy", 1);
        proxied.shop.hasResourceProperties("AWS::RDS::DBProxy", Map.of("RequireTLS", true));
        for (String name : SERVICES) {
            String url = proxied.environmentValue(name, "DB_URL").toString();
            assertTrue(url.contains("sslmode=verify-full"), name + ": " + url);
            assertTrue(url.contains("sslfactory=org.postgresql.ssl.DefaultJavaSSLFactory"), name + ": " + url);
            assertFalse(proxied.environmentNames(name).contains("DB_SSL_ROOT_CERT"), name);
        }
        proxied.shop.hasResourceProperties(
                "AWS::ECS::TaskDefinition",
                Map.of(
                        "Family",
                        "storefront-dev-db-bootstrap",
                        "ContainerDefinitions",
                        List.of(Match.objectLike(Map.of(
                                "Environment",
                                Match.arrayWith(List.of(Match.objectLike(Map.of("Name", "DB_SSL_ROOT_CERT")))))))));
    }

    private static String caCertificateParameter(Synth synth) {
        Map<?, ?> parameters = (Map<?, ?>) synth.shop.toJSON().get("Parameters");
        return parameters.keySet().stream()
                .map(Object::toString)
                .filter(id -> id.startsWith("DatabaseCaCertificate"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no CA certificate parameter in " + parameters.keySet()));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> container(Map<String, Object> taskDefinition) {
        return ((List<Map<String, Object>>) taskDefinition.get("ContainerDefinitions")).get(0);
    }
}
