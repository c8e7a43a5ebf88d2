package org.hourbill.localstack;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleSupplier;

/**
 * Strikes the running system at random moments while the load runs: SIGKILL of a random running service instance
 * (started again 2-5 s later, in the background, so that the next fault need not wait for it), broker crashes (SIGKILL,
 * restart), PostgreSQL crashes (immediate stop, restart) and one rolling restart of every instance, one at a time. The
 * moments are spread over the expected length of the run, which it estimates from the load's progress.
 */
final class FaultInjector {
    /** What struck when, when it was over (the part back and ready), and what followed. */
    record Fault(String what, Instant at, Instant over, String note) {
        /** The fault on the services' business clock, which runs {@code offset} ahead of the wall clock. */
        Fault onBusinessClock(java.time.Duration offset) {
            return new Fault(what, at.plus(offset), over.plus(offset), note);
        }
    }

    enum Kind { KILL_INSTANCE, KILL_BROKER, CRASH_POSTGRES, ROLLING_RESTART }

    private final FaultStack stack;
    private final Random random;
    private final List<Fault> done = Collections.synchronizedList(new ArrayList<>());
    private final List<Duration> readyAfterKill = Collections.synchronizedList(new ArrayList<>());
    private final java.util.Set<FaultStack.Instance> down = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final List<java.util.concurrent.CompletableFuture<Void>> restarts = Collections.synchronizedList(new ArrayList<>());

    FaultInjector(FaultStack stack, long seed) {
        this.stack = stack;
        this.random = new Random(seed);
    }

    /**
     * Runs the faults, in random order, until all are done.
     *
     * @param progress  the share of the load done so far (0..1), to spread the faults over the run
     * @param loadStart when the load began ({@link System#nanoTime()}), for its pace
     */
    void run(int kills, int brokerCrashes, int postgresCrashes, boolean rollingRestart, DoubleSupplier progress, long loadStart)
            throws Exception {
        List<Kind> plan = new ArrayList<>();
        for (int i = 0; i < kills; i++) plan.add(Kind.KILL_INSTANCE);
        for (int i = 0; i < brokerCrashes; i++) plan.add(Kind.KILL_BROKER);
        for (int i = 0; i < postgresCrashes; i++) plan.add(Kind.CRASH_POSTGRES);
        if (rollingRestart) plan.add(Kind.ROLLING_RESTART);
        Collections.shuffle(plan, random);
        for (int i = 0; i < plan.size(); i++) {
            // the load's expected remaining time at its pace so far, shared among the faults left
            double elapsed = (System.nanoTime() - loadStart) / 1e9;
            double share = progress.getAsDouble();
            double remaining = share > 0 ? (1 - share) / (share / elapsed) : 60;
            double gap = Math.max(1.0, 0.8 * remaining / (plan.size() - i) * (0.5 + random.nextDouble()));
            Thread.sleep((long) (Math.min(gap, 30) * 1000));
            strike(plan.get(i));
            System.out.printf("  fault %d of %d: %s%n", i + 1, plan.size(), plan.get(i));
        }
        for (var restart : List.copyOf(restarts)) restart.join();
    }

    private void strike(Kind kind) throws Exception {
        switch (kind) {
            case KILL_INSTANCE -> {
                // at most two instances down at once, never both of one service: a kill tests the other instance taking over
                while (down.size() >= 2) Thread.sleep(200);
                List<FaultStack.Instance> running = stack.instances().stream().filter(i -> !down.contains(i))
                        .filter(i -> down.stream().noneMatch(d -> d.service == i.service)).toList();
                FaultStack.Instance victim = running.get(random.nextInt(running.size()));
                down.add(victim);
                Instant at = Instant.now();
                stack.kill(victim);
                long pause = 2000 + random.nextInt(3000);
                restarts.add(java.util.concurrent.CompletableFuture.runAsync(() -> {
                    try {
                        Thread.sleep(pause);
                        Duration ready = stack.restart(victim);
                        readyAfterKill.add(ready);
                        done.add(new Fault("SIGKILL " + victim.name, at, Instant.now(), String.format("; restarted %.1f s later, ready %.1f s"
                                + " after its start", pause / 1000.0, ready.toMillis() / 1000.0)));
                    } catch (Exception e) {
                        done.add(new Fault("SIGKILL " + victim.name, at, Instant.now(), "; NOT RESTARTED: " + e));
                        throw new IllegalStateException(e);
                    } finally {
                        down.remove(victim);
                    }
                }, java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()));
            }
            case KILL_BROKER -> crashAndRestart("SIGKILL Kafka broker", stack::killBroker, stack::restartBroker);
            case CRASH_POSTGRES -> crashAndRestart("PostgreSQL immediate stop", stack::crashPostgres, stack::restartPostgres);
            case ROLLING_RESTART -> {
                for (var restart : List.copyOf(restarts)) restart.join(); // one at a time means none else down
                Instant at = Instant.now();
                List<String> times = new ArrayList<>();
                for (FaultStack.Instance instance : stack.instances()) {
                    stack.stop(instance);
                    times.add(String.format("%.1f", stack.restart(instance).toMillis() / 1000.0));
                }
                done.add(new Fault("rolling restart of every instance", at, Instant.now(), "; each ready after (s) " + String.join(" ", times)));
            }
        }
    }

    interface Step {
        void run() throws Exception;
    }

    /** A crash of the broker or the database, and its restart 3 s later: the next fault waits for it to serve again. */
    private void crashAndRestart(String what, Step crash, Step restart) throws Exception {
        Instant at = Instant.now();
        crash.run();
        Thread.sleep(3000);
        long restarted = System.nanoTime();
        restart.run();
        done.add(new Fault(what, at, Instant.now(), String.format("; restarted, serving %.1f s after its start", (System.nanoTime() - restarted) / 1e9)));
    }

    /** The faults in the order they struck. */
    List<Fault> faults() {
        return done.stream().sorted(java.util.Comparator.comparing(Fault::at)).toList();
    }

    List<Duration> readyAfterKill() {
        return List.copyOf(readyAfterKill);
    }
}
