package org.hourbill.localstack;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The fault run: the month-end load of {@link MonthEndLoad} through the gateway while {@link FaultInjector} kills
 * service instances, the broker and PostgreSQL and restarts every instance once, all on {@link FaultStack} (two
 * instances of every service); then, after the system settled, {@link Invariants} counts what must be 0 and the run
 * prints what the clients saw and how long each fault stalled the sagas in flight.
 *
 * <p>{@code ./mvnw install -DskipTests -Pfault-run} (see docs/operations.md); a short version runs in the test suite.
 */
public final class FaultRun {

    /**
     * @param clockStart the services' business clock (hourbill.clock.start), null for the wall clock
     * @param aotCache   train and use an AOT cache per application: restarts are faster, the first start slower
     */
    public record Settings(String name, int portBase, int customers, int entriesPerCustomer, int clerks, int kills,
            int brokerCrashes, int postgresCrashes, boolean rollingRestart, long seed, List<String> serviceJvm, Instant clockStart,
            boolean aotCache, int instances) {
    }

    /**
     * What a run found: each invariant's figure, the client requests answered 5xx (or not at all), invoices issued.
     *
     * @param sagasStruck the sagas in flight while a fault lasted, summed over the faults
     */
    public record Report(Map<String, Long> invariants, List<String> serverErrors, int issued, int failedRuns, List<String> faults,
            long sagasStruck) {
        public boolean passed() {
            return invariants.values().stream().allMatch(v -> v == 0) && serverErrors.isEmpty();
        }
    }

    /** Twelve JVMs share two cores here, restarted at any moment: C1 only ({@link ServiceJvm#forManyAtOnce()}). */
    public static final List<String> SERVICE_JVM = ServiceJvm.forManyAtOnce();

    /**
     * Arguments: customers entries-per-customer clerks kills broker-crashes postgres-crashes rolling-restart(true|false)
     * instances-per-service [seed].
     */
    public static void main(String[] args) throws Exception {
        int i = 0;
        Settings settings = new Settings("fault-run", 11_000, arg(args, i++, 2000), arg(args, i++, 5), arg(args, i++, 6),
                arg(args, i++, 30), arg(args, i++, 3), arg(args, i++, 1), args.length <= i++ || Boolean.parseBoolean(args[i - 1]),
                args.length > i + 1 ? Long.parseLong(args[i + 1]) : System.nanoTime(), SERVICE_JVM, null, true, arg(args, i, 2));
        Report report = run(settings);
        System.exit(report.passed() ? 0 : 1);
    }

    private static int arg(String[] args, int i, int otherwise) {
        return args.length > i ? Integer.parseInt(args[i].replace("_", "")) : otherwise;
    }

