package org.hourbill.platform.outbox;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Tells this instance's relay that events were committed, so it publishes them at once instead of at its next poll.
 * Only a hint: the relay still polls (other instances' events, missed signals), so nothing depends on it.
 */
public class OutboxSignal {
    private final Semaphore committed = new Semaphore(0);

    void eventsCommitted() {
        if (committed.availablePermits() == 0) committed.release();
    }

    /** Waits until events are committed or {@code timeout} passes. */
    void awaitEvents(Duration timeout) throws InterruptedException {
        if (committed.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) committed.drainPermits();
    }
}
