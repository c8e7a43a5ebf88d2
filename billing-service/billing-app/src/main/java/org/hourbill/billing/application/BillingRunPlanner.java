package org.hourbill.billing.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.hourbill.billing.application.BillingReviews.Preview;
import org.hourbill.billing.domain.BillingCustomer;
import org.hourbill.billing.domain.billingrun.BillingRun;
import org.hourbill.billing.domain.billingrun.RunCustomer;
import org.hourbill.billing.domain.billingrun.RunCustomer.Figures;
import org.hourbill.billing.domain.billingrun.RunCustomer.FrameOrderUse;
import org.hourbill.billing.domain.billingrun.RunReport;
import org.hourbill.billing.domain.review.InvoiceOptions;
import org.hourbill.billing.domain.review.ReviewSummary;
import org.hourbill.platform.problem.ConflictingState;
import org.hourbill.platform.problem.InvalidField;
import org.hourbill.platform.problem.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Prepares a billing run (every customer's bill with the run's defaults, or why the customer waits for a person), starts
 * it, and reports on it. The invoices themselves are started by {@link BillingRunLauncher}, customer by customer.
 */
@Service
public class BillingRunPlanner {
    /** A run larger than this is split by customers: its preview is answered in one request. */
    static final int MAX_CUSTOMERS = 5_000;

    private final BillingRuns runs;
    private final BillingReviews billingReviews;
    private final Reviews reviews;
    private final UnbilledPool pool;
    private final FrameOrderDirectory frameOrders;
    private final TransactionTemplate transaction;
    private final Clock clock;

