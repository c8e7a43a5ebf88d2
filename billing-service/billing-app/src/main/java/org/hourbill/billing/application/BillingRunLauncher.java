package org.hourbill.billing.application;

import java.util.concurrent.atomic.AtomicReference;

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
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts the invoice runs of started billing runs, one customer per transaction: the customer is taken, its review
 * generated and its invoice run recorded together, so a crash at any moment leaves each customer either untouched
 * (taken again by the next launcher, on any instance) or launched. A customer whose bill cannot start fails alone.
 */
@Service
public class BillingRunLauncher {
    private static final Logger log = LoggerFactory.getLogger(BillingRunLauncher.class);

    private final BillingRuns runs;
    private final Reviews reviews;
    private final InvoiceRunner runner;
    private final TransactionTemplate transaction;
    private final MessageTracing tracing;
    private final SagaMeters meters;

    BillingRunLauncher(BillingRuns runs, Reviews reviews, InvoiceRunner runner, TransactionTemplate transaction,
            MessageTracing tracing, SagaMeters meters) {
        this.tracing = tracing;
        this.meters = meters;
        this.runs = runs;
        this.reviews = reviews;
        this.runner = runner;
        this.transaction = transaction;
    }

    /** Launches the next waiting customer of any started run; false when none waits. */
    public boolean launchNext() {
        AtomicReference<BillingRuns.Launch> taken = new AtomicReference<>();
        try {
            return Boolean.TRUE.equals(transaction.execute(status -> {
                var next = runs.nextToLaunch();
                next.ifPresent(launch -> {
                    taken.set(launch);
                    traced(launch);
                });
                return next.isPresent();
            }));
        } catch (ConflictingState | InvalidField | UnprocessableRequest | NotFound refused) {
            // the launch rolled back: no entry taken, no frame order drawn, no number used
            BillingRuns.Launch launch = taken.get();
            log.info("billing run {}: the bill of customer {} cannot start: {}", launch.runId(), launch.customerId(), refused.getMessage());
            transaction.executeWithoutResult(status -> {
                runs.launchFailed(launch, refused.getMessage());
                meters.customerLaunched(false);
            });
            return true;
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
