package org.hourbill.billing.adapter.in.scheduling;

import org.hourbill.billing.application.BillingRunLauncher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Launches the customers of started billing runs until none waits. Runs on every instance: each takes the next
 * customer no other holds, and a run interrupted by a crash goes on from where it was at the next tick.
 */
@Component
class BillingRunLaunches {
    private static final Logger log = LoggerFactory.getLogger(BillingRunLaunches.class);

    private final BillingRunLauncher launcher;

    BillingRunLaunches(BillingRunLauncher launcher) {
        this.launcher = launcher;
    }

    @Scheduled(fixedDelayString = "${hourbill.billing-runs.launch-check:PT0.5S}")
    void launchWaitingCustomers() {
        try {
            while (launcher.launchNext()) {
                // a batch of customers per transaction, until none waits
            }
        } catch (RuntimeException e) {
            // the database or broker is away: the customer stays waiting and is taken again at the next tick
            log.warn("billing runs: launching paused: {}", e.toString());
        }
    }
}
