package org.hourbill.localstack;

import java.sql.Connection;
import java.sql.Timestamp;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Month-end close through the real Generate & Issue saga: customers with M approved entries and a frame order each,
 * billed in a billing run (one request to prepare every bill, one to start) and through the wizard (a client starts
 * a review, picks the customer's frame order and generates the invoice: three API calls); the saga draws the frame
 * order down, issues the invoice and locks the entries, across the five services.
 *
 * <p>Rounds: a warm-up (N/8 through the wizard, then N in a billing run: after N/4 the JIT compilers still took 40-50 %
 * of the services' CPU in the measured run, after N/2 25-30 %; a month-end runs on services compiled for days); the billing run of N customers
 * (prepared, then timed from its start to the last invoice issued and its entries locked); the wizard saturated (N/5
 * customers, C clients at once) and paced at half that rate (N/4) for its latency below saturation, each after N/8 of the
 * same load unmeasured and the databases vacuumed as autovacuum would after the run; and the
 * baseline: the same database work as one local transaction per invoice, 8 threads, on the same PostgreSQL. Saga
 * latency is measured by billing itself: from the generation request to the run's last step (entries locked).
 * Afterwards the invariants are checked in the services' databases: no entry billed twice, no frame order overdrawn
 * or out of step with its draw-downs, invoice numbers exactly 1..n in issue order.
 */
public final class MonthEndCloseBenchmark {
    /** The seed's entries fill October's working days and then November's (SubmittedEntries): every bill takes both. */
    private static final String PERIOD_TO = "2026-11-30";
    private static int entriesPerCustomer = 50;
    private static int clients = 8;

    /**
     * Arguments: customers of the billing run [entries per customer [clients ["service JVM options"]]]; the JVM options
     * default to those of infra/service-jvm.options, as every service runs.
     */
    public static void main(String[] args) throws Exception {
        int customers = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 1000;
        if (args.length > 1) entriesPerCustomer = Integer.parseInt(args[1]);
        if (args.length > 2) clients = Integer.parseInt(args[2]);
        List<String> jvm = args.length > 3 && !args[3].isBlank() ? List.of(args[3].trim().split("\\s+")) : ServiceJvm.options();
        int wizardWarmUp = Math.max(20, customers / 8); // the warm-up: through the wizard,
        int runWarmUp = Math.max(40, customers);        // then in a billing run as large as the measured one
        int wizard = Math.max(20, customers / 5);       // the wizard saturated, for its rate
        int paced = Math.max(10, customers / 4);        // the wizard at half that rate, for its latency (p99: 3rd slowest)
        // each wizard round is preceded by the same load unmeasured: after a phase of other work the JIT deoptimizes and
        // recompiles for the new load (frame-order- and billing-service: 40 C2 compilations of 0.1-1 s in the paced round)
        int again = Math.max(10, customers / 8);
        int pacedAgain = Math.max(10, customers / 4);  // the paced load longer: its profile differs most from a run's
        int all = wizardWarmUp + runWarmUp + customers + again + wizard + pacedAgain + paced;
        try (BenchmarkStack stack = BenchmarkStack.start(List.of(Service.values()), jvm, PROPERTIES);
             Connection billing = stack.connect(Service.BILLING);
             Connection invoices = stack.connect(Service.INVOICE);
             Connection frameOrders = stack.connect(Service.FRAME_ORDER);
             Connection timesheets = stack.connect(Service.TIMESHEET)) {
            Api api = new Api(BenchmarkStack.issuer());
            List<Customer> ready = seedCustomers(api, stack, billing, frameOrders, all);

            // which phase sets each service's memory peak: seeding (147,500 entries approved 10,000 at a time), the runs, the wizard
            Map<String, Map<String, Long>> peaks = new java.util.LinkedHashMap<>();
            peaks.put("seeding", stack.peakMemory());
            Slices next = new Slices(ready);
            Round warmWizard = close(api, stack, billing, next.take(wizardWarmUp), 0);
            RunRound warmRun = billingRun(api, stack, billing, next.take(runWarmUp), () -> { });
            System.out.printf("warm-up: %d invoices through the wizard at %.0f invoices/s, %d in a billing run at %.0f invoices/s%n",
                    wizardWarmUp, warmWizard.invoicesPerSecond(), runWarmUp, warmRun.invoicesPerSecond());
            // what the run costs is measured from its start: preparing it (previewing every bill) is printed on its own
            Measured measured = new Measured(stack);
            RunRound run = billingRun(api, stack, billing, next.take(customers), measured::start);
            Instant runStart = measured.startedAt;
            var walBefore = measured.wal;
            var cpuBefore = measured.cpu;
            var cpuAfter = stack.cpu();
            String profiled = measured.profile == null ? "" : measured.profile.stopAndReport();
            var walAfter = stack.wal();
            // the PDFs' fingerprints are taken behind the issuing: the wizard is measured once they are all taken
            double fingerprinted = secondsUntilZero(invoices, """
                    select count(*) from invoice i where not exists (select 1 from document_fingerprint f where f.document_id = i.id)""");
            peaks.put("the billing runs", stack.peakMemory());
            String statements = stack.statementProfile(20);
            double vacuumed = stack.vacuum(List.of(Service.values()));
            Instant wizardStart = Instant.now();
            stack.resetStatementProfile();
            ServiceProfile wizardProfile = ServiceProfile.wizardWanted()
                    ? ServiceProfile.start(stack.services(), Path.of("target", "benchmark", "jfr")) : null;
            close(api, stack, billing, next.take(again), 0);
            var wizardCpuBefore = stack.cpu();
            Round saturated = close(api, stack, billing, next.take(wizard), 0);
            var wizardCpuAfter = stack.cpu();
            close(api, stack, billing, next.take(pacedAgain), saturated.invoicesPerSecond() / 2);
            var pacedCpuBefore = stack.cpu();
            String hiccups;
            Round half;
            try (Hiccups probe = Hiccups.start()) {
                half = close(api, stack, billing, next.take(paced), saturated.invoicesPerSecond() / 2);
                hiccups = probe.stopAndReport();
            }
            var pacedCpuAfter = stack.cpu();
            String wizardProfiled = wizardProfile == null ? "" : wizardProfile.stopAndReport();
            String wizardStatements = stack.statementProfile(25);
            Instant wizardEnd = Instant.now();
            System.out.printf("Baseline: the same database work for %,d invoices as one local transaction each, %d threads...%n",
                    customers, BASELINE_THREADS);
            var baseline = LocalTransactionBaseline.run(stack.database("baseline"), customers, entriesPerCustomer, BASELINE_THREADS);

            System.out.println();
            System.out.println("Month-end close benchmark (" + Runtime.getRuntime().availableProcessors() + " cores, "
                    + entriesPerCustomer + " entries per invoice)");
            System.out.println("  service JVMs: " + String.join(" ", jvm));
            run.print();
            System.out.printf("  %-30s every PDF fingerprinted %.1f s after the run's last invoice%n", "", fingerprinted);
            System.out.printf("  %-30s then the databases vacuumed in %.1f s (what autovacuum would do in the wizard rounds)%n", "", vacuumed);
            System.out.printf("  %-30s %,d invoices in %.2f s = %,.0f invoices/s, %,.0f entries billed/s%n", "2. baseline (1 local tx each)",
                    baseline.invoices(), baseline.seconds(), baseline.invoicesPerSecond(), baseline.invoicesPerSecond() * entriesPerCustomer);
            System.out.printf("  %-30s %.3f (target >= 0.5, resolved at >= 0.25)%n", "3. billing run / baseline",
                    run.invoicesPerSecond() / baseline.invoicesPerSecond());
            saturated.print("4. wizard saturated, " + clients + " clients");
            half.print("4. wizard at 1/2 that rate");
            System.out.println("5. Resources");
            stack.printPeakMemory(peaks);
            System.out.println("Collector pauses in the billing run");
            stack.printGcPauses(runStart, wizardStart);
            System.out.println("Collector pauses in the wizard rounds");
            stack.printGcPauses(wizardStart, wizardEnd);
            BenchmarkStack.printCpu(cpuBefore, cpuAfter, run.seconds(), run.issued(), "invoice");
            System.out.print(walAfter.since(walBefore, run.issued(), "invoice"));
            System.out.print(statements);
            System.out.print(profiled);
            System.out.println("  CPU of the saturated wizard round (three requests and a saga per invoice):");
            BenchmarkStack.printCpu(wizardCpuBefore, wizardCpuAfter, saturated.seconds(), saturated.runs() - saturated.failed(), "invoice");
            // below saturation: what the JIT compilers still take where the latency is measured
            System.out.println("  CPU of the wizard round at half that rate:");
            BenchmarkStack.printCpu(pacedCpuBefore, pacedCpuAfter, half.seconds(), half.runs() - half.failed(), "invoice");
            System.out.print(wizardProfiled);
            if (!wizardStatements.isEmpty()) System.out.print("  In the wizard rounds:\n" + wizardStatements);
            System.out.println("The machine's stalls in the paced round (a thread of its own that waits 1 ms at a time):");
            System.out.print(hiccups);
            System.out.println("Where the slowest wizard sagas below saturation spent their time (ms after the generation request)");
            var sagaDatabases = Map.of(Service.BILLING, billing, Service.FRAME_ORDER, frameOrders, Service.INVOICE, invoices,
                    Service.TIMESHEET, timesheets);
            SagaTimelines.print(stack.bootstrapServers(), sagaDatabases, half.slowest());
            System.out.println("Where the time of every wizard saga below saturation went, hop by hop");
            SagaTimelines.printHops(stack.bootstrapServers(), sagaDatabases, half.all());
            System.out.println("Invariants");
            long notIssued = failed(billing) + BenchmarkStack.count(billing,
                    "select count(*) from billing_run_customer where held_reason is not null or launch_failure is not null");
            // a line lists the entries it bills (an hourly line one, an activity line several)
            String billedEntries = "select e from invoice_line l join invoice i on i.id = l.invoice_id, unnest(l.entry_ids) e where i.series = 'INV'";
            long billedInInvoices = BenchmarkStack.count(invoices, "select count(*) from (" + billedEntries + ") billed");
            check("1 no entry billed twice", BenchmarkStack.count(invoices,
                    "select count(*) from (" + billedEntries + " group by e having count(*) > 1) twice") == 0
                    && billedInInvoices == (all - notIssued) * entriesPerCustomer
                    && billedInInvoices == BenchmarkStack.count(billing, "select count(*) from unbilled_entry where state = 'BILLED'")
                    && billedInInvoices == BenchmarkStack.count(timesheets, "select count(*) from time_entry where status = 'BILLED'"));
            check("2 no frame order overdrawn, each equal to its draw-downs", BenchmarkStack.count(frameOrders, """
                    select count(*) from frame_order f where billed_hours > total_hours or billed_hours <> (select coalesce(sum(hours), 0)
                      from draw_down d where d.frame_order_id = f.id and d.status = 'DRAWN')""") == 0);
            long issued = BenchmarkStack.count(invoices, "select count(*) from invoice where series = 'INV'");
            check("3 invoice numbers exactly 1.." + issued + " in issue order", BenchmarkStack.count(invoices, """
                    select count(*) from (select number, row_number() over (order by issued_at, number) as n from invoice
                      where series = 'INV') numbered where cast(split_part(number, '-', 3) as int) <> n""") == 0
                    && issued == all - notIssued);
        }
        System.exit(0);
    }

    private static final int BASELINE_THREADS = 8;

    /** Billing asks the benchmark's frame-order-service, on its port, whether a frame order fits. */
    static final Map<Service, Map<String, String>> PROPERTIES = Map.of(Service.BILLING,
            Map.of("hourbill.instances.frame-order-service", "http://localhost:" + BenchmarkStack.port(Service.FRAME_ORDER)));

    /**
     * Customers with {@link #entriesPerCustomer} approved entries and a frame order each; the entries are approved 10,000
     * at a time, as a month-end's bulk approval, and the customers returned once all are in billing's pool.
     */
    static List<Customer> seedCustomers(Api api, BenchmarkStack stack, Connection billing, Connection frameOrders, int customers)
            throws Exception {
        System.out.printf("Seeding %,d customers with %d approved entries each, and a frame order each...%n", customers, entriesPerCustomer);
        long inPool = BenchmarkStack.count(billing, "select count(*) from unbilled_entry");
        long known = BenchmarkStack.count(frameOrders, "select count(*) from customer");
        SubmittedEntries seed = SubmittedEntries.create(api, stack.url(Service.TIMESHEET), stack.jdbcUrl(Service.TIMESHEET), customers,
                customers * entriesPerCustomer);
        approveAll(api, stack.url(Service.TIMESHEET), seed.entryIds());
        await(billing, "select count(*) from unbilled_entry", inPool + seed.entryIds().size());
        await(frameOrders, "select count(*) from customer", known + customers);
        return Api.each(customers, i -> {
            String customer = seed.customerIds().get(i);
            String frameOrder = api.post(stack.url(Service.FRAME_ORDER) + "/frame-orders", Map.of("customerId", customer,
                    "poNumber", "PO-" + customer.substring(0, 8), "totalHours", entriesPerCustomer * 2,
                    "validFrom", "2026-01-01", "validTo", "2027-12-31")).get("id").asString();
            return new Customer(customer, frameOrder);
        });
    }

    /** What is read when the measured billing run starts (after it was prepared): CPU, WAL, and the profile started. */
    private static final class Measured {
        private final BenchmarkStack stack;
        Instant startedAt;
        Map<String, Duration> cpu;
        BenchmarkStack.WalTotals wal;
        ServiceProfile profile;

        Measured(BenchmarkStack stack) {
            this.stack = stack;
        }

        void start() throws Exception {
            stack.checkpoint();
            stack.resetStatementProfile();
            wal = stack.wal();
            cpu = stack.cpu();
            startedAt = Instant.now();
            // HOURBILL_PROFILE=1: a JFR profile of every service over the billing run
            profile = ServiceProfile.wanted() && !ServiceProfile.wizardWanted() ? ServiceProfile.start(stack.services(), Path.of("target", "benchmark", "jfr")) : null;
        }
    }

    interface AtStart {
        void run() throws Exception;
    }

    /** A billing run's figures: preparing it, then from its start to the last invoice issued and its entries locked. */
    record RunRound(int customers, int issued, int failed, int held, double prepareSeconds, double seconds) {
        double invoicesPerSecond() {
            return issued / seconds;
        }

        void print() {
            System.out.printf("  %-30s %,d invoices in %.2f s = %,.0f invoices/s, %,.0f entries billed/s, %d failed, %d held%n",
                    "1. billing run", issued, seconds, invoicesPerSecond(), invoicesPerSecond() * entriesPerCustomer, failed, held);
            System.out.printf("  %-30s prepared (every bill previewed) in %.2f s = %,.0f customers/s%n", "", prepareSeconds,
                    customers / prepareSeconds);
        }
    }

    /** Prepares a billing run of the customers, starts it, and waits until every invoice is issued and its entries locked. */
    static RunRound billingRun(Api api, BenchmarkStack stack, Connection billing, List<Customer> customers, AtStart atStart)
            throws Exception {
        String url = stack.url(Service.BILLING);
        long t0 = System.nanoTime();
        var draft = api.post(url + "/billing-runs", Map.of("periodFrom", "2026-10-01", "periodTo", PERIOD_TO,
                "customerIds", customers.stream().map(Customer::id).toList()));
        double prepared = (System.nanoTime() - t0) / 1e9;
        String id = draft.get("id").asString();
        int included = draft.get("progress").get("included").asInt();
        int held = draft.get("progress").get("held").asInt();
        atStart.run();
        Instant start = Instant.now();
        api.post(url + "/billing-runs/" + id + "/start", Map.of());
        Instant deadline = start.plus(Duration.ofMinutes(30));
        try (var done = billing.prepareStatement("""
                select count(*) filter (where r.finished_at is not null or c.launch_failure is not null),
                       count(*) filter (where r.step = 'FAILED' or c.launch_failure is not null), max(r.finished_at)
                from billing_run_customer c left join invoice_run r on r.id = c.invoice_run_id
                where c.run_id = ?::uuid and c.held_reason is null""")) {
            done.setString(1, id);
            while (true) {
                try (var rs = done.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) >= included) {
                        Instant last = rs.getTimestamp(3) == null ? Instant.now() : rs.getTimestamp(3).toInstant();
                        int failed = rs.getInt(2);
                        return new RunRound(customers.size(), included - failed, failed, held, prepared,
                                Duration.between(start, last).toMillis() / 1000.0);
                    }
                }
                if (Instant.now().isAfter(deadline)) throw new IllegalStateException("billing run " + id + " did not finish");
                // the end is billing's own timestamp (the last run's finished_at), so polling more often adds no precision:
                // every 50 ms this count cost billing's database 1 ms of CPU per invoice (3 ms a call, 17 calls a second)
                Thread.sleep(500);
            }
        }
    }

    record Customer(String id, String frameOrderId) {
    }

    /** The seeded customers, handed out to the rounds in turn: each customer is billed once. */
    static final class Slices {
        private final List<Customer> customers;
        private int taken;

        Slices(List<Customer> customers) {
            this.customers = customers;
        }

        List<Customer> take(int n) {
            taken += n;
            return customers.subList(taken - n, taken);
        }
    }

    /** @param all every saga of the round, for where their time goes hop by hop */
    record Round(int runs, int failed, double seconds, List<Long> latenciesMs, List<SagaTimelines.SlowRun> slowest,
            List<SagaTimelines.SlowRun> all) {
        double invoicesPerSecond() {
            return (runs - failed) / seconds;
        }

        void print(String name) {
            System.out.printf("  %-30s %,d invoices in %.2f s = %,.0f invoices/s, %,.0f entries billed/s, %d failed%n", name,
                    runs - failed, seconds, invoicesPerSecond(), invoicesPerSecond() * entriesPerCustomer, failed);
            System.out.printf("  %-30s saga latency p50 %d ms, p99 %d ms, max %d ms%n", "", percentile(50), percentile(99),
                    latenciesMs.getLast());
        }

        long percentile(int p) {
            return latenciesMs.get(Math.min(latenciesMs.size() - 1, (int) Math.ceil(p / 100.0 * latenciesMs.size()) - 1));
        }
    }

    /** Closes the customers' month with {@link #clients} clients; {@code rate} > 0 paces the generations (per second). */
    static Round close(Api api, BenchmarkStack stack, Connection billing, List<Customer> customers, double rate)
            throws Exception {
        String url = stack.url(Service.BILLING);
        Instant start = Instant.now();
        long nanosBetween = rate > 0 ? (long) (1_000_000_000L / rate) : 0;
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            List<Future<?>> sent = new ArrayList<>();
            long t0 = System.nanoTime();
            for (int i = 0; i < customers.size(); i++) {
                Customer c = customers.get(i);
                long due = t0 + i * nanosBetween;
                sent.add(pool.submit(() -> {
                    long wait = due - System.nanoTime();
                    if (wait > 0) TimeUnit.NANOSECONDS.sleep(wait);
                    String review = api.post(url + "/reviews", Map.of("customerId", c.id())).get("id").asString();
                    api.put(url + "/reviews/" + review + "/options", Map.of("periodFrom", "2026-10-01", "periodTo", PERIOD_TO,
                            "paymentTermsDays", 30, "frameOrderId", c.frameOrderId()));
                    // its own correlation id, carried by every event of the run, for the timelines of the slowest
                    return api.post(url + "/reviews/" + review + "/generation", Map.of(), "X-Correlation-Id", "close-" + review);
                }));
            }
            for (Future<?> f : sent) f.get();
        }
        Timestamp since = Timestamp.from(start);
        Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
        try (var finished = billing.prepareStatement(
                "select count(*) from invoice_run where started_at >= ? and finished_at is not null")) {
            finished.setTimestamp(1, since);
            while (true) {
                try (var rs = finished.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) >= customers.size()) break;
                }
                if (Instant.now().isAfter(deadline)) throw new IllegalStateException("invoice runs did not finish");
                Thread.sleep(50);
            }
        }
        List<Long> latencies = new ArrayList<>();
        List<SagaTimelines.SlowRun> all = new ArrayList<>();
        Instant last = start;
        int failed = 0;
        try (var runs = billing.prepareStatement("select started_at, finished_at, step, review_id from invoice_run where started_at >= ?")) {
            runs.setTimestamp(1, since);
            var rs = runs.executeQuery();
            while (rs.next()) {
                Instant s = rs.getTimestamp(1).toInstant(), f = rs.getTimestamp(2).toInstant();
                latencies.add(Duration.between(s, f).toMillis());
                all.add(new SagaTimelines.SlowRun("", "close-" + rs.getString(4), s, f));
                if (f.isAfter(last)) last = f;
                if (rs.getString(3).equals("FAILED")) failed++;
            }
        }
        Collections.sort(latencies);
        List<SagaTimelines.SlowRun> slowest = new ArrayList<>();
        try (var runs = billing.prepareStatement("""
                select review_id, started_at, finished_at from invoice_run where started_at >= ?
                order by finished_at - started_at desc limit 2""")) {
            runs.setTimestamp(1, since);
            var rs = runs.executeQuery();
            while (rs.next()) {
                slowest.add(new SagaTimelines.SlowRun(rate > 0 ? "paced at %.1f/s".formatted(rate) : "saturated",
                        "close-" + rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant()));
            }
        }
        return new Round(customers.size(), failed, Duration.between(start, last).toMillis() / 1000.0, latencies, slowest, all);
    }

    private static long failed(Connection billing) throws Exception {
        return BenchmarkStack.count(billing, "select count(*) from invoice_run where step = 'FAILED'");
    }

    private static void approveAll(Api api, String timesheet, List<String> ids) throws Exception {
        for (int from = 0; from < ids.size(); from += 10_000) {
            api.post(timesheet + "/time-entries/approvals", Map.of("entryIds", ids.subList(from, Math.min(ids.size(), from + 10_000))));
        }
    }

    private static void await(Connection c, String countSql, long expected) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
        while (BenchmarkStack.count(c, countSql) < expected) {
            if (Instant.now().isAfter(deadline)) throw new IllegalStateException("never reached " + expected + ": " + countSql);
            Thread.sleep(50);
        }
    }

    private static double secondsUntilZero(Connection c, String countSql) throws Exception {
        long start = System.nanoTime();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
        while (BenchmarkStack.count(c, countSql) > 0) {
            if (Instant.now().isAfter(deadline)) throw new IllegalStateException("still not zero: " + countSql);
            Thread.sleep(100);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static void check(String invariant, boolean holds) {
        System.out.printf("  %-60s %s%n", invariant, holds ? "holds" : "BROKEN");
        if (!holds) throw new IllegalStateException("invariant " + invariant + " is broken");
    }
}
