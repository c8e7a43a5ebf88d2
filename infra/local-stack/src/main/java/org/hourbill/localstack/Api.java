package org.hourbill.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small JSON-over-HTTP client for the launcher and the benchmarks: they use the public APIs like any client. */
final class Api {
    private static final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

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

    private JsonNode send(HttpRequest.Builder request, String url) throws IOException, InterruptedException {
        var response = http.send(request.header("Content-Type", "application/json").timeout(Duration.ofMinutes(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IOException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body().isBlank() ? null : json.readTree(response.body());
    }
}
