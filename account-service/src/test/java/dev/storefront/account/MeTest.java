package dev.storefront.account;

import static dev.storefront.account.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(AccountTestResource.class)
class MeTest {

    private static Map<String, Object> address(String city) {
        Map<String, Object> address = new HashMap<>();
        address.put("name", "Ann Example");
        address.put("line1", "Main Street 1");
        address.put("city", city);
        address.put("postalCode", "10115");
        address.put("country", "de");
        return address;
    }

    @Test
    void profileCanBeReadAndRenamed() {
        String email = Api.uniqueEmail();
        Api.signUp(email);
        String token = Api.login(email);
        as(token)
                .get("/api/accounts/me")
                .then()
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .body("email", equalTo(email));
        as(token)
                .body(Map.of("name", "New Name"))
                .patch("/api/accounts/me")
                .then()
                .statusCode(200)
                .body("name", equalTo("New Name"));
        as(token).get("/api/accounts/me").then().body("name", equalTo("New Name"));
        as(token)
                .body(Map.of("email", "other@example.test"))
                .patch("/api/accounts/me")
                .then()
                .statusCode(400)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void addressBookLifecycle() {
        String token = Api.newCustomer();
        String id = as(token)
                .body(address("Berlin"))
                .post("/api/accounts/me/addresses")
                .then()
                .statusCode(201)
                .body("country", equalTo("DE"))
                .body("line2", nullValue())
                .extract()
                .path("id");
        as(token).get("/api/accounts/me/addresses").then().statusCode(200).body("$", hasSize(1));
        Map<String, Object> moved = address("Hamburg");
        moved.put("line2", "Floor 3");
        as(token)
                .body(moved)
                .put("/api/accounts/me/addresses/" + id)
                .then()
                .statusCode(200)
                .body("city", equalTo("Hamburg"))
                .body("line2", equalTo("Floor 3"));
        as(token).get("/api/accounts/me/addresses/" + id).then().statusCode(200).body("city", equalTo("Hamburg"));
        as(token).delete("/api/accounts/me/addresses/" + id).then().statusCode(204);
        as(token).get("/api/accounts/me/addresses").then().body("$", hasSize(0));
    }

    @Test
    void invalidAddressIsAProblemAndStoresNothing() {
        String token = Api.newCustomer();
        long before = Api.count("SELECT count(*) FROM account.address");
        Map<String, Object> badCountry = address("Paris");
        badCountry.put("country", "XX");
        Map<String, Object> missingCity = address("Paris");
        missingCity.remove("city");
        Map<String, Object> extra = address("Paris");
        extra.put("accountId", "00000000-0000-0000-0000-000000000000");
        for (Map<String, Object> bad : java.util.List.of(badCountry, missingCity, extra)) {
            as(token)
                    .body(bad)
                    .post("/api/accounts/me/addresses")
                    .then()
                    .statusCode(400)
                    .contentType(startsWith("application/problem+json"));
        }
        assertEquals(before, Api.count("SELECT count(*) FROM account.address"));
    }

    @Test
    void anotherAccountsAddressIsNotFound() {
        String owner = Api.newCustomer();
        String intruder = Api.newCustomer();
        String id = as(owner)
                .body(address("Berlin"))
                .post("/api/accounts/me/addresses")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(intruder)
                .get("/api/accounts/me/addresses/" + id)
                .then()
                .statusCode(404)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo(Api.problem("address-not-found")));
        as(intruder)
                .body(address("Evil"))
                .put("/api/accounts/me/addresses/" + id)
                .then()
                .statusCode(404);
        as(intruder).delete("/api/accounts/me/addresses/" + id).then().statusCode(404);
        as(intruder).get("/api/accounts/me/addresses").then().body("$", hasSize(0));
        as(owner).get("/api/accounts/me/addresses/" + id).then().statusCode(200).body("city", equalTo("Berlin"));
    }

    @Test
    void withoutATokenMeIsUnauthorized() {
        Api.json()
                .get("/api/accounts/me")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo(Api.problem("unauthenticated")));
        Api.json().get("/api/accounts/me/addresses").then().statusCode(401);
    }
}
