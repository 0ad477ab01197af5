package dev.storefront.cart;

import dev.storefront.local.infra.JwtTestResource;
import dev.storefront.local.infra.PostgresTestResource;
import dev.storefront.local.infra.S3TestResource;
import dev.storefront.local.infra.SchemaIsolation;
import dev.storefront.local.infra.ServiceDatabase;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The service's database role owns its schema and can touch no other service's schema. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "service", value = "cart-service"))
@WithTestResource(S3TestResource.class)
@WithTestResource(JwtTestResource.class)
@WithTestResource(CartTestSettings.class)
class SchemaIsolationTest {
    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "test.postgres.superuser-url")
    String superuserUrl;

    @Test
    void roleUsesItsOwnSchemaAndNoOther() throws SQLException {
        SchemaIsolation.assertOnlyOwnSchema(dataSource, superuserUrl, ServiceDatabase.CART);
    }
}
