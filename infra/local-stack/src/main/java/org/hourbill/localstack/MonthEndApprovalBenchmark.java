package org.hourbill.localstack;

import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

/**
 * Month-end approval, end to end: bulk-approve N submitted entries over timesheet's HTTP API and measure until
 * all N are in billing's unbilled pool (outbox, relay, Kafka, billing's idempotent consumer, batched inserts).
 *
 * <p>Real servers only: PostgreSQL 17 with default durability, a KRaft broker, and both services as separate
 * JVMs. Seeding is not measured: reference data goes through the API, the submitted entries are written with
 * COPY straight into timesheet's database (600 consultants, 8 one-hour entries a working day each, never
 * more than 24 h a day). A warm-up round of 10 % runs first so the figures are not those of a cold JIT.
 */
public final class MonthEndApprovalBenchmark {
    private static final int CUSTOMERS = 10;
    private static final int CONSULTANTS = 600;
    // Set once from the arguments, before anything runs.
    private static int requestSize = 10_000;
    private static int concurrentRequests = 2;
    private static List<String> serviceJvm = List.of("-Xmx1g");

    /** Arguments: entries [request size [concurrent requests ["service JVM options"]]]. */
    public static void main(String[] args) throws Exception {
        int entries = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 100_000;
        if (args.length > 1) requestSize = Integer.parseInt(args[1].replace("_", ""));
        if (args.length > 2) concurrentRequests = Integer.parseInt(args[2]);
        if (args.length > 3 && !args[3].isBlank()) serviceJvm = List.of(args[3].trim().split("\\s+"));
        int warmUp = Math.max(1_000, entries / 10);
        Path root = LocalStack.projectRoot();
        Path work = root.resolve("infra/local-stack/target/benchmark");
        deleteRecursively(work);
        List<AutoCloseable> running = new ArrayList<>();
        try {
            LocalPostgres postgres = LocalPostgres.start(work.resolve("postgres"), 25432, true);
            running.add(0, postgres);
            postgres.ensureDatabases(List.of("timesheet", "billing"));
            LocalKafka kafka = LocalKafka.start(work.resolve("kafka"), 29092);
            running.add(0, kafka);
            kafka.ensureTopics(List.of("timesheet.events", "timesheet.events.billing-service.dlq"), 3);
            List<ServiceProcess> services = new ArrayList<>();
            for (Service service : List.of(Service.TIMESHEET, Service.BILLING)) {
                services.add(ServiceProcess.start(root, service, 20_000 + service.port(), Map.of(
                        "spring.datasource.url", postgres.jdbcUrl(service.database()),
                        "spring.kafka.bootstrap-servers", kafka.bootstrapServers()), work.resolve("logs"), serviceJvm));
            }
            running.add(0, () -> ServiceProcess.stopAll(services));
            for (ServiceProcess s : services) s.awaitReady(Duration.ofMinutes(3));
            String timesheet = services.get(0).baseUrl();

            System.out.printf("Seeding %,d + %,d warm-up submitted entries...%n", entries, warmUp);
            Seed seed = Seed.create(new Api(), timesheet, postgres.jdbcUrl("timesheet"), entries + warmUp);
            String billingDb = postgres.jdbcUrl("billing");
            awaitCustomersInBilling(billingDb);

            Round warm = approveAndWait(timesheet, billingDb, seed.entryIds().subList(0, warmUp), 0);
            System.out.printf("warm-up: %,d entries in %.2f s%n", warmUp, warm.endToEnd().toMillis() / 1000.0);
            Map<String, Duration> cpuBefore = cpu(services, work);
            Round round = approveAndWait(timesheet, billingDb, seed.entryIds().subList(warmUp, warmUp + entries), warmUp);
            Map<String, Duration> cpuAfter = cpu(services, work);

            double seconds = round.endToEnd().toMillis() / 1000.0;
            System.out.println();
            System.out.println("Month-end approval benchmark (" + Runtime.getRuntime().availableProcessors() + " cores)");
            System.out.printf("  entries approved            %,d (%d requests of %,d, %d at a time)%n", entries,
                    (entries + requestSize - 1) / requestSize, requestSize, concurrentRequests);
            System.out.printf("  approval API done after     %.2f s%n", round.apiDone().toMillis() / 1000.0);
            System.out.printf("  all in billing's pool after %.2f s%n", seconds);
            System.out.printf("  end-to-end throughput       %,.0f entries/s%n", entries / seconds);
            for (ServiceProcess s : services) {
                System.out.printf("  peak memory %-16s %,d MiB (RSS high-water mark)%n", s.service().serviceName(), s.peakMemoryMiB());
            }
            System.out.println("  CPU used during the measured run (2 cores give at most " + String.format("%.1f", 2 * seconds) + " s):");
            cpuAfter.forEach((name, after) -> System.out.printf("    %-34s %6.1f s = %4.0f us per entry%n", name,
                    (after.toMillis() - cpuBefore.getOrDefault(name, Duration.ZERO).toMillis()) / 1000.0,
                    (after.toMillis() - cpuBefore.getOrDefault(name, Duration.ZERO).toMillis()) * 1000.0 / entries));
        } finally {
            for (AutoCloseable r : running) {
                try {
                    r.close();
                } catch (Exception e) {
                    System.err.println("while stopping: " + e);
                }
            }
        }
        System.exit(0);
    }

    record Round(Duration apiDone, Duration endToEnd) {
    }

