package org.hourbill.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * The KRaft broker of {@link LocalKafka} in a JVM of its own, so that a fault run can kill it (SIGKILL) and start it
 * again on the same log directory, as a broker machine dies and comes back.
 */
final class BrokerProcess {
    private final Path logDirectory;
    private final int port;
    private final Path log;
    private Process process;

    private BrokerProcess(Path logDirectory, int port, Path log, List<String> jvmOptions) {
        this.jvmOptions = List.copyOf(jvmOptions);
        this.logDirectory = logDirectory;
        this.port = port;
        this.log = log;
    }

    /** Runs in the broker's JVM: arguments are the log directory and the port. */
    public static void main(String[] args) throws Exception {
        LocalKafka kafka = LocalKafka.start(Path.of(args[0]), Integer.parseInt(args[1]));
        Runtime.getRuntime().addShutdownHook(new Thread(kafka::close));
        kafka.ensureTopics(Service.TOPICS, 3);
        System.out.println("broker ready on " + kafka.bootstrapServers());
        Thread.currentThread().join();
    }

    /**
     * The JVM options of Kafka's own start script (kafka-server-start.sh, kafka-run-class.sh): a 1 GiB heap and G1 aiming
     * at 20 ms pauses. In the benchmark driver's JVM the broker shared a 6 GiB heap with the driver's seed data, and
     * its young collections took up to 174 ms: a stall of every saga in flight at once.
     */
    static final List<String> KAFKA_JVM = List.of("-Xmx1G", "-Xms1G", "-XX:+UseG1GC", "-XX:MaxGCPauseMillis=20",
            "-XX:InitiatingHeapOccupancyPercent=35", "-XX:+ExplicitGCInvokesConcurrent");

    private final List<String> jvmOptions;
    private Instant started;

    static BrokerProcess start(Path logDirectory, int port, Path log) throws Exception {
        return start(logDirectory, port, log, List.of("-Xmx512m", "-XX:+UseSerialGC"));
    }

    static BrokerProcess start(Path logDirectory, int port, Path log, List<String> jvmOptions) throws Exception {
        BrokerProcess broker = new BrokerProcess(logDirectory, port, log, jvmOptions);
        broker.launch();
        return broker;
    }

    private void launch() throws Exception {
        Files.createDirectories(log.getParent());
        List<String> command = new java.util.ArrayList<>(List.of(ServiceProcess.javaOfThisJvm()));
        command.addAll(jvmOptions);
        command.addAll(List.of("--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                BrokerProcess.class.getName(), logDirectory.toString(), String.valueOf(port)));
        process = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        started = process.info().startInstant().orElse(Instant.now());
        awaitReady(Duration.ofMinutes(2));
    }

    private void awaitReady(Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000))) {
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) throw new IllegalStateException("the broker exited; see " + log);
                try {
                    if (admin.listTopics().names().get(3, TimeUnit.SECONDS).containsAll(List.of("invoice.events"))) return;
                } catch (Exception e) {
                    // not up yet
                }
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("the broker is not ready after " + timeout + "; see " + log);
    }

    String bootstrapServers() {
        return "localhost:" + port;
    }

    /** SIGKILL, as when the broker's machine dies: no clean shutdown, its log is recovered at the next start. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    void restart() throws Exception {
        if (process.isAlive()) throw new IllegalStateException("the broker is still running");
        launch();
    }

    void stop() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** When its JVM started (the origin of its GC log's uptime stamps). */
    Instant started() {
        return started;
    }

    long pid() {
        return process.pid();
    }
}
