package dev.storefront.order;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(CheckoutStackResource.class)
class HealthTest {

    @Test
    void readyOnceMigratedWithDatabaseAndBucketUp() {
        given().when()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("catalog-bucket"))
                .body("checks.name", hasItem("Database connections health check"));
    }

    @Test
    void live() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void publishesMetricsAndOpenApi() {
        given().when().get("/q/metrics").then().statusCode(200).body(org.hamcrest.Matchers.containsString("jvm_"));
        given().accept("application/json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("info.title", equalTo("order-service"));
    }

    @Test
    void openApiDocumentsTheCheckoutProblemsMembers() {
        given().accept("application/json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("components.schemas.CheckoutProblem.properties", hasKey("type"))
                .body("components.schemas.CheckoutProblem.properties", hasKey("priceChanges"))
                .body("components.schemas.CheckoutProblem.properties", hasKey("unavailableSkus"))
                .body(
                        "paths.'/api/orders'.post.responses.'409'.content.'application/problem+json'.schema.$ref",
                        equalTo("#/components/schemas/CheckoutProblem"));
    }

    @Test
    void unknownRouteIsProblemJson() {
        given().when()
                .get("/api/orders/x/y/z")
                .then()
                .statusCode(404)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(404));
    }
}
