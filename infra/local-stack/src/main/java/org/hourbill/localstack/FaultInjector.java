package org.hourbill.localstack;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleSupplier;

/**
 * Strikes the running system at random moments while the load runs: SIGKILL of a random service instance (started
 * again a few seconds later), broker crashes (SIGKILL, restart), PostgreSQL crashes (immediate stop, restart) and one
 * rolling restart of every instance, one at a time. The moments are spread over the expected length of the run, which
 * it estimates from the load's progress.
 */
final class FaultInjector {
    /** What struck when, and what followed (how long the restarted part took to be ready). */
    record Fault(String what, Instant at, String note) {
    }

    enum Kind { KILL_INSTANCE, KILL_BROKER, CRASH_POSTGRES, ROLLING_RESTART }

    private final FaultStack stack;
    private final Random random;
    private final List<Fault> done = Collections.synchronizedList(new ArrayList<>());
    private final List<Duration> readyAfterKill = Collections.synchronizedList(new ArrayList<>());

    FaultInjector(FaultStack stack, long seed) {
        this.stack = stack;
        this.random = new Random(seed);
    }

    /**
     * Runs the faults, in random order, until all are done.
     *
     * @param progress the share of the load done so far (0..1), to spread the faults over the run
     */
    void run(int kills, int brokerCrashes, int postgresCrashes, boolean rollingRestart, DoubleSupplier progress) throws Exception {
        List<Kind> plan = new ArrayList<>();
        for (int i = 0; i < kills; i++) plan.add(Kind.KILL_INSTANCE);
        for (int i = 0; i < brokerCrashes; i++) plan.add(Kind.KILL_BROKER);
        for (int i = 0; i < postgresCrashes; i++) plan.add(Kind.CRASH_POSTGRES);
        if (rollingRestart) plan.add(Kind.ROLLING_RESTART);
        Collections.shuffle(plan, random);
        long started = System.nanoTime();
        for (int i = 0; i < plan.size(); i++) {
            // the load's expected remaining time, shared among the faults left, at a random point of each share
            double share = Math.max(0.02, progress.getAsDouble());
            double elapsed = (System.nanoTime() - started) / 1e9;
            double remaining = Math.max(0, elapsed / share - elapsed) * 0.8;
            double gap = Math.max(1.0, remaining / (plan.size() - i) * (0.5 + random.nextDouble()));
            Thread.sleep((long) (Math.min(gap, 30) * 1000));
            strike(plan.get(i));
            Fault last = this.done.getLast();
            System.out.printf("  fault %d of %d: %s at %s%s%n", i + 1, plan.size(), last.what(), last.at(), last.note());
        }
    }

    private void strike(Kind kind) throws Exception {
        switch (kind) {
            case KILL_INSTANCE -> {
                List<FaultStack.Instance> all = stack.instances();
                FaultStack.Instance victim = all.get(random.nextInt(all.size()));
                Instant at = Instant.now();
                stack.kill(victim);
                Thread.sleep(2000 + random.nextInt(3000));
                Duration ready = stack.restart(victim);
                readyAfterKill.add(ready);
                done.add(new Fault("SIGKILL " + victim.name, at, String.format("; restarted, ready %.1f s after its start",
                        ready.toMillis() / 1000.0)));
            }
            case KILL_BROKER -> {
                Instant at = Instant.now();
                stack.killBroker();
                Thread.sleep(3000);
                long restart = System.nanoTime();
                stack.restartBroker();
                done.add(new Fault("SIGKILL Kafka broker", at, String.format("; restarted, serving %.1f s after its start",
                        (System.nanoTime() - restart) / 1e9)));
            }
            case CRASH_POSTGRES -> {
                Instant at = Instant.now();
                stack.crashPostgres();
                Thread.sleep(3000);
                long restart = System.nanoTime();
                stack.restartPostgres();
                done.add(new Fault("PostgreSQL immediate stop", at, String.format("; restarted, serving %.1f s after its start",
                        (System.nanoTime() - restart) / 1e9)));
            }
            case ROLLING_RESTART -> {
                Instant at = Instant.now();
                List<String> times = new ArrayList<>();
                for (FaultStack.Instance instance : stack.instances()) {
                    stack.stop(instance);
                    times.add(String.format("%.1f", stack.restart(instance).toMillis() / 1000.0));
                }
                done.add(new Fault("rolling restart of every instance", at, "; each ready after (s) " + String.join(" ", times)));
            }
        }
    }

    List<Fault> faults() {
        return List.copyOf(done);
    }

    List<Duration> readyAfterKill() {
        return List.copyOf(readyAfterKill);
    }
}
