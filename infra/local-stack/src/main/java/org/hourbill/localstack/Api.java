package org.hourbill.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small JSON-over-HTTP client for the launcher and the benchmarks: they use the public APIs like any client, with an
 * access token the identity provider gives the loader client (client credentials), renewed before it expires.
 */
final class Api {
    private static final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String issuer;
    private String token;
    private Instant tokenRenewal = Instant.MIN;

    /** @param issuer the identity provider's base URL, e.g. http://localhost:9000 */
    Api(String issuer) {
        this.issuer = issuer;
    }

    private synchronized String token() throws IOException, InterruptedException {
        if (Instant.now().isBefore(tokenRenewal)) return token;
        var request = HttpRequest.newBuilder(URI.create(issuer + "/oauth2/token"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        FrontDoor.LOADER_CLIENT.getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=hourbill.load")).build();
        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) throw new IOException("no token from " + issuer + ": " + response.body());
        JsonNode answer = json.readTree(response.body());
        token = answer.get("access_token").asString();
        tokenRenewal = Instant.now().plusSeconds(Math.max(10, answer.get("expires_in").asLong() - 60));
        return token;
    }

    JsonNode get(String url) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).GET(), url);
    }

    JsonNode post(String url, Object body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))), url);
    }

    /** A POST with extra headers, given as name, value, name, value... */
    JsonNode post(String url, Object body, String... headers) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        for (int i = 0; i < headers.length; i += 2) request.header(headers[i], headers[i + 1]);
        return send(request, url);
    }

    JsonNode put(String url, Object body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).PUT(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))), url);
    }

    /** An answer whatever its status, for callers that handle refusals themselves. */
    record Response(int status, String body, java.util.Optional<String> retryAfter) {
        JsonNode json() {
            return body == null || body.isBlank() ? null : json.readTree(body);
        }
    }

    /** Sends without judging the answer; {@code body} null sends none. Headers as name, value, name, value... */
    Response exchange(String method, String url, Object body, Duration timeout, String... headers)
            throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token());
        for (int i = 0; i < headers.length; i += 2) request.header(headers[i], headers[i + 1]);
        var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.body(), response.headers().firstValue("Retry-After"));
    }

    interface Call<T> {
        T make(int i) throws Exception;
    }

    /** Calls 0..count-1, four at a time (seeding: one at a time leaves a core idle), their answers in order. */
    static <T> List<T> each(int count, Call<T> call) throws Exception {
        try (ExecutorService clients = Executors.newFixedThreadPool(4)) {
            List<Future<T>> answers = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int n = i;
                answers.add(clients.submit(() -> call.make(n)));
            }
            List<T> made = new ArrayList<>(count);
            for (Future<T> answer : answers) made.add(answer.get());
            return made;
        }
    }

    private JsonNode send(HttpRequest.Builder request, String url) throws IOException, InterruptedException {
        var response = http.send(request.header("Content-Type", "application/json").header("Authorization", "Bearer " + token())
                .timeout(Duration.ofMinutes(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IOException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body().isBlank() ? null : json.readTree(response.body());
    }
}
