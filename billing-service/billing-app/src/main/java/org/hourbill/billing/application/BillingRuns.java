package org.hourbill.billing.application;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.hourbill.billing.domain.billingrun.BillingRun;
import org.hourbill.billing.domain.billingrun.RunCustomer;

/** Where billing runs and their customers are kept (a persistence port). */
public interface BillingRuns {
    void add(BillingRun run, List<RunCustomer> customers);

    Optional<BillingRun> find(UUID runId);

    /** Reads the run and holds it until the transaction ends: it is started once. */
    Optional<BillingRun> lock(UUID runId);

    void save(BillingRun run);

    /** The run's customers in preview order, with what their invoice runs say now. */
    List<RunCustomer> customers(UUID runId);

    long included(UUID runId);

    List<BillingRun> recent(int limit);

    /**
     * Up to {@code max} included customers of the oldest started run whose invoice runs have not started, in preview
     * order, held until the transaction ends; other instances skip them and take the next ones.
     */
    List<Launch> nextToLaunch(int max);

    /** The customer's invoice run started, for a bill of these figures. */
    void launched(Launch launch, UUID invoiceRunId, RunCustomer.Figures figures);

    /** The customer's invoice run could not start: it fails alone, with the reason. */
    void launchFailed(Launch launch, String reason);

    /** @param trace the trace context of the request that started the run, continued by every launch (may be null) */
    record Launch(UUID runId, UUID customerId, UUID reviewId, String trace) {
    }
}