    /** CPU time so far of each part: the two services, PostgreSQL (all its processes), this JVM (broker and driver). */
    private static Map<String, Duration> cpu(List<ServiceProcess> services, Path work) {
        Map<String, Duration> used = new java.util.LinkedHashMap<>();
        for (ServiceProcess s : services) used.put(s.service().serviceName(), s.cpuTime());
        String dataDirectory = work.resolve("postgres").toString();
        Duration postgres = Duration.ZERO;
        List<ProcessHandle> postmasters = ProcessHandle.allProcesses()
                .filter(p -> p.info().arguments().map(a -> String.join(" ", a).contains(dataDirectory)).orElse(false)).toList();
        for (ProcessHandle postmaster : postmasters) {
            postgres = postgres.plus(postmaster.info().totalCpuDuration().orElse(Duration.ZERO));
            for (ProcessHandle backend : postmaster.children().toList()) {
                postgres = postgres.plus(backend.info().totalCpuDuration().orElse(Duration.ZERO));
            }
        }
        used.put("postgresql", postgres);
        used.put("kafka broker + benchmark driver", ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO));
        return used;
    }

    private static Round approveAndWait(String timesheet, String billingDb, List<String> ids, int alreadyInPool) throws Exception {
        Api api = new Api();
        long start = System.nanoTime();
        try (ExecutorService requests = Executors.newFixedThreadPool(concurrentRequests)) {
            List<Future<?>> sent = new ArrayList<>();
            for (int from = 0; from < ids.size(); from += requestSize) {
                List<String> chunk = ids.subList(from, Math.min(ids.size(), from + requestSize));
                sent.add(requests.submit(() -> api.post(timesheet + "/time-entries/approvals", Map.of("entryIds", chunk))));
            }
            for (Future<?> f : sent) f.get();
        }
        Duration apiDone = Duration.ofNanos(System.nanoTime() - start);
        int expected = alreadyInPool + ids.size();
        try (Connection c = DriverManager.getConnection(billingDb, LocalPostgres.USER, LocalPostgres.PASSWORD)) {
            while (count(c, "select count(*) from unbilled_entry") < expected) {
                if (Duration.ofNanos(System.nanoTime() - start).toMinutes() > 10) throw new IllegalStateException("pool never filled");
                Thread.sleep(100); // count(*) is not free: polling faster would steal CPU from what is measured
            }
        }
        return new Round(apiDone, Duration.ofNanos(System.nanoTime() - start));
    }

    private static void awaitCustomersInBilling(String billingDb) throws Exception {
        try (Connection c = DriverManager.getConnection(billingDb, LocalPostgres.USER, LocalPostgres.PASSWORD)) {
            for (int i = 0; i < 600 && count(c, "select count(*) from billing_customer") < CUSTOMERS; i++) Thread.sleep(100);
        }
    }

    private static long count(Connection c, String sql) throws Exception {
        try (var rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Reference data through the API, submitted entries with COPY. */
    record Seed(List<String> entryIds) {
        static Seed create(Api api, String timesheet, String timesheetDb, int entries) throws Exception {
            List<String[]> projects = new ArrayList<>();
            for (int c = 0; c < CUSTOMERS; c++) {
                String customer = api.post(timesheet + "/customers", Map.of("name", "Customer " + c, "taxRate", new BigDecimal("19"),
                        "currency", "EUR", "paymentTermsDays", 30)).get("id").asString();
                String project = api.post(timesheet + "/projects", Map.of("customerId", customer, "code", "BENCH-" + c,
                        "name", "Project " + c, "billingType", "TIME_AND_MATERIALS")).get("id").asString();
                projects.add(new String[] {customer, project});
            }
            List<String> consultants = new ArrayList<>();
            for (int r = 0; r < CONSULTANTS; r++) {
                consultants.add(api.post(timesheet + "/resources", Map.of("name", "Consultant " + r, "role", "Consultant",
                        "defaultRate", new BigDecimal("95.50"))).get("id").asString());
            }
            List<LocalDate> days = new ArrayList<>();
            YearMonth month = YearMonth.of(2026, 10);
            for (LocalDate d = month.atDay(1); !d.isAfter(month.atEndOfMonth()); d = d.plusDays(1)) {
                if (d.getDayOfWeek().getValue() <= 5) days.add(d);
            }
            List<String> ids = new ArrayList<>(entries);
            StringBuilder csv = new StringBuilder(entries * 200);
            for (int i = 0; i < entries; i++) {
                int slot = i / 8; // 8 one-hour entries per consultant and day
                String consultant = consultants.get(slot % CONSULTANTS);
                LocalDate day = days.get((slot / CONSULTANTS) % days.size());
                String[] project = projects.get(i % CUSTOMERS);
                String id = UUID.randomUUID().toString();
                ids.add(id);
                csv.append(id).append(',').append(project[0]).append(',').append(project[1]).append(',').append(consultant)
                        .append(',').append(day).append(",1.00,Delivery,Benchmark work,true,SUBMITTED,0\n");
            }
            try (Connection c = DriverManager.getConnection(timesheetDb, LocalPostgres.USER, LocalPostgres.PASSWORD)) {
                new CopyManager(c.unwrap(BaseConnection.class)).copyIn("""
                        copy time_entry (id, customer_id, project_id, resource_id, work_date, hours, task, description, billable,
                            status, version) from stdin with (format csv)""", new StringReader(csv.toString()));
            }
            return new Seed(ids);
        }
    }

    private static void deleteRecursively(Path dir) throws Exception {
        if (!Files.exists(dir)) return;
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
