package dev.storefront.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import dev.storefront.defaults.problem.ProblemType;
import dev.storefront.local.infra.InjectManagementPort;
import dev.storefront.local.infra.JwtTestResource;
import dev.storefront.local.infra.ManagementTestResource;
import dev.storefront.local.infra.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(
        value = PostgresTestResource.class,
        initArgs = @ResourceArg(name = "service", value = "catalog-publisher"))
@WithTestResource(PublisherTestResource.class)
@WithTestResource(JwtTestResource.class)
// Every test class of this module (GLOBAL) gets a free management port, so no *IT binds the fixed local one.
@WithTestResource(value = ManagementTestResource.class, scope = TestResourceScope.GLOBAL)
class HealthTest {

    @InjectManagementPort
    int managementPort;

    @Test
    void readyOnceMigratedWithDatabaseAndBucketUp() {
        management()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("storefront-bucket"))
                .body("checks.name", hasItem("Database connections health check"));
    }

    @Test
    void live() {
        management().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void publishesMetricsAndOpenApi() {
        management().get("/q/metrics").then().statusCode(200).body(org.hamcrest.Matchers.containsString("jvm_"));
        management().get("/q/swagger-ui/").then().statusCode(200);
        management()
                .accept("application/json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("info.title", equalTo("catalog-publisher"));
    }

    @Test
    void unknownRouteIsProblemJson() {
        given().when()
                .get("/api/catalog/nope")
                .then()
                .statusCode(404)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo(ProblemType.BASE + "not-found"))
                .body("status", equalTo(404));
    }

    @Test
    void managementEndpointsAreNotServedOnThePublicPort() {
        for (String path : List.of("/q/health/ready", "/q/health/live", "/q/metrics", "/q/openapi", "/q/swagger-ui")) {
            given().get(path).then().statusCode(404).contentType(startsWith("application/problem+json"));
        }
    }

    /** A request to the management interface (its own port; the paths are the usual /q/...). */
    io.restassured.specification.RequestSpecification management() {
        return given().port(managementPort);
    }
}
