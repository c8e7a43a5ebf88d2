package org.hourbill.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * README's first command: the whole system on this machine without Docker. A real PostgreSQL and a real Kafka
 * broker keep their data under {@code .local/} (so a second start finds it again), the five services run as
 * separate processes on fixed ports, demo data is loaded on first start, and Ctrl-C stops everything.
 */
public final class LocalStack {
    static final int POSTGRES_PORT = 15432;
    static final int KAFKA_PORT = 19092;

    public static void main(String[] args) throws Exception {
        Path root = projectRoot();
        Path local = root.resolve(".local");
        List<AutoCloseable> running = new ArrayList<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping Hourbill...");
            stopAll(running);
            stopped.countDown();
        }, "local-stack-stop"));

        long start = System.nanoTime();
        LocalPostgres postgres = LocalPostgres.start(local.resolve("postgres"), POSTGRES_PORT, true);
        running.add(postgres);
        postgres.ensureDatabases(Arrays.stream(Service.values()).map(Service::database).toList());
        LocalKafka kafka = LocalKafka.start(local.resolve("kafka"), KAFKA_PORT);
        running.add(kafka);
        kafka.ensureTopics(Service.TOPICS, 3);
        TraceServer traces = TraceServer.start(root, TraceServer.PORT, local.resolve("logs"));
        running.add(traces);
        System.out.printf("PostgreSQL on localhost:%d, Kafka on %s and Zipkin on %s are up (data in %s)%n", POSTGRES_PORT,
                kafka.bootstrapServers(), traces.baseUrl(), local);

        List<ServiceProcess> services = new ArrayList<>();
        // the provider keeps its signing key under .local, so a restart keeps everyone signed in
        services.add(ServiceProcess.start(root, FrontDoor.AUTH_SERVER, FrontDoor.AUTH_SERVER.port(), Map.of(
                "hourbill.identity.signing-key-file", local.resolve("identity").resolve("signing-key.json").toString()),
                local.resolve("logs"), ServiceJvm.options()));
        // as an operator runs them: from the caches trained on a month-end when there are fitting ones (MonthEndTraining)
        boolean trained = MonthEndTraining.fits(List.of(Service.values()), ServiceJvm.options());
        for (Service service : Service.values()) {
            Map<String, String> properties = new java.util.HashMap<>(traces.exportTo());
            properties.put("spring.datasource.url", postgres.jdbcUrl(service.database()));
            properties.put("spring.kafka.bootstrap-servers", kafka.bootstrapServers());
            services.add(trained
                    ? ServiceProcess.start(service.serviceName(), MonthEndTraining.trained(service), service.port(), properties,
                            local.resolve("logs"), ServiceJvm.options())
                    : ServiceProcess.start(root, service, service.port(), properties, local.resolve("logs"), ServiceJvm.options()));
        }
        services.add(ServiceProcess.start(root, FrontDoor.GATEWAY, FrontDoor.GATEWAY.port(), traces.exportTo(), local.resolve("logs"),
                ServiceJvm.options()));
        running.add(0, () -> ServiceProcess.stopAll(services));
        for (ServiceProcess service : services) {
            service.awaitReady(Duration.ofMinutes(3));
        }

        DemoData demo = new DemoData();
        if (!demo.alreadyLoaded()) {
            demo.load(YearMonth.now().minusMonths(1));
        } else {
            System.out.println("Existing data found in " + local + "; demo data not loaded again.");
        }
        printWhereToGo(local, traces, (System.nanoTime() - start) / 1_000_000_000.0);
        System.out.println(trained
                ? "  The services run from their AOT caches trained on a month-end (" + MonthEndTraining.directory(Service.BILLING).getParent() + ")."
                : "  Tip: ./mvnw install -DskipTests -Ptrain trains the services' AOT caches on a month-end rehearsal (docs/operations.md).");
        if (Arrays.asList(args).contains("--exit-when-ready")) {
            System.exit(0);
        }
        stopped.await();
    }

    private static void printWhereToGo(Path local, TraceServer traces, double seconds) {
        System.out.printf("%nHourbill is running (started in %.0f s). Ctrl-C stops everything.%n%n", seconds);
        System.out.printf("  Web console:  %s  (sign in as mona / hourbill: approver, billing clerk and finance;%n"
                + "                 or amelia = approver, bruno = billing clerk, fatima = finance, arthur = auditor; same password)%n",
                FrontDoor.GATEWAY.baseUrl());
        System.out.printf("  Sign-in:      %s (OpenID Connect provider)%n", FrontDoor.AUTH_SERVER.baseUrl());
        System.out.printf("  Traces:       %s/zipkin/  (find one by tag: invoice.number=<number> or billing.run.id=<id>)%n%n",
                traces.baseUrl());
        System.out.printf("  %-20s %-38s %-46s %s%n", "service", "API docs", "health (no token)", "metrics (no token)");
        for (Service s : Service.values()) {
            System.out.printf("  %-20s %-38s %-46s %s%n", s.serviceName(), s.baseUrl() + "/swagger-ui.html",
                    s.managementUrl() + "/actuator/health", s.managementUrl() + "/actuator/prometheus");
        }
        System.out.printf("%n  APIs need a token; through the gateway a signed-in browser has one, a script gets one with%n"
                + "  curl -u %s -d grant_type=client_credentials %s/oauth2/token%n  Logs: %s%n",
                FrontDoor.LOADER_CLIENT, FrontDoor.AUTH_SERVER.baseUrl(), local.resolve("logs"));
    }

    private static void stopAll(List<AutoCloseable> running) {
        for (AutoCloseable resource : running) {
            try {
                resource.close();
            } catch (Exception e) {
                System.err.println("while stopping: " + e);
            }
        }
        running.clear();
    }

    /** The folder holding {@code mvnw}, found from wherever the launcher was started. */
    static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        if (dir == null) throw new IllegalStateException("run the launcher inside the Hourbill project");
        return dir;
    }
}
