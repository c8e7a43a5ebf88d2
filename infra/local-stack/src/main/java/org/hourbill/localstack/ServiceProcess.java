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
    static final String GROUP_INSTANCE_ID = "hourbill.kafka.group-instance-id";
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;
    private final List<String> command;

    private ServiceProcess(String name, int port, Process process, Path log, List<String> command) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
        this.command = command;
    }

    /**
     * @param properties Spring properties passed as {@code --name=value}
     * @param jvmOptions heap size, collector and the like
     */
    public static ServiceProcess start(Path projectRoot, Service service, int port, Map<String, String> properties,
            Path logDirectory, List<String> jvmOptions) throws IOException {
        return start(service.serviceName(), service.runnableJar(projectRoot), port, properties, logDirectory, jvmOptions);
    }

    /** One of several instances of a service, under its own name (its log file is {@code <instanceName>.log}). */
    public static ServiceProcess start(Path projectRoot, Service service, String instanceName, int port, Map<String, String> properties,
            Path logDirectory, List<String> jvmOptions) throws IOException {
        return start(instanceName, service.runnableJar(projectRoot), port, properties, logDirectory, jvmOptions);
    }

    /** As the other starts, from an extracted jar with its {@link AotCache}. */
    static ServiceProcess start(String name, AotCache.Prepared app, int port, Map<String, String> properties, Path logDirectory,
            List<String> jvmOptions) throws IOException {
        List<String> jvm = new ArrayList<>(jvmOptions);
        jvm.addAll(app.jvmOptions());
        return start(name, app.jar(), port, properties, logDirectory, jvm);
    }

    /** The identity provider or the gateway, run the same way as the services. */
    public static ServiceProcess start(Path projectRoot, FrontDoor app, int port, Map<String, String> properties,
            Path logDirectory, List<String> jvmOptions) throws IOException {
        return start(app.appName(), app.runnableJar(projectRoot), port, properties, logDirectory, jvmOptions);
    }

    private static ServiceProcess start(String name, Path jar, int port, Map<String, String> properties,
            Path logDirectory, List<String> jvmOptions) throws IOException {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (./mvnw install -DskipTests)");
        }
        Files.createDirectories(logDirectory);
        Path log = logDirectory.resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(javaOfThisJvm(), "--enable-native-access=ALL-UNNAMED"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port,
                "--management.server.port=" + managementPort(port)));
        properties.forEach((k, v) -> command.add("--" + k + "=" + v));
        // its name in the consumer groups, the same after a restart: it takes its partitions back at once
        if (!properties.containsKey(GROUP_INSTANCE_ID)) command.add("--" + GROUP_INSTANCE_ID + "=" + name + "-" + port);
        return launch(name, port, log, command, false);
    }

    private static ServiceProcess launch(String name, int port, Path log, List<String> command, boolean appendLog) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(appendLog ? ProcessBuilder.Redirect.appendTo(log.toFile()) : ProcessBuilder.Redirect.to(log.toFile()));
        // glibc gives each thread that allocates its own malloc arena (64 MiB reserved each): two keep the resident size small
        builder.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
        Process process = builder.start();
        return new ServiceProcess(name, port, process, log, List.copyOf(command));
    }

    /** SIGKILL: no shutdown hook, no graceful stop, as when a machine or container dies. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The same process started again (same port, options and log file), after it stopped or was killed. */
    public ServiceProcess restarted() throws IOException {
        if (process.isAlive()) throw new IllegalStateException(name + " is still running");
        return launch(name, port, log, command, true);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The java launcher of the running JVM: it is 21+, whatever the machine's default java is. */
    static String javaOfThisJvm() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Waits until the service reports ready (database and broker reachable). */
    public void awaitReady(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        URI readiness = URI.create(managementUrl() + "/actuator/health/readiness");
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
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
        throw new IllegalStateException(name + " not ready after " + timeout + "; see " + log);
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

    /** When the process started (its JVM's uptime counts from about then). */
    public Instant started() {
        return process.toHandle().info().startInstant().orElseThrow();
    }

    /** CPU time the process has used so far (user + system). */
    public Duration cpuTime() {
        return process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    /** Health, metrics and Prometheus: open without a token, on their own port. */
    public String managementUrl() {
        return "http://localhost:" + managementPort(port);
    }

    /** The management port sits 1000 above the API port (8081 -> 9081), as in each service's configuration. */
    public static int managementPort(int port) {
        return port + 1000;
    }

    public Path log() {
        return log;
    }

    /** SIGTERM (Spring's graceful shutdown), then a hard stop if it takes longer than 20 s. */
    public void stop() {
        stopAll(List.of(this));
    }

    /** SIGTERM to any process (Zipkin, Prometheus), then a hard stop after 10 s. */
    public static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** Stops the processes together: all are asked at once, so the slowest sets the time, not their sum. */
    public static void stopAll(Collection<ServiceProcess> processes) {
        stopAll(processes, Duration.ofSeconds(20));
    }

    /** As {@link #stopAll(Collection)}, with a hard stop after {@code grace}. */
    public static void stopAll(Collection<ServiceProcess> processes, Duration grace) {
        processes.forEach(p -> p.process.destroy());
        for (ServiceProcess p : processes) {
            try {
                if (!p.process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) p.process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                p.process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
