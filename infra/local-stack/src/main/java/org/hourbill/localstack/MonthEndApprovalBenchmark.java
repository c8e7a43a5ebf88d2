package org.hourbill.localstack;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Month-end approval, end to end: bulk-approve N submitted entries over timesheet's HTTP API and measure until
 * all N are in billing's unbilled pool (outbox, relay, Kafka, billing's idempotent consumer, batched inserts).
 *
 * <p>Real servers only ({@link BenchmarkStack}), both services as separate JVMs. Seeding is not measured
 * ({@link SubmittedEntries}). A warm-up round runs first so the figures are not those of a cold JIT: 10 % of N by
 * default. Its size is the fifth argument, in percent of N: with 10 % the JIT compilers are still at work in the
 * measured round (the benchmark prints their CPU); a larger warm-up shows the rate of a service that has run a while.
 */
public final class MonthEndApprovalBenchmark {
    private static final int CUSTOMERS = 10;
    // Set once from the arguments, before anything runs.
    private static int requestSize = 10_000;
    private static int concurrentRequests = 2;
    private static List<String> serviceJvm = ServiceJvm.options();

    /**
     * Arguments: entries [request size [concurrent requests ["service JVM options" [warm-up in % of entries [rounds]]]]].
     * Each of the measured rounds approves that many entries more, in the same services, one after the other.
     */
    public static void main(String[] args) throws Exception {
        int entries = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 100_000;
        if (args.length > 1) requestSize = Integer.parseInt(args[1].replace("_", ""));
        if (args.length > 2) concurrentRequests = Integer.parseInt(args[2]);
        if (args.length > 3 && !args[3].isBlank()) serviceJvm = List.of(args[3].trim().split("\\s+"));
        int warmUpPercent = args.length > 4 ? Integer.parseInt(args[4]) : 10;
        int warmUp = Math.max(1_000, (int) ((long) entries * warmUpPercent / 100));
        int rounds = args.length > 5 ? Integer.parseInt(args[5]) : 1;
        try (BenchmarkStack stack = BenchmarkStack.start(List.of(Service.TIMESHEET, Service.BILLING), serviceJvm, Map.of())) {
            String timesheet = stack.url(Service.TIMESHEET);
            System.out.printf("Seeding %,d x %d + %,d warm-up submitted entries...%n", entries, rounds, warmUp);
            SubmittedEntries seed = SubmittedEntries.create(new Api(BenchmarkStack.issuer()), timesheet, stack.jdbcUrl(Service.TIMESHEET), CUSTOMERS,
                    entries * rounds + warmUp);
            try (Connection billing = stack.connect(Service.BILLING)) {
                for (int i = 0; i < 600 && BenchmarkStack.count(billing, "select count(*) from billing_customer") < CUSTOMERS; i++) {
                    Thread.sleep(100);
                }
                Round warm = approveAndWait(timesheet, billing, seed.entryIds().subList(0, warmUp), 0);
                System.out.printf("warm-up: %,d entries in %.2f s%n", warmUp, warm.endToEnd().toMillis() / 1000.0);
                for (int r = 0; r < rounds; r++) {
                    if (r == rounds - 1) stack.resetStatementProfile();
                    int from = warmUp + r * entries;
                    var walBefore = stack.wal();
                    var cpuBefore = stack.cpu();
                    Round round = approveAndWait(timesheet, billing, seed.entryIds().subList(from, from + entries), from);
                    var cpuAfter = stack.cpu();
                    var walAfter = stack.wal();

                    double seconds = round.endToEnd().toMillis() / 1000.0;
                    printRound(round, entries, rounds > 1 ? ", round " + (r + 1) + " of " + rounds : "");
                    if (r == rounds - 1) stack.printPeakMemory();
                    BenchmarkStack.printCpu(cpuBefore, cpuAfter, seconds, entries, "entry");
                    System.out.print(walAfter.since(walBefore, entries, "entry"));
                }
                System.out.print(stack.statementProfile(15));
            }
        }
        System.exit(0);
    }

    record Round(Duration apiDone, Duration endToEnd) {
    }

    private static void printRound(Round round, int entries, String which) {
        double seconds = round.endToEnd().toMillis() / 1000.0;
        System.out.println();
        System.out.println("Month-end approval benchmark (" + Runtime.getRuntime().availableProcessors() + " cores)" + which);
        System.out.printf("  entries approved            %,d (%d requests of %,d, %d at a time)%n", entries,
                (entries + requestSize - 1) / requestSize, requestSize, concurrentRequests);
        System.out.printf("  approval API done after     %.2f s%n", round.apiDone().toMillis() / 1000.0);
        System.out.printf("  all in billing's pool after %.2f s%n", seconds);
        System.out.printf("  end-to-end throughput       %,.0f entries/s%n", entries / seconds);
    }

    static Round approveAndWait(String timesheet, Connection billing, List<String> ids, int alreadyInPool) throws Exception {
        Api api = new Api(BenchmarkStack.issuer());
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
        while (BenchmarkStack.count(billing, "select count(*) from unbilled_entry") < expected) {
            if (Duration.ofNanos(System.nanoTime() - start).toMinutes() > 10) throw new IllegalStateException("pool never filled");
            Thread.sleep(100); // count(*) is not free: polling faster would steal CPU from what is measured
        }
        return new Round(apiDone, Duration.ofNanos(System.nanoTime() - start));
    }
}
