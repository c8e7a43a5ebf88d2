package org.hourbill.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.sun.net.httpserver.HttpServer;

/**
 * The gateway over real HTTP in front of a real HTTP backend standing in for a service: what reaches the service
 * (path without the prefix, the API client's token), what is refused before it (no session, too many requests), and
 * where a browser is sent to sign in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.server.port=0", "hourbill.gateway.rate-limit.capacity=3", "hourbill.gateway.rate-limit.period=PT60S",
        "hourbill.identity.issuer=http://localhost:9999"})
class GatewayTest {
    private static final List<String> seen = new ArrayList<>();
    private static final HttpServer backend = backend("one");
    private static final HttpServer secondInstance = backend("two");
    /** Answers 503 with Retry-After to the first two requests of each path, as a service whose database restarts. */
    private static final HttpServer restartingDatabase = busyBackend();
    /** A port where nothing listens: an instance that was killed. */
    private static final int deadInstance = freePort();
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Value("${local.server.port}")
    int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry properties) {
        properties.add("hourbill.gateway.services.timesheet", () -> "http://127.0.0.1:" + backend.getAddress().getPort());
        properties.add("hourbill.gateway.services.billing", () -> "http://127.0.0.1:" + backend.getAddress().getPort()
                + ",http://127.0.0.1:" + deadInstance + ",http://127.0.0.1:" + secondInstance.getAddress().getPort());
        properties.add("hourbill.gateway.services.payment", () -> "http://127.0.0.1:" + deadInstance);
        properties.add("hourbill.gateway.services.invoice", () -> "http://127.0.0.1:" + restartingDatabase.getAddress().getPort());
    }

    @AfterAll
    static void stopBackend() {
        backend.stop(0);
        secondInstance.stop(0);
        restartingDatabase.stop(0);
    }

    @Test
    void requests_are_spread_over_the_instances_and_one_that_is_down_is_passed_over_even_for_a_post() throws Exception {
        int before = seen.size();
        for (int i = 0; i < 12; i++) {
            var response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/billing/reviews"))
                    .header("Authorization", "Bearer spread-" + i).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"customerId\":\"c-" + i + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).startsWith("POST /reviews Bearer spread-" + i).endsWith("{\"customerId\":\"c-" + i + "\"}");
        }
        List<String> reached;
        synchronized (seen) {
            reached = List.copyOf(seen.subList(before, seen.size()));
        }
        assertThat(reached).hasSize(12); // each POST reached exactly one instance once
        assertThat(reached).filteredOn(line -> line.startsWith("one ")).hasSizeBetween(4, 8);
        assertThat(reached).filteredOn(line -> line.startsWith("two ")).hasSizeBetween(4, 8);
    }

    @Test
    void a_service_with_no_instance_reachable_is_503_problem_with_retry_after() throws Exception {
        var response = get("/api/payment/payments", "Bearer client-token-2");
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(response.body()).doesNotContain("Exception");
    }

    @Test
    void a_503_of_the_service_is_asked_again_for_what_is_safe_to_repeat_and_passed_on_for_a_post_without_key() throws Exception {
        var keyed = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/invoice/invoices/1/sending"))
                .header("Authorization", "Bearer finance").header("Idempotency-Key", "send-1").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"mode\":\"EMAIL\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(keyed.statusCode()).isEqualTo(200);
        assertThat(keyed.body()).isEqualTo("attempt 3 of POST /invoices/1/sending {\"mode\":\"EMAIL\"}");
        var read = get("/api/invoice/invoices/2", "Bearer finance");
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).startsWith("attempt 3 of GET");

        var unkeyed = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/invoice/invoices/3/voiding"))
                .header("Authorization", "Bearer finance").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(unkeyed.statusCode()).isEqualTo(503); // it may not be safe to send twice: the client decides
        assertThat(unkeyed.headers().firstValue("Retry-After")).contains("2");
        assertThat(get("/api/invoice/invoices/3/voiding-count", "Bearer auditor").body()).startsWith("attempt 2 of GET"); // reached once
    }

    @Test
    void an_api_client_reaches_the_service_with_its_own_token_and_without_the_prefix() throws Exception {
        var response = get("/api/timesheet/customers?name=acme", "Bearer client-token-1");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("GET /customers?name=acme Bearer client-token-1");
    }

    @Test
    void without_session_or_token_the_api_is_401_and_nothing_reaches_the_service() throws Exception {
        int before = seen.size();
        assertThat(get("/api/timesheet/customers", null).statusCode()).isEqualTo(401);
        assertThat(get("/me", null).statusCode()).isEqualTo(401);
        assertThat(seen).hasSize(before);
    }

    @Test
    void a_caller_over_its_limit_gets_429_with_retry_after_and_others_go_on() throws Exception {
        for (int i = 0; i < 3; i++) assertThat(get("/api/timesheet/customers", "Bearer busy-script").statusCode()).isEqualTo(200);
        var refused = get("/api/timesheet/customers", "Bearer busy-script");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
        assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(get("/api/timesheet/customers", "Bearer calm-client").statusCode()).isEqualTo(200);
    }

    @Test
    void the_web_console_is_served_without_sign_in_and_asks_who_is_signed_in_itself() throws Exception {
        var page = get("/", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(page.body()).contains("<div id=\"root\"></div>");
        String script = page.body().replaceAll("(?s).*<script type=\"module\" crossorigin src=\"\\./(assets/[^\"]+\\.js)\".*", "$1");
        var bundle = get("/" + script, null);
        assertThat(bundle.statusCode()).as(script).isEqualTo(200);
        assertThat(bundle.body()).contains("oauth2/authorization/hourbill");
    }

    @Test
    void a_browser_is_sent_to_the_provider_with_pkce() throws Exception {
        var response = get("/oauth2/authorization/hourbill", null);
        assertThat(response.statusCode()).isEqualTo(302);
        String location = response.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("http://localhost:9999/oauth2/authorize?").contains("client_id=hourbill-console",
                "code_challenge=", "code_challenge_method=S256", "scope=openid%20profile");
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (authorization != null) request.header("Authorization", authorization);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() {
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpServer busyBackend() {
        var attempts = new java.util.concurrent.ConcurrentHashMap<String, Integer>();
        return serve(exchange -> {
            String path = exchange.getRequestURI().getPath();
            int attempt = attempts.merge(path.replace("-count", ""), 1, Integer::sum);
            String received = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            byte[] body;
            if (attempt < 3 && !path.endsWith("-count")) {
                body = "{\"status\":503,\"type\":\"https://hourbill.org/problems/database-unavailable\"}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Retry-After", "2");
                exchange.sendResponseHeaders(503, body.length);
            } else {
                body = ("attempt " + attempt + " of " + exchange.getRequestMethod() + " " + path
                        + (received.isEmpty() ? "" : " " + received)).getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
            }
            exchange.getResponseBody().write(body);
            exchange.close();
        });
    }

    /** Answers with what it received: method, path, query, token, then the body; notes it, led by its name. */
    private static HttpServer backend(String name) {
        return serve(exchange -> {
            String query = exchange.getRequestURI().getRawQuery();
            String line = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath()
                    + (query == null ? "" : "?" + query) + " " + exchange.getRequestHeaders().getFirst("Authorization");
            String received = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            synchronized (seen) {
                seen.add(name + " " + line);
            }
            byte[] body = (line + (received.isEmpty() ? "" : " " + received)).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
    }

    private static HttpServer serve(com.sun.net.httpserver.HttpHandler handler) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", handler);
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
