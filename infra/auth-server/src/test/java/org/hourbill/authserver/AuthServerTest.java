package org.hourbill.authserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.json.JsonMapper;

/**
 * The provider as the services and the gateway use it, over real HTTP: discovery names the issuer and key set, a
 * client's token is signed by a published key and says who, which roles and for which audience.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = "management.server.port=${test.management-port}")
class AuthServerTest {
    private static final int PORT = freePort();
    private static final int MANAGEMENT_PORT = freePort();
    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    /** The issuer must be known before start, so the port is chosen first. */
    @DynamicPropertySource
    static void port(DynamicPropertyRegistry properties) {
        properties.add("server.port", () -> PORT);
        properties.add("hourbill.identity.issuer", () -> "http://localhost:" + PORT);
        properties.add("test.management-port", () -> MANAGEMENT_PORT);
    }

    private static int freePort() {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void discovery_names_issuer_and_key_set() throws Exception {
        var discovery = json.readTree(get("/.well-known/openid-configuration"));
        assertThat(discovery.get("issuer").asString()).isEqualTo(issuer());
        assertThat(discovery.get("jwks_uri").asString()).isEqualTo(issuer() + "/oauth2/jwks");
        assertThat(discovery.get("grant_types_supported").toString()).contains("authorization_code", "client_credentials");
    }

    @Test
    void a_client_token_carries_roles_and_the_api_audience_and_validates_like_the_services_validate_it() throws Exception {
        var request = HttpRequest.newBuilder(URI.create(issuer() + "/oauth2/token"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "hourbill-loader:loader-secret".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=hourbill.load")).build();
        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        String token = json.readTree(response.body()).get("access_token").asString();

        var decoder = NimbusJwtDecoder.withJwkSetUri(issuer() + "/oauth2/jwks").build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer()),
                new JwtClaimValidator<List<String>>("aud", aud -> aud != null && aud.contains("hourbill-api"))));
        var jwt = decoder.decode(token);
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("approver", "billing_clerk", "finance");
        assertThat(jwt.getSubject()).isEqualTo("hourbill-loader");
    }

    @Test
    void readiness_answers_on_the_management_port_without_sign_in() throws Exception {
        var response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + MANAGEMENT_PORT
                + "/actuator/health/readiness")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health")).doesNotContain("UP");
    }

    @Test
    void a_wrong_client_secret_gets_no_token() throws Exception {
        var request = HttpRequest.newBuilder(URI.create(issuer() + "/oauth2/token"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "hourbill-loader:guess".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build();
        assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
    }

    private String issuer() {
        return "http://localhost:" + PORT;
    }

    private String get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(issuer() + path)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
