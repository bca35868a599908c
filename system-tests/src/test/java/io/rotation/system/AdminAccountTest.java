package io.rotation.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** `./rotation up` passes the local admin credentials; identity ensures that account at start-up. */
class AdminAccountTest {

    @Test
    void theLocalAdminLogsInWithTheAdminRole() {
        String username = System.getenv().getOrDefault("ROTATION_ADMIN_USERNAME", "admin");
        String password = System.getenv().getOrDefault("ROTATION_ADMIN_PASSWORD", "rotation-admin");
        String token = Gateway.request().body(Map.of("username", username, "password", password))
                .post("/api/v1/auth/login").then().statusCode(200).extract().path("access_token");
        String claims = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        assertThat(claims).contains("\"groups\":[\"admin\"]");
    }
}
