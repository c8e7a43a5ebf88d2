package org.hourbill.billing.adapter.in.scheduling;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.hourbill.billing.application.InvoiceRunner;
import org.hourbill.billing.application.InvoiceRuns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Wakes invoice runs whose participant has not answered in time. Each run is moved in its own transaction, so one
 * failing run cannot hold up the others. Several billing instances may wake the same run: the runner re-checks the
 * deadline under the run's row lock, so only the first one acts.
 */
@Component
class InvoiceRunTimeouts {
    private static final Logger log = LoggerFactory.getLogger(InvoiceRunTimeouts.class);

    private final InvoiceRuns runs;
    private final InvoiceRunner runner;
    private final Clock clock;

    InvoiceRunTimeouts(InvoiceRuns runs, InvoiceRunner runner, Clock clock) {
        this.runs = runs;
        this.runner = runner;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${hourbill.invoice-runs.timeout-check:PT1S}")
    void wakeOverdueRuns() {
        List<UUID> overdue = runs.overdue(clock.instant(), 100);
        for (UUID runId : overdue) {
            try {
                runner.timedOut(runId);
            } catch (RuntimeException e) {
                log.warn("invoice run {} could not be moved on after its timeout: {}", runId, e.toString());
            }
        }
    }
}
