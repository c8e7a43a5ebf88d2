package org.hourbill.localstack;

import java.sql.Connection;
import java.util.List;
import java.util.Map;

/**
 * How many events per second one service's outbox relay publishes at most: one instance publishes at a time (the
 * advisory lock), so this is a ceiling of every service, however many instances run. N events of a typical size (a
 * payment, 400 bytes) are written into payment-service's outbox at once, to a topic nobody consumes, and the relay's
 * time to empty it is measured. {@code ./mvnw install -DskipTests -Prelay-ceiling}.
 */
public final class RelayCeilingBenchmark {

    /** Arguments: events [rounds]. */
    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        // the relay's ceiling, with the fault run's C1-only JVMs: no month-end training (its caches fit other options)
        try (BenchmarkStack stack = BenchmarkStack.start(List.of(Service.PAYMENT), FaultRun.SERVICE_JVM, Map.of(),
                BenchmarkStack.WorkloadCache.NONE);
             Connection payment = stack.connect(Service.PAYMENT)) {
            System.out.printf("Outbox relay ceiling: %,d events per round into payment-service's outbox (%s)%n", events,
                    String.join(" ", FaultRun.SERVICE_JVM));
            for (int round = 1; round <= rounds + 1; round++) {
                payment.createStatement().execute("""
                        insert into outbox_event (id, aggregatetype, aggregateid, type, topic, subject, source, correlation_id, payload, timestamp)
                        select gen_random_uuid(), 'payment', md5(g::text), 'RelayCeilingProbe.v1', 'relay-ceiling-probe', 'probe/' || g,
                               'relay-ceiling-benchmark', 'relay-ceiling', json_build_object('paymentId', gen_random_uuid(),
                               'invoiceId', gen_random_uuid(), 'customerId', gen_random_uuid(), 'amount', 1234.56, 'currency', 'EUR',
                               'paidOn', '2026-11-20', 'mode', 'TRANSFER', 'reference', 'probe ' || g, 'applied', 1234.56,
                               'excess', 0, 'fee', 0)::text, now()
                        from generate_series(1, %d) g""".formatted(events));
                long start = System.nanoTime();
                while (BenchmarkStack.count(payment, "select count(*) from outbox_event") > 0) Thread.sleep(20);
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("  %s %,d events in %.2f s = %,.0f events/s%n", round == 1 ? "warm-up" : "round " + (round - 1),
                        events, seconds, events / seconds);
            }
        }
        System.exit(0);
    }
}
