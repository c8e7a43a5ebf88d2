package org.hourbill.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One service run as its own JVM from its runnable jar, the way ops run it: separate process, fixed port,
 * its own database. Output goes to a log file; {@link #stop()} asks for a graceful shutdown first.
 */
public final class ServiceProcess {
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Service service;
    private final int port;
    private final Process process;
    private final Path log;

    private ServiceProcess(Service service, int port, Process process, Path log) {
        this.service = service;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /**
     * @param properties Spring properties passed as {@code --name=value}
     * @param jvmOptions heap size, collector and the like
     */
    public static ServiceProcess start(Path projectRoot, Service service, int port, Map<String, String> properties,
            Path logDirectory, List<String> jvmOptions) throws IOException {
        Path jar = service.runnableJar(projectRoot);
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (./mvnw install -DskipTests)");
        }
        Files.createDirectories(logDirectory);
        Path log = logDirectory.resolve(service.serviceName() + ".log");
        List<String> command = new ArrayList<>(List.of(javaOfThisJvm(), "--enable-native-access=ALL-UNNAMED"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port));
        properties.forEach((k, v) -> command.add("--" + k + "=" + v));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        // glibc gives each thread that allocates its own malloc arena (64 MiB reserved each): two keep the resident size small
        builder.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
        Process process = builder.start();
        return new ServiceProcess(service, port, process, log);
    }

    /** The java launcher of the running JVM: it is 21+, whatever the machine's default java is. */
    static String javaOfThisJvm() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Waits until the service reports ready (database and broker reachable). */
    public void awaitReady(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        URI readiness = URI.create(baseUrl() + "/actuator/health/readiness");
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(service.serviceName() + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                var response = http.send(HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) return;
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(service.serviceName() + " not ready after " + timeout + "; see " + log);
    }

    /** Peak resident memory of the process so far (Linux {@code VmHWM}), in MiB; -1 where unknown. */
    public long peakMemoryMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** CPU time the process has used so far (user + system). */
    public Duration cpuTime() {
        return process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    public Service service() {
        return service;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public Path log() {
        return log;
    }

    /** SIGTERM (Spring's graceful shutdown), then a hard stop if it takes longer than 20 s. */
    public void stop() {
        stopAll(List.of(this));
    }

    /** Stops the processes together: all are asked at once, so the slowest sets the time, not their sum. */
    public static void stopAll(Collection<ServiceProcess> processes) {
        processes.forEach(p -> p.process.destroy());
        for (ServiceProcess p : processes) {
            try {
                if (!p.process.waitFor(20, TimeUnit.SECONDS)) p.process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                p.process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
