package org.hourbill.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the benchmarks run on: their own PostgreSQL (default durability) and KRaft broker under
 * {@code infra/local-stack/target/benchmark}, and the services as separate JVMs on ports 2808x.
 */
final class BenchmarkStack implements AutoCloseable {
    private final Path work;
    private final LocalPostgres postgres;
    private final BrokerProcess kafka;
    private final List<ServiceProcess> services = new ArrayList<>();
    private ServiceProcess identityProvider;
    private final WorkloadCache workloadCache;
    static final int AUTH_SERVER_PORT = 29000;

    private BenchmarkStack(Path work, LocalPostgres postgres, BrokerProcess kafka, WorkloadCache workloadCache) {
        this.work = work;
        this.workloadCache = workloadCache;
        this.postgres = postgres;
        this.kafka = kafka;
    }

    /**
     * The stack with the services started from their AOT caches trained on a month-end ({@link MonthEndTraining}: trained
     * first if missing or stale), or, with {@code HOURBILL_AOT=none}, without a cache.
     *
     * @param properties extra Spring properties per service (e.g. billing's frame order service address)
     */
    static BenchmarkStack start(List<Service> services, List<String> serviceJvm, Map<Service, Map<String, String>> properties)
            throws Exception {
        return start(services, serviceJvm, properties, MonthEndTraining.ensureTrained(serviceJvm));
    }

    static BenchmarkStack start(List<Service> services, List<String> serviceJvm, Map<Service, Map<String, String>> properties,
            WorkloadCache workloadCache) throws Exception {
        Path root = LocalStack.projectRoot();
        Path work = root.resolve("infra/local-stack/target/benchmark");
        deleteRecursively(work);
        LocalPostgres postgres = LocalPostgres.start(work.resolve("postgres"), 25432, true);
        BrokerProcess kafka;
        try {
            // a JVM of its own, as a broker runs: its collections do not pause the driver, nor the driver's the broker
            List<String> brokerJvm = new ArrayList<>(BrokerProcess.KAFKA_JVM);
            brokerJvm.add(GcPauses.logOption(gcLog(work, BROKER)));
            kafka = BrokerProcess.start(work.resolve("kafka"), 29092, work.resolve("logs/" + BROKER + ".log"), brokerJvm);
        } catch (Exception e) {
            postgres.close();
            throw e;
        }
        BenchmarkStack stack = new BenchmarkStack(work, postgres, kafka, workloadCache);
        try {
            postgres.ensureDatabases(services.stream().map(Service::database).toList());
            stack.identityProvider = ServiceProcess.start(root, FrontDoor.AUTH_SERVER, AUTH_SERVER_PORT,
                    Map.of("hourbill.identity.issuer", issuer()), work.resolve("logs"), List.of("-Xmx256m"));
            for (Service service : services) {
                Map<String, String> props = new LinkedHashMap<>(Map.of(
                        "spring.datasource.url", postgres.jdbcUrl(service.database()),
                        "spring.kafka.bootstrap-servers", kafka.bootstrapServers(),
                        "hourbill.security.issuer", issuer()));
                props.putAll(TraceServer.NO_EXPORT);
                props.putAll(properties.getOrDefault(service, Map.of()));
                List<String> jvm = new ArrayList<>(serviceJvm);
                jvm.add(GcPauses.logOption(gcLog(work, service.serviceName())));
                AotCache.Prepared app = switch (workloadCache) {
                    case NONE -> AotCache.Prepared.withoutCache(service.runnableJar(root));
                    case USE -> MonthEndTraining.trained(service);
                    case TRAIN -> {
                        jvm.add("-XX:AOTCacheOutput=" + MonthEndTraining.cache(service));
                        yield AotCache.Prepared.withoutCache(AotCache.extracted(service.runnableJar(root), MonthEndTraining.directory(service)));
                    }
                };
                stack.services.add(ServiceProcess.start(service.serviceName(), app, port(service), props, work.resolve("logs"), jvm));
            }
            stack.identityProvider.awaitReady(Duration.ofMinutes(3));
            for (ServiceProcess s : stack.services) s.awaitReady(Duration.ofMinutes(3));
            return stack;
        } catch (Exception e) {
            stack.close();
            throw e;
        }
    }

