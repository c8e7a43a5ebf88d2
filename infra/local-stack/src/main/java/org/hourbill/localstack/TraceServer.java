package org.hourbill.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The trace backend: Zipkin's server, run from its executable jar (Maven Central, copied into
 * {@code infra/local-stack/target/trace-server} by the build) with traces kept in memory. Services send it their
 * spans; its web UI finds a trace by an invoice's number or a billing run's id.
 */
public final class TraceServer implements AutoCloseable {
    public static final int PORT = 9411;
    /** Services of a stack without a trace backend (benchmarks, the fault run) keep tracing but send nothing. */
    public static final Map<String, String> NO_EXPORT = Map.of("management.tracing.export.zipkin.enabled", "false");

    private final int port;
    private final Process process;

    private TraceServer(int port, Process process) {
        this.port = port;
        this.process = process;
    }

    /** Starts Zipkin on the port and waits until it answers (a few seconds). */
    public static TraceServer start(Path projectRoot, int port, Path logDirectory) throws IOException, InterruptedException {
        Path jar = projectRoot.resolve("infra/local-stack/target/trace-server/zipkin-server.jar");
        if (!Files.exists(jar)) throw new IllegalStateException(jar + " is missing: build first (./mvnw install -DskipTests)");
        Files.createDirectories(logDirectory);
        // in memory, at most 200,000 spans: a billing run of 1,000 customers makes about 40,000
        List<String> command = List.of(ServiceProcess.javaOfThisJvm(), "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-jar", jar.toString(), "--server.port=" + port, "--zipkin.storage.mem.max-spans=200000",
                "--logging.level.root=WARN");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(logDirectory.resolve("zipkin.log").toFile()).start();
        TraceServer server = new TraceServer(port, process);
        server.awaitReady(Duration.ofMinutes(2));
        return server;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    /** Where services send spans: {@code management.tracing.export.zipkin.endpoint}. */
    public Map<String, String> exportTo() {
        return Map.of("management.tracing.export.zipkin.endpoint", baseUrl() + "/api/v2/spans");
    }

    private void awaitReady(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new IllegalStateException("Zipkin exited with " + process.exitValue());
            try {
                var answer = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/health")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == 200) return;
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("Zipkin did not answer on " + baseUrl() + " within " + timeout);
    }

    @Override
    public void close() {
        ServiceProcess.stop(process);
    }
}
