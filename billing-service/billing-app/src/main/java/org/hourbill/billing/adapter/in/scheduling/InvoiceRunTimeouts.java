package org.hourbill.billing.adapter.in.scheduling;

import java.time.Clock;
import java.util.List;

import org.hourbill.billing.application.InvoiceRunner;
import org.hourbill.billing.application.InvoiceRuns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.hourbill.platform.web.CorrelationIdFilter;
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
        List<InvoiceRuns.Overdue> overdue = runs.overdue(clock.instant(), 100);
        for (InvoiceRuns.Overdue run : overdue) {
            // what the run asks again is part of the work its request started: same correlation id, in logs and events
            if (run.correlationId() != null) MDC.put(CorrelationIdFilter.MDC_KEY, run.correlationId());
            try {
                runner.timedOut(run.runId());
            } catch (RuntimeException e) {
                log.warn("invoice run {} could not be moved on after its timeout: {}", run.runId(), e.toString());
            } finally {
                MDC.remove(CorrelationIdFilter.MDC_KEY);
            }
        }
    }
}