    /**
     * How the services start: {@code TRAIN}, each writes a JDK 25 AOT cache when the stack stops it, with the method
     * profiles of the workload it ran (JEP 515); {@code USE}, each starts from that cache; {@code NONE}, without one.
     */
    enum WorkloadCache {
        NONE, TRAIN, USE
    }

    /** The benchmark's own identity provider, which gives the driver its token. */
    static String issuer() {
        return "http://localhost:" + AUTH_SERVER_PORT;
    }

    static int port(Service service) {
        return 20_000 + service.port();
    }

    String url(Service service) {
        return "http://localhost:" + port(service);
    }

    String jdbcUrl(Service service) {
        return postgres.jdbcUrl(service.database());
    }

    String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** A connection for the server's own statistics (the {@code postgres} database). */
    private Connection serverWide() throws Exception {
        return DriverManager.getConnection(postgres.jdbcUrl("postgres"), LocalPostgres.USER, LocalPostgres.PASSWORD);
    }

    /** The address of a database of the benchmark's own on the same server, created if it does not exist. */
    String database(String name) throws Exception {
        postgres.ensureDatabases(List.of(name));
        return postgres.jdbcUrl(name);
    }

    Connection connect(Service service) throws Exception {
        return DriverManager.getConnection(jdbcUrl(service), LocalPostgres.USER, LocalPostgres.PASSWORD);
    }

    List<ServiceProcess> services() {
        return services;
    }

