package org.hourbill.localstack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * How late the machine wakes a thread that does almost nothing (as jHiccup measures it): a thread in a JVM of its own
 * parks for 1 ms again and again and records how much later than asked it runs. It allocates nothing while it measures,
 * so its own collector never pauses it; what it sees is what the machine (the scheduler, the hypervisor) does to any
 * thread that waits for a message or a lock, our relay and consumer threads included. Read against a latency's tail:
 * a stall of the machine is in it, whatever the code.
 */
final class Hiccups implements AutoCloseable {
    private static final long PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    /** Lateness in tenths of a millisecond, up to 2 s. */
    private static final long BUCKET_NANOS = 100_000;
    private static final int BUCKETS = 20_000;
    /** The worst stalls are printed with the instant they ended, to find them in a saga's timeline. */
    private static final long NOTED_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    private static final int NOTED_AT_MOST = 20;

    private final Process probe;

    private Hiccups(Process probe) {
        this.probe = probe;
    }

    /** Starts measuring in a JVM of its own (a small heap, the serial collector). */
    static Hiccups start() throws IOException {
        Process probe = new ProcessBuilder(List.of(ServiceProcess.javaOfThisJvm(), "-Xmx16m", "-Xms16m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), Hiccups.class.getName()))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        return new Hiccups(probe);
    }

    /** Stops measuring; the figures, as lines to print. */
    String stopAndReport() throws IOException, InterruptedException {
        try (OutputStream stop = probe.getOutputStream()) {
            stop.write('\n');
        }
        String report = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        probe.waitFor(10, TimeUnit.SECONDS);
        return report;
    }

    @Override
    public void close() {
        probe.destroyForcibly();
    }

    /** The probe: measures until a line (or the end) arrives on its standard input, then prints its figures. */
    public static void main(String... args) throws Exception {
        long[] late = new long[BUCKETS];
        long[] notedAt = new long[NOTED_AT_MOST];
        long[] notedNanos = new long[NOTED_AT_MOST];
        int noted = 0;
        long count = 0;
        long worst = 0;
        var stopped = new AtomicBoolean();
        Thread.ofPlatform().daemon().start(() -> {
            try {
                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            } catch (IOException e) {
                // the end of the input stops it too
            }
            stopped.set(true);
        });
        long started = System.nanoTime();
        Instant wallStart = Instant.now();
        while (!stopped.get()) {
            long before = System.nanoTime();
            LockSupport.parkNanos(PERIOD_NANOS);
            long lateness = Math.max(0, System.nanoTime() - before - PERIOD_NANOS);
            late[(int) Math.min(BUCKETS - 1, lateness / BUCKET_NANOS)]++;
            count++;
            worst = Math.max(worst, lateness);
            if (lateness >= NOTED_NANOS && noted < NOTED_AT_MOST) {
                notedAt[noted] = System.nanoTime() - started;
                notedNanos[noted++] = lateness;
            }
        }
        DateTimeFormatter clock = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
        StringBuilder stalls = new StringBuilder();
        for (int i = 0; i < noted; i++) {
            stalls.append(String.format(" %s (%.0f)", clock.format(wallStart.plusNanos(notedAt[i])), notedNanos[i] / 1e6));
        }
        System.out.printf("  %,d wake-ups of 1 ms: late by p50 %.1f, p99 %.1f, p99.9 %.1f, max %.1f ms; %d late by %d ms or more%s%n",
                count, percentile(late, count, 0.5), percentile(late, count, 0.99), percentile(late, count, 0.999), worst / 1e6,
                over(late, (int) (NOTED_NANOS / BUCKET_NANOS)), TimeUnit.NANOSECONDS.toMillis(NOTED_NANOS),
                stalls.isEmpty() ? "" : ", ending at (UTC, ms):" + stalls);
    }

    private static double percentile(long[] late, long count, double p) {
        long rank = (long) Math.ceil(p * count);
        long seen = 0;
        for (int i = 0; i < late.length; i++) {
            seen += late[i];
            if (seen >= rank) return (i + 1) * BUCKET_NANOS / 1e6;
        }
        return late.length * BUCKET_NANOS / 1e6;
    }

    private static long over(long[] late, int fromBucket) {
        long n = 0;
        for (int i = fromBucket; i < late.length; i++) n += late[i];
        return n;
    }
}
