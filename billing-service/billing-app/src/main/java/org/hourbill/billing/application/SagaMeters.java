package org.hourbill.billing.application;

import java.time.Duration;

import org.hourbill.billing.domain.run.RunStep;

/** What the Generate &amp; Issue saga tells operations: how long each step took, how runs ended. */
public interface SagaMeters {
    void stepLeft(RunStep step, Duration time);

    /** @param end COMPLETED or FAILED */
    void runEnded(RunStep end);

    /** A billing run's customer: its invoice run started, or it failed at launch. */
    void customerLaunched(boolean started);
}