    /**
     * CPU time so far of each part: the services, PostgreSQL (all its processes, and by part), this JVM (broker and
     * driver); for each JVM also the part its JIT compilers took (key suffix {@value #JIT}).
     */
    Map<String, Duration> cpu() {
        Map<String, Duration> used = new LinkedHashMap<>();
        for (ServiceProcess s : services) {
            used.put(s.name(), s.cpuTime());
            used.put(s.name() + JIT, compilerThreadsCpu(s.pid()));
        }
        used.putAll(postgresCpu());
        used.put("kafka broker", ProcStat.of(kafka.pid()).own());
        used.put("kafka broker" + JIT, compilerThreadsCpu(kafka.pid()));
        used.put("benchmark driver", ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO));
        used.put("benchmark driver" + JIT, compilerThreadsCpu(ProcessHandle.current().pid()));
        return used;
    }

    private static final String JIT = " JIT";
    private static final String POSTGRES_PART = "postgresql: ";

    /**
     * PostgreSQL's CPU in all, and by part: each database's connections (a backend's title names its database), each
     * background process, and the processes that have exited (autovacuum workers: their CPU is added to the
     * postmaster's children time when it reaps them).
     */
    private Map<String, Duration> postgresCpu() {
        String dataDirectory = work.resolve("postgres").toString();
        Map<String, Duration> parts = new java.util.TreeMap<>();
        List<ProcessHandle> postmasters = ProcessHandle.allProcesses()
                .filter(p -> p.info().arguments().map(a -> String.join(" ", a).contains(dataDirectory)).orElse(false)).toList();
        for (ProcessHandle postmaster : postmasters) {
            ProcStat own = ProcStat.of(postmaster.pid());
            parts.merge(POSTGRES_PART + "postmaster", own.own(), Duration::plus);
            parts.merge(POSTGRES_PART + "exited processes", own.reapedChildren(), Duration::plus);
            for (ProcessHandle child : postmaster.children().toList()) {
                parts.merge(POSTGRES_PART + postgresProcessKind(child.pid()), ProcStat.of(child.pid()).own(), Duration::plus);
            }
        }
        Map<String, Duration> used = new LinkedHashMap<>();
        used.put("postgresql", parts.values().stream().reduce(Duration.ZERO, Duration::plus));
        used.putAll(parts);
        return used;
    }

    /** "billing connections" for a backend ("postgres: USER DATABASE HOST(PORT) STATE"), else its kind ("walwriter"). */
    private static String postgresProcessKind(long pid) {
        try {
            String[] title = Files.readString(Path.of("/proc", String.valueOf(pid), "cmdline")).replace('\0', ' ').trim().split("\\s+");
            if (title.length >= 4 && title[3].contains("(")) return title[2] + " connections";
            return title.length >= 2 ? String.join(" ", java.util.Arrays.copyOfRange(title, 1, title.length)) : "other";
        } catch (IOException | RuntimeException e) {
            return "other";
        }
    }

    /** A process's or thread's CPU (Linux: /proc/.../stat, clock ticks of 10 ms): its own and its reaped children's. */
    private record ProcStat(Duration own, Duration reapedChildren) {
        static ProcStat of(long pid) {
            return read(Path.of("/proc", String.valueOf(pid), "stat"));
        }

        static ProcStat read(Path statFile) {
            try {
                String stat = Files.readString(statFile);
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return new ProcStat(ticks(fields[11], fields[12]), ticks(fields[13], fields[14])); // utime + stime, cutime + cstime
            } catch (IOException | RuntimeException e) {
                return new ProcStat(Duration.ZERO, Duration.ZERO); // it ended meanwhile
            }
        }

        private static Duration ticks(String user, String system) {
            return Duration.ofMillis((Long.parseLong(user) + Long.parseLong(system)) * 10);
        }
    }

    /**
     * CPU of a JVM's JIT compiler threads. In a round of a few seconds the compilers are still at work (the broker runs
     * in this JVM); a long-running process would not pay for them.
     */
    private static Duration compilerThreadsCpu(long pid) {
        Duration used = Duration.ZERO;
        try (var tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    if (Files.readString(task.resolve("comm")).matches("(?s)C[12] Compiler.*")) {
                        used = used.plus(ProcStat.read(task.resolve("stat")).own());
                    }
                } catch (IOException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException e) {
            return Duration.ZERO;
        }
        return used;
    }

    /** Prints the CPU each part used between two {@link #cpu()} readings, per unit of work. */
    static void printCpu(Map<String, Duration> before, Map<String, Duration> after, double seconds, long units, String unit) {
        System.out.println("  CPU used during the measured run (2 cores give at most " + String.format("%.1f", 2 * seconds) + " s):");
        after.forEach((name, a) -> {
            long ms = a.toMillis() - before.getOrDefault(name, Duration.ZERO).toMillis();
            if (name.startsWith(POSTGRES_PART) && ms < 100) return; // the idle ones
            String part = name.endsWith(JIT) ? "  of which its JIT compilers"
                    : name.startsWith(POSTGRES_PART) ? "  " + name.substring(POSTGRES_PART.length()) : name;
            System.out.printf("    %-34s %6.1f s = %6.0f us per %s%n", part, ms / 1000.0, ms * 1000.0 / units, unit);
        });
    }

    /**
     * A checkpoint, after which PostgreSQL writes its WAL into the segments written so far, recycled, as a database that
     * has been running does. A new cluster instead creates and zero-fills a 16 MB segment whenever it needs one, and
     * every commit waits for that: 50-80 ms on the reference machine, the p99 outliers of the paced rounds (the slow
     * COMMITs that HOURBILL_PG_SLOW_MS logs coincide with the segments' creation). The first change of each page after
     * it is written whole to the WAL, as after any checkpoint.
     */
    void checkpoint() throws Exception {
        try (Connection c = serverWide()) {
            c.createStatement().execute("checkpoint");
        }
    }

    /**
     * Vacuums and analyzes the services' databases, then checkpoints: the maintenance PostgreSQL's autovacuum does by
     * itself after a month-end run's hundred thousand updated rows, done at once so that it does not fall into the next
     * round (returns the seconds it took).
     */
    double vacuum(List<Service> databases) throws Exception {
        long start = System.nanoTime();
        for (Service service : databases) {
            try (Connection c = connect(service)) {
                c.createStatement().execute("vacuum (analyze)");
            }
        }
        checkpoint();
        return (System.nanoTime() - start) / 1e9;
    }

    /**
     * PostgreSQL's write-ahead log so far (pg_stat_wal, pg_stat_checkpointer): every durable change is written twice, to
     * the WAL and later to its table, and the first change of a page after a checkpoint writes the whole page.
     */
    WalTotals wal() throws Exception {
        try (Connection c = serverWide();
                var rs = c.createStatement().executeQuery("""
                        select w.wal_records, w.wal_fpi, w.wal_bytes, w.wal_buffers_full, c.num_timed + c.num_requested
                        from pg_stat_wal w, pg_stat_checkpointer c""")) {
            rs.next();
            return new WalTotals(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5));
        }
    }

    record WalTotals(long records, long fullPageImages, long bytes, long buffersFull, long checkpoints) {
        /** The WAL written between two readings, per unit of work, as a line to print. */
        String since(WalTotals before, long units, String unit) {
            return String.format("  PostgreSQL WAL: %,.0f bytes, %.2f records and %.3f full-page images per %s; "
                            + "WAL buffers full %,d times, %d checkpoints%n",
                    (bytes - before.bytes) / (double) units, (records - before.records) / (double) units,
                    (fullPageImages - before.fullPageImages) / (double) units, unit, buffersFull - before.buffersFull,
                    checkpoints - before.checkpoints);
        }
    }

    /** Starts counting statement time afresh (with HOURBILL_PG_STATEMENTS=1; otherwise does nothing). */
    void resetStatementProfile() throws Exception {
        if (!LocalPostgres.statementsProfiled()) return;
        try (Connection c = serverWide()) {
            c.createStatement().execute("create extension if not exists pg_stat_statements");
            c.createStatement().execute("select pg_stat_statements_reset()");
        }
    }

    /** The statements that took most of PostgreSQL's time since {@link #resetStatementProfile()}, as lines to print. */
    String statementProfile(int top) throws Exception {
        if (!LocalPostgres.statementsProfiled()) return "";
        StringBuilder lines = new StringBuilder("  PostgreSQL time per statement (pg_stat_statements):\n");
        try (Connection c = serverWide();
                var rs = c.createStatement().executeQuery("""
                        select d.datname, s.calls, s.rows, s.total_exec_time, regexp_replace(s.query, '\\s+', ' ', 'g')
                        from pg_stat_statements s join pg_database d on d.oid = s.dbid
                        order by s.total_exec_time desc limit %d""".formatted(top))) {
            while (rs.next()) {
                String sql = rs.getString(5);
                lines.append(String.format("    %8.0f ms %7d calls %9d rows  %-12s %s%n", rs.getDouble(4), rs.getLong(2), rs.getLong(3),
                        rs.getString(1), sql.length() > 150 ? sql.substring(0, 150) + "..." : sql));
            }
        }
        return lines.toString();
    }

    private static Path gcLog(Path work, String service) {
        return work.resolve("logs").resolve(service + "-gc.log");
    }

    /** Each service's collector pauses between the two instants. */
    void printGcPauses(Instant from, Instant to) {
        for (ServiceProcess s : services) {
            System.out.printf("  GC pauses %-22s %s%n", s.name(), GcPauses.summary(gcLog(work, s.name()), s.started(), from, to));
        }
        System.out.printf("  GC pauses %-22s %s%n", BROKER, GcPauses.summary(gcLog(work, BROKER), kafka.started(), from, to));
    }

    private static final String BROKER = "kafka-broker";

    void printPeakMemory() {
        printPeakMemory(Map.of());
    }

    /** What each service's high-water mark is now, to tell later which phase set it. */
    Map<String, Long> peakMemory() {
        Map<String, Long> peaks = new java.util.HashMap<>();
        for (ServiceProcess s : services) peaks.put(s.name(), s.peakMemoryMiB());
        return peaks;
    }

    /** @param earlier high-water marks taken at the end of earlier phases, printed beside the final one */
    void printPeakMemory(Map<String, Map<String, Long>> earlier) {
        for (ServiceProcess s : services) {
            StringBuilder phases = new StringBuilder();
            earlier.forEach((phase, peaks) -> phases.append(String.format("; %,d after %s", peaks.get(s.name()), phase)));
            System.out.printf("  peak memory %-20s %,d MiB (RSS high-water mark%s)%n", s.name(), s.peakMemoryMiB(), phases);
        }
    }

    static long count(Connection c, String sql) throws Exception {
        try (var rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public void close() {
        // a JVM that trains an AOT cache writes it on its way out: give it the time
        ServiceProcess.stopAll(services, workloadCache == WorkloadCache.TRAIN ? Duration.ofMinutes(5) : Duration.ofSeconds(20));
        if (identityProvider != null) identityProvider.stop();
        if (kafka != null) kafka.stop();
        try {
            postgres.close();
        } catch (Exception e) {
            System.err.println("while stopping: " + e);
        }
    }

    /** Deletes a work folder of an earlier run, if any. */
    static void deleteRecursively(Path dir) throws Exception {
        if (!Files.exists(dir)) return;
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
