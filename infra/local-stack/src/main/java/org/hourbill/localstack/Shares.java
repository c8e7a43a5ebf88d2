package org.hourbill.localstack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** An instance's share of the work, from its Prometheus counters: HTTP requests answered, Kafka records consumed. */
final class Shares {
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    static String of(String managementUrl) {
        try {
            String metrics = http.send(HttpRequest.newBuilder(URI.create(managementUrl + "/actuator/prometheus"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body();
            return String.format("%,8.0f HTTP requests, %,8.0f records consumed", sum(metrics, "http_server_requests_seconds_count"),
                    sum(metrics, "kafka_consumer_fetch_manager_records_consumed_total"));
        } catch (Exception e) {
            return "not answering: " + e;
        }
    }

    /** The sum of every series of a metric (Prometheus text format). */
    static double sum(String metrics, String name) {
        double total = 0;
        for (String line : metrics.split("\n")) {
            if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
                if (name.equals("kafka_consumer_fetch_manager_records_consumed_total") && !line.contains("topic=")) continue;
                total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return total;
    }
}
