package org.hourbill.localstack;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * What the clients of a fault run saw: every request with its answer's status (or the I/O failure) and latency, in the
 * phase of the run it was sent in.
 */
final class ClientLog {
    enum Phase { BEFORE_FAULTS, DURING_FAULTS, AFTER_FAULTS }

    record Call(Phase phase, String what, int status, long millis, String detail) {
    }

    private final ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();
    private volatile Phase phase = Phase.BEFORE_FAULTS;

    void phase(Phase phase) {
        this.phase = phase;
    }

    /** @param status the HTTP status, or 0 when no answer came (connection or timeout) */
    void record(String what, int status, long millis, String detail) {
        calls.add(new Call(phase, what, status, millis, detail));
    }

    List<Call> serverErrors() {
        return calls.stream().filter(c -> c.status() >= 500 || c.status() == 0).toList();
    }

    long requests() {
        return calls.size();
    }

    void print() {
        System.out.printf("  %,d requests through the gateway%n", calls.size());
        Map<Integer, Long> byStatus = new TreeMap<>();
        calls.forEach(c -> byStatus.merge(c.status(), 1L, Long::sum));
        System.out.println("  answers by status: " + byStatus + " (0: no answer)");
        for (Phase p : Phase.values()) {
            List<Long> millis = new ArrayList<>(calls.stream().filter(c -> c.phase() == p).map(Call::millis).toList());
            if (millis.isEmpty()) continue;
            Collections.sort(millis);
            System.out.printf("  %-14s %,7d requests, latency p50 %,5d ms, p99 %,6d ms, max %,6d ms%n", p.name().toLowerCase().replace('_', ' '),
                    millis.size(), percentile(millis, 50), percentile(millis, 99), millis.getLast());
        }
    }

    /** Latency per kind of request, over the whole run. */
    void printByKind() {
        Map<String, List<Long>> byWhat = new TreeMap<>();
        calls.forEach(c -> byWhat.computeIfAbsent(c.what(), w -> new ArrayList<>()).add(c.millis()));
        byWhat.forEach((what, millis) -> {
            Collections.sort(millis);
            System.out.printf("    %-20s %,7d requests, p50 %,5d ms, p99 %,6d ms%n", what, millis.size(), percentile(millis, 50),
                    percentile(millis, 99));
        });
    }

    private static long percentile(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, Math.max(0, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)));
    }
}
