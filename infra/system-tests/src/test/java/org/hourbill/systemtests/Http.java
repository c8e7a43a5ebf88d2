package org.hourbill.systemtests;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.hourbill.testsupport.TestIdentity;

/**
 * Plain HTTP against a running service, as any client would call it: with a valid access token of someone holding every
 * role, unless the caller sends its own {@code Authorization} header (or none, with {@link #anonymous}).
 */
final class Http {
    private static final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Response(int status, String body, String contentType) {
    }

    static Response get(String url) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    static Response post(String url, String json) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    static Response send(String method, String url, String json, java.util.List<String> headers) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(url)).method(method, HttpRequest.BodyPublishers.ofString(json));
        for (int i = 0; i < headers.size(); i += 2) request.header(headers.get(i), headers.get(i + 1));
        return send(request);
    }

    /** A call as a person with just these roles. */
    static Response as(String user, java.util.List<String> roles, String method, String url, String json) throws Exception {
        return send(method, url, json, java.util.List.of("Authorization", "Bearer " + TestIdentity.get().token(user, roles)));
    }

    /** The bytes of a document (a PDF) answered 200 to a token with every role. */
    static byte[] bytes(String url) throws Exception {
        var response = client.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + TestIdentity.get().anyRoleToken())
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) throw new IllegalStateException(url + " answered " + response.statusCode());
        return response.body();
    }

    /** A call without any token. */
    static Response anonymous(String url) throws Exception {
        var response = client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.body(), response.headers().firstValue("Content-Type").orElse(""));
    }

    private static Response send(HttpRequest.Builder request) throws Exception {
        if (request.build().headers().firstValue("Authorization").isEmpty()) {
            request.header("Authorization", "Bearer " + TestIdentity.get().anyRoleToken());
        }
        var response = client.send(request.header("Content-Type", "application/json").timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.body(), response.headers().firstValue("Content-Type").orElse(""));
    }
}