    public static Report run(Settings s) throws Exception {
        System.out.printf("Fault run: %d instances of each service; %,d customers x %d entries, %d clerks; %d kills, %d broker"
                        + " crashes, %d PostgreSQL crashes, rolling restart %s; seed %d%n", s.instances(), s.customers(),
                s.entriesPerCustomer(), s.clerks(), s.kills(), s.brokerCrashes(), s.postgresCrashes(),
                s.rollingRestart() ? "yes" : "no", s.seed());
        Map<String, String> properties = new LinkedHashMap<>();
        // every instance, and every restart, on one business clock: it read clockStart now
        Instant clockAnchor = Instant.now();
        Duration businessAhead = s.clockStart() == null ? Duration.ZERO : Duration.between(clockAnchor, s.clockStart());
        if (s.clockStart() != null) {
            properties.put("hourbill.clock.start", s.clockStart().toString());
            properties.put("hourbill.clock.started-at", clockAnchor.toString());
        }
        // a participant that has not answered in 10 s is asked again (30 s by default): faults are frequent here
        properties.put("hourbill.invoice-runs.answer-timeout", "PT10S");
        properties.put("hourbill.invoice-runs.max-attempts", "5");
        long started = System.nanoTime();
        try (FaultStack stack = FaultStack.start(s.name(), s.portBase(), s.instances(), s.serviceJvm(), properties, s.aotCache())) {
            // Ctrl-C stops every process the run started
            Thread stopOnExit = new Thread(stack::close);
            Runtime.getRuntime().addShutdownHook(stopOnExit);
            System.out.printf("  stack of %d service instances, broker, PostgreSQL, gateway, provider up in %.0f s%n",
                    stack.instances().size(), (System.nanoTime() - started) / 1e9);
            LocalDate today = s.clockStart() != null ? LocalDate.ofInstant(s.clockStart(), ZoneOffset.UTC)
                    : LocalDate.now(ZoneOffset.UTC);
            Api api = new Api(stack.issuer());
            ClientLog clients = new ClientLog();
            MonthEndLoad load = new MonthEndLoad(api, stack.gatewayUrl(), clients, today, s.seed());
            List<MonthEndLoad.Customer> customers = seed(api, stack, s);
            load.openFrameOrders(customers);

            FaultInjector injector = new FaultInjector(stack, s.seed());
            Instant loadStart = Instant.now();
            long loadStartNanos = System.nanoTime();
            CompletableFuture<Void> work = CompletableFuture.runAsync(() -> {
                try {
                    load.run(customers, s.clerks());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread progress = Thread.ofPlatform().daemon().start(() -> {
                try {
                    while (!work.isDone()) {
                        Thread.sleep(15_000);
                        System.out.printf("  %5.0f s: %,d invoices issued, %d runs failed, %,d requests%n",
                                Duration.between(loadStart, Instant.now()).toMillis() / 1000.0, load.issued.get(),
                                load.failedRuns.get(), clients.requests());
                    }
                } catch (InterruptedException e) {
                    // the run is over
                }
            });
            // a tenth of the month closed undisturbed, for the figures before faults
            while (!work.isDone() && load.issued.get() + load.failedRuns.get() < customers.size() / 10) Thread.sleep(200);
            clients.phase(ClientLog.Phase.DURING_FAULTS);
            injector.run(s.kills(), s.brokerCrashes(), s.postgresCrashes(), s.rollingRestart(),
                    () -> (load.issued.get() + load.failedRuns.get()) / (double) customers.size(), loadStartNanos);
            clients.phase(ClientLog.Phase.AFTER_FAULTS);
            Instant lastFault = Instant.now();
            String loadFailure = null;
            try {
                work.join();
            } catch (Exception e) {
                loadFailure = e.getCause() == null ? e.toString() : e.getCause().toString();
            }
            Instant loadEnd = Instant.now();
            progress.interrupt();
            Invariants invariants = new Invariants(stack);
            Duration settled = invariants.settle(Duration.ofMinutes(3));
            Map<String, Long> figures = invariants.count();
            List<String> serverErrors = new ArrayList<>(clients.serverErrors().stream()
                    .map(c -> c.phase().name().toLowerCase() + " " + c.what() + " -> " + (c.status() == 0 ? "no answer" : c.status())
                            + ": " + c.detail()).toList());
            if (loadFailure != null) serverErrors.add("the load stopped: " + loadFailure);

            System.out.println();
            System.out.printf("Fault run (%d cores): %,d invoices issued, %d runs failed (%s), %d voided, %d paid; load %.0f s,"
                            + " settled %.0f s after the last fault and the load%n", Runtime.getRuntime().availableProcessors(),
                    load.issued.get(), load.failedRuns.get(), summary(load.failureReasons), load.voided.get(), load.paid.get(),
                    Duration.between(loadStart, loadEnd).toMillis() / 1000.0, settled.toMillis() / 1000.0);
            System.out.println("Invariants (each must be 0)");
            figures.forEach((what, n) -> System.out.printf("  %-60s %,d%n", what, n));
            System.out.printf("  %-60s %,d%n", "client requests answered 5xx or not at all", serverErrors.size());
            serverErrors.stream().limit(20).forEach(e -> System.out.println("    " + e));
            System.out.println("What the clients saw");
            clients.print();
            clients.printByKind();
            System.out.println("Faults, and how long the sagas in flight took to end after each");
            List<FaultInjector.Fault> faults = injector.faults().stream().map(f -> f.onBusinessClock(businessAhead)).toList();
            List<Invariants.Stall> stalls = invariants.stalls(faults);
            stalls.forEach(stall -> System.out.println("  " + stall.line()));
            System.out.println("  saga latency of runs no fault struck: " + invariants.undisturbedSagaLatency(faults));
            List<Duration> ready = new ArrayList<>(injector.readyAfterKill());
            ready.sort(null);
            if (!ready.isEmpty()) {
                System.out.printf("  a killed instance was ready again %.1f-%.1f s after its restart (median %.1f s)%n",
                        ready.getFirst().toMillis() / 1000.0, ready.getLast().toMillis() / 1000.0, ready.get(ready.size() / 2).toMillis() / 1000.0);
            }
            System.out.printf("  last fault at %s, %.0f s before the load ended%n", lastFault,
                    Duration.between(lastFault, loadEnd).toMillis() / 1000.0);
            printShares(stack);
            Report report = new Report(figures, serverErrors, load.issued.get(), load.failedRuns.get(),
                    stalls.stream().map(Invariants.Stall::line).toList(), stalls.stream().mapToLong(Invariants.Stall::sagasInFlight).sum());
            System.out.println(report.passed() ? "PASSED: every invariant 0" : "FAILED");
            return report;
        }
    }

    /** Customers with their submitted entries, known to billing and frame-order-service. */
    private static List<MonthEndLoad.Customer> seed(Api api, FaultStack stack, Settings s) throws Exception {
        SubmittedEntries seeded = SubmittedEntries.create(api, stack.gatewayUrl() + "/api/timesheet", stack.jdbcUrl(Service.TIMESHEET),
                s.customers(), s.customers() * s.entriesPerCustomer());
        List<List<String>> entries = new ArrayList<>();
        for (int c = 0; c < s.customers(); c++) entries.add(new ArrayList<>());
        for (int e = 0; e < seeded.entryIds().size(); e++) entries.get(e % s.customers()).add(seeded.entryIds().get(e));
        List<MonthEndLoad.Customer> customers = new ArrayList<>();
        for (int c = 0; c < s.customers(); c++) customers.add(new MonthEndLoad.Customer(seeded.customerIds().get(c), entries.get(c)));
        for (var known : Map.of(Service.BILLING, "billing_customer", Service.FRAME_ORDER, "customer").entrySet()) {
            Service service = known.getKey();
            try (Connection db = stack.connect(service)) {
                long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
                while (BenchmarkStack.count(db, "select count(*) from " + known.getValue()) < s.customers()) {
                    if (System.nanoTime() > deadline) throw new IllegalStateException(service + " never heard of every customer");
                    Thread.sleep(200);
                }
            }
        }
        return customers;
    }

    private static String summary(List<String> reasons) {
        if (reasons.isEmpty()) return "none";
        Map<String, Long> byReason = new LinkedHashMap<>();
        reasons.forEach(r -> byReason.merge(r, 1L, Long::sum));
        return byReason.toString();
    }

    /** Each instance's share of the work: requests it answered and records it consumed (its Prometheus counters). */
    private static void printShares(FaultStack stack) {
        System.out.println("Work shared between the instances (since each one's last start)");
        for (FaultStack.Instance instance : stack.instances()) {
            System.out.printf("  %-24s %s%n", instance.name, Shares.of(instance.process.managementUrl()));
        }
    }
}
