package org.hourbill.billing.application;

import java.util.List;

import org.hourbill.billing.domain.review.ReviewStatus;
import org.hourbill.platform.problem.ConflictingState;
import org.hourbill.platform.problem.InvalidField;
import org.hourbill.platform.problem.NotFound;
import org.hourbill.platform.problem.UnprocessableRequest;
import org.hourbill.platform.tracing.MessageTracing;
import org.hourbill.platform.web.CorrelationIdFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Service;

import io.micrometer.tracing.Span;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts the invoice runs of started billing runs, a batch of customers per transaction: each customer is taken, its
 * review generated and its invoice run recorded together, so a crash at any moment leaves each customer either untouched
 * (taken again by the next launcher, on any instance) or launched. A customer whose bill cannot start fails alone: its
 * launch is undone to a savepoint and its reason recorded, and the batch goes on. The batch's commands leave together,
 * so the participants receive them in one poll.
 */
@Service
public class BillingRunLauncher {
    private static final Logger log = LoggerFactory.getLogger(BillingRunLauncher.class);
    /** Customers launched per transaction: one commit, and one poll for each participant, instead of twenty */
    static final int BATCH = 20;

    private final BillingRuns runs;
    private final Reviews reviews;
    private final InvoiceRunner runner;
    private final TransactionTemplate transaction;
    private final TransactionTemplate savepoint;
    private final MessageTracing tracing;
    private final SagaMeters meters;

    BillingRunLauncher(BillingRuns runs, Reviews reviews, InvoiceRunner runner, PlatformTransactionManager transactions,
            MessageTracing tracing, SagaMeters meters) {
        this.tracing = tracing;
        this.meters = meters;
        this.runs = runs;
        this.reviews = reviews;
        this.runner = runner;
        this.transaction = new TransactionTemplate(transactions);
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** Launches the next batch of waiting customers of a started run; false when none waits. */
    public boolean launchNext() {
        return Boolean.TRUE.equals(transaction.execute(status -> {
            List<BillingRuns.Launch> batch = runs.nextToLaunch(BATCH);
            batch.forEach(this::launchOrFail);
            return !batch.isEmpty();
        }));
    }

    private void launchOrFail(BillingRuns.Launch launch) {
        try {
            savepoint.executeWithoutResult(status -> traced(launch));
        } catch (ConflictingState | InvalidField | UnprocessableRequest | NotFound refused) {
            // undone to the savepoint: no entry taken, no frame order drawn, no number used
            log.info("billing run {}: the bill of customer {} cannot start: {}", launch.runId(), launch.customerId(), refused.getMessage());
            runs.launchFailed(launch, refused.getMessage());
            meters.customerLaunched(false);
        }
    }

    /** Each launch is a span in the trace of the request that started the run: a billing run is one trace. */
    private void traced(BillingRuns.Launch launch) {
        Span span = tracing.startFrom(launch.trace(), "billing run launch")
                .tag("billing.run.id", launch.runId().toString()).tag("customer.id", launch.customerId().toString());
        try (var scope = tracing.inScope(span)) {
            launch(launch);
        } catch (RuntimeException e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }

    private void launch(BillingRuns.Launch launch) {
        // a cheap look first: generating would refuse too, but in words that do not say who did it
        ReviewStatus status = reviews.statusOf(launch.reviewId()).orElseThrow(() -> new NotFound("its review is gone"));
        if (status != ReviewStatus.OPEN) {
            throw new ConflictingState("its review was " + status.name().toLowerCase() + " meanwhile, by a person or another billing run");
        }
        // the invoice run's commands carry the billing run in their correlation id: one search finds the whole run
        MDC.put(CorrelationIdFilter.MDC_KEY, "billing-run-" + launch.runId());
        try {
            InvoiceRunner.Generation generated = runner.start(launch.reviewId());
            runs.launched(launch, generated.run().id(), BillingRunPlanner.figures(generated.review().summary()));
            meters.customerLaunched(true);
        } finally {
            MDC.remove(CorrelationIdFilter.MDC_KEY);
        }
    }
}
