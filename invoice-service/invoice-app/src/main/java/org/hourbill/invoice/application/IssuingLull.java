package org.hourbill.invoice.application;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Tells background work to wait while documents are being issued: a month-end run gets the CPU first, and what can
 * wait (rendering PDFs for their fingerprints) is done in the first pause of {@code quiet}, or after {@code patience}
 * at the latest, so it never starves under a steady stream of invoices.
 */
final class IssuingLull {
    private final long quietNanos;
    private final long patienceNanos;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private volatile long lastIssued;
    private volatile boolean issuedOnce;

    IssuingLull(Duration quiet, Duration patience, LongSupplier nanoTime, Sleeper sleeper) {
        this.quietNanos = quiet.toNanos();
        this.patienceNanos = patience.toNanos();
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
    }

    static IssuingLull ofSystem(Duration quiet, Duration patience) {
        return new IssuingLull(quiet, patience, System::nanoTime, Thread::sleep);
    }

    void issued() {
        lastIssued = nanoTime.getAsLong();
        issuedOnce = true;
    }

    /** Returns once nothing was issued for {@code quiet}, or once it has waited {@code patience}. */
    void await() throws InterruptedException {
        long start = nanoTime.getAsLong();
        while (issuedOnce) {
            long now = nanoTime.getAsLong();
            long sinceIssued = now - lastIssued;
            if (sinceIssued >= quietNanos || now - start >= patienceNanos) return;
            sleeper.sleep(Math.max(1, (quietNanos - sinceIssued) / 1_000_000));
        }
    }

    interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }
}
