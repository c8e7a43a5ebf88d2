package org.hourbill.billing.application;

import org.hourbill.billing.domain.review.Settlement;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.hourbill.billing.domain.run.InvoiceRun;

/** Where invoice runs (the saga's state) are kept (a persistence port). */
public interface InvoiceRuns {
    /** Adds a run that has just started, with what issuing its bill will settle (decided at its start). */
    void add(InvoiceRun run, Instant startedAt, Settlement settlement);

    Optional<InvoiceRun> find(UUID id);

    /** Reads the run and holds it until the transaction ends: answers and timeouts of one run never interleave. */
    Optional<InvoiceRun> lock(UUID id);

    /**
     * Saves the run's new state; when it left its step, returns how long it was in that step (for the saga's metrics).
     */
    Optional<Duration> save(InvoiceRun run, Instant now);

    /** Runs whose deadline has passed, oldest first. */
    List<Overdue> overdue(Instant now, int limit);

    /**
     * A run to wake, with the correlation id of the request that started it: what is asked again carries it, so every
     * message of one Generate & Issue can be found by one id.
     */
    record Overdue(UUID runId, String correlationId) {
    }

    /** What issuing the run's bill settles; empty for a run started before settlements were kept with runs. */
    Optional<Settlement> settlementOf(UUID runId);

    Optional<Instant> startedAt(UUID id);

    Optional<Instant> finishedAt(UUID id);
}