    BillingRunPlanner(BillingRuns runs, BillingReviews billingReviews, Reviews reviews, UnbilledPool pool,
            FrameOrderDirectory frameOrders, TransactionTemplate transaction, Clock clock) {
        this.runs = runs;
        this.billingReviews = billingReviews;
        this.reviews = reviews;
        this.pool = pool;
        this.frameOrders = frameOrders;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * @param customerIds the customers to bill; empty: every customer with approved, unbilled hours in the period
     */
    public record RunRequest(LocalDate periodFrom, LocalDate periodTo, List<UUID> customerIds, Integer paymentTermsDays, String notes) {
    }

    /**
     * A draft run: each customer's bill as a review (one already open for the period is used as it is), with the
     * run's defaults and the one frame order that fits, or the reason the customer waits for a person. Each review is
     * its own transaction, and frame-order-service is asked outside any, so a large preview holds no lock for long.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public RunReport prepare(RunRequest request) {
        BillingRun run = BillingRun.draft(request.periodFrom(), request.periodTo(), request.paymentTermsDays(), request.notes(),
                clock.instant());
        List<UUID> candidates = request.customerIds() == null || request.customerIds().isEmpty()
                ? pool.customersWithReviewableWork(run.periodFrom(), run.periodTo())
                : request.customerIds().stream().distinct().toList();
        if (candidates.isEmpty()) {
            throw new ConflictingState("no customer has approved, unbilled hours from " + run.periodFrom() + " to " + run.periodTo());
        }
        if (candidates.size() > MAX_CUSTOMERS) {
            throw new InvalidField("customerIds", candidates.size() + " customers: a run bills at most " + MAX_CUSTOMERS
                    + "; run them in groups");
        }
        List<BillingCustomer> known = candidates.stream().map(id -> pool.customer(id).orElseThrow(() -> new InvalidField("customerIds",
                "billing does not know one of the customers (yet): they come with their first approved hours"))).toList();
        List<RunCustomer> customers = known.stream().map(c -> bill(run, c)).toList();
        transaction.executeWithoutResult(status -> runs.add(run, customers));
        return RunReport.of(run, customers);
    }

    private RunCustomer bill(BillingRun run, BillingCustomer customer) {
        UUID reviewId = reviews.openReviewOf(customer.id(), run.periodFrom(), run.periodTo()).orElse(null);
        boolean reused = reviewId != null;
        String held = null;
        if (!reused) {
            InvoiceOptions started;
            try {
                var review = billingReviews.start(customer.id(), run.periodFrom(), run.periodTo());
                reviewId = review.id();
                started = review.options();
            } catch (ConflictingState nothingToBill) {
                return RunCustomer.held(customer.id(), customer.name(), null, false, null,
                        "no approved, unbilled hours from " + run.periodFrom() + " to " + run.periodTo());
            }
            held = chooseDefaults(run, reviewId, customer.id(), started);
        }
        Preview preview = billingReviews.preview(reviewId);
        Figures figures = figures(preview.summary());
        if (held == null && !preview.obstacles().isEmpty()) held = preview.obstacles().getFirst().message();
        if (held != null) return RunCustomer.held(customer.id(), customer.name(), reviewId, reused, figures, held);
        var impact = preview.frameOrder();
        UUID frameOrderId = preview.options().frameOrderId();
        FrameOrderUse use = impact != null ? new FrameOrderUse(frameOrderId, impact.poNumber(), impact.availableHours(), impact.remainingAfter())
                : frameOrderId != null ? new FrameOrderUse(frameOrderId, null, null, null) : null;
        return RunCustomer.included(customer.id(), customer.name(), reviewId, reused, figures, use);
    }

    /**
     * Sets the run's payment terms and notes on a review it started, and the frame order when exactly one open order of
     * the customer is valid for the period. Returns why a person must choose instead, or null.
     */
    private String chooseDefaults(BillingRun run, UUID reviewId, UUID customerId, InvoiceOptions o) {
        FrameOrderDirectory.Lookup lookup = frameOrders.openFrameOrders(customerId);
        String held = null;
        UUID frameOrderId = null;
        if (!lookup.available()) {
            held = "its frame orders could not be checked (" + lookup.unavailable() + "): preview the run again later";
        } else {
            var fitting = lookup.frameOrders().stream().filter(f -> f.validFor(run.periodFrom(), run.periodTo())).toList();
            if (fitting.size() == 1) {
                frameOrderId = fitting.getFirst().frameOrderId();
            } else if (fitting.size() > 1) {
                held = fitting.size() + " open frame orders are valid for the period (" + poNumbers(fitting)
                        + "): choose the one to draw on in its review";
            } else if (!lookup.frameOrders().isEmpty()) {
                held = "none of its open frame orders (" + poNumbers(lookup.frameOrders()) + ") is valid for the whole period:"
                        + " choose one or none in its review";
            }
        }
        billingReviews.choose(reviewId, new InvoiceOptions(o.periodFrom(), o.periodTo(),
                run.paymentTermsDays() != null ? run.paymentTermsDays() : o.paymentTermsDays(), o.poNumber(),
                run.notes() != null ? run.notes() : o.notes(), frameOrderId, o.billContact(), o.paymentRecipient(), o.responsible(),
                o.comments(), o.orderAmount()));
        return held;
    }

    private static String poNumbers(List<FrameOrderDirectory.FrameOrder> orders) {
        return orders.stream().map(FrameOrderDirectory.FrameOrder::poNumber).sorted().collect(Collectors.joining(", "));
    }

    static Figures figures(ReviewSummary s) {
        return new Figures(s.currency(), s.hoursBilled(), s.subtotal(), s.taxAmount(), s.total());
    }

    /** Starts a draft run: its included customers' invoices are issued one after another from now on. */
    @Transactional
    public RunReport start(UUID runId) {
        BillingRun run = runs.lock(runId).orElseThrow(() -> new NotFound("no billing run " + runId));
        BillingRun started = run.start(runs.included(runId), clock.instant());
        runs.save(started);
        return RunReport.of(started, runs.customers(runId));
    }

    @Transactional(readOnly = true)
    public RunReport report(UUID runId) {
        BillingRun run = runs.find(runId).orElseThrow(() -> new NotFound("no billing run " + runId));
        return RunReport.of(run, runs.customers(runId));
    }

    @Transactional(readOnly = true)
    public List<RunReport> recent(int limit) {
        return runs.recent(limit).stream().map(run -> RunReport.of(run, runs.customers(run.id()))).toList();
    }
}
