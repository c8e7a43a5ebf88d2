package org.hourbill.billing.application;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.hourbill.billing.domain.BillingCustomer;
import org.hourbill.billing.domain.review.BillingReview;
import org.hourbill.billing.domain.review.Decision;
import org.hourbill.billing.domain.review.InvoiceOptions;
import org.hourbill.billing.domain.review.ReviewSummary;
import org.hourbill.platform.problem.InvalidField;
import org.hourbill.platform.problem.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** The billing review wizard: start, decide per entry or for all, pick the frame order and options, preview. */
@Service
@Transactional
public class BillingReviews {
    private final Reviews reviews;
    private final UnbilledPool pool;
    private final FrameOrderDirectory frameOrders;
    private final Clock clock;
    private final TransactionTemplate transaction;

    BillingReviews(Reviews reviews, UnbilledPool pool, FrameOrderDirectory frameOrders, Clock clock, TransactionTemplate transaction) {
        this.reviews = reviews;
        this.pool = pool;
        this.frameOrders = frameOrders;
        this.clock = clock;
        this.transaction = transaction;
    }

    public BillingReview start(UUID customerId, LocalDate from, LocalDate to) {
        if (customerId == null) throw new InvalidField("customerId", "a review is for one customer");
        if (from != null && to != null && to.isBefore(from)) throw new InvalidField("periodTo", "the period ends before it starts");
        BillingCustomer customer = pool.customer(customerId)
                .orElseThrow(() -> new NotFound("customerId", "billing knows no customer " + customerId));
        BillingReview review = BillingReview.start(customer, pool.reviewable(customerId, from, to), from, to);
        reviews.add(review);
        return review;
    }

    @Transactional(readOnly = true)
    public BillingReview get(UUID reviewId) {
        return reviews.find(reviewId).orElseThrow(() -> new NotFound("no review " + reviewId));
    }

    public BillingReview decide(UUID reviewId, List<EntryDecision> decisions) {
        BillingReview review = locked(reviewId);
        decisions.forEach(d -> review.decide(d.entryId(), d.decision(), d.reason()));
        reviews.save(review);
        return review;
    }

    public BillingReview decideAll(UUID reviewId, Decision decision) {
        BillingReview review = locked(reviewId);
        review.decideAll(decision);
        reviews.save(review);
        return review;
    }

    /**
     * Sets the invoice options. A chosen frame order is checked when frame-order-service can say (customer, validity);
     * when it cannot, the choice stands and the invoice run's draw-down still guards it.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public BillingReview choose(UUID reviewId, InvoiceOptions options) {
        // ask frame-order-service before taking the review's row lock: a slow answer must not hold it
        if (options.frameOrderId() != null) checkFrameOrder(get(reviewId), options);
        return transaction.execute(status -> {
            BillingReview review = locked(reviewId);
            review.choose(options);
            reviews.save(review);
            return review;
        });
    }

    /** Checks the chosen frame order when frame-order-service can say; when it cannot, the run's draw-down will. */
    private void checkFrameOrder(BillingReview review, InvoiceOptions options) {
        FrameOrderDirectory.Lookup lookup = frameOrders.openFrameOrders(review.customer().id());
        if (!lookup.available()) return;
        var chosen = lookup.frameOrders().stream().filter(f -> f.frameOrderId().equals(options.frameOrderId())).findFirst()
                .orElseThrow(() -> new InvalidField("frameOrderId", "customer " + review.customer().name()
                        + " has no open frame order " + options.frameOrderId()));
        LocalDate today = LocalDate.now(clock);
        if (!chosen.validOn(today)) {
            throw new InvalidField("frameOrderId", "frame order " + chosen.poNumber() + " is valid from " + chosen.validFrom()
                    + " to " + chosen.validTo() + ", not on " + today);
        }
    }

    /** The frame order step: each open frame order with what this invoice would draw and leave. */
    @Transactional(readOnly = true)
    public FrameOrderStep frameOrderStep(UUID reviewId) {
        return frameOrderStep(get(reviewId));
    }

    private FrameOrderStep frameOrderStep(BillingReview review) {
        BigDecimal hours = review.summary().hoursBilled();
        FrameOrderDirectory.Lookup lookup = frameOrders.openFrameOrders(review.customer().id());
        LocalDate today = LocalDate.now(clock);
        List<FrameOrderImpact> impacts = lookup.frameOrders().stream().filter(f -> f.validOn(today))
                .map(f -> new FrameOrderImpact(f.frameOrderId(), f.poNumber(), f.totalHours(), f.remainingHours(), hours,
                        f.remainingHours().subtract(hours), f.remainingHours().compareTo(hours) >= 0, f.validFrom(), f.validTo()))
                .toList();
        return new FrameOrderStep(lookup.available(), lookup.unavailable(), review.options().frameOrderId(), impacts);
    }

    @Transactional(readOnly = true)
    public Preview preview(UUID reviewId) {
        BillingReview review = get(reviewId);
        ReviewSummary summary = review.summary();
        InvoiceOptions o = review.options();
        LocalDate issueDate = LocalDate.now(clock);
        FrameOrderImpact impact = null;
        String frameOrderNote = null;
        if (o.frameOrderId() != null) {
            FrameOrderStep step = frameOrderStep(review);
            impact = step.frameOrders().stream().filter(f -> f.frameOrderId().equals(o.frameOrderId())).findFirst().orElse(null);
            if (!step.available()) frameOrderNote = step.unavailable();
        }
        return new Preview(review.customer(), o, issueDate, issueDate.plusDays(o.paymentTermsDays()), summary, impact, frameOrderNote);
    }

    private BillingReview locked(UUID reviewId) {
        return reviews.lock(reviewId).orElseThrow(() -> new NotFound("no review " + reviewId));
    }

    public record EntryDecision(UUID entryId, Decision decision, String reason) {
    }

    public record FrameOrderImpact(UUID frameOrderId, String poNumber, BigDecimal totalHours, BigDecimal availableHours,
            BigDecimal hoursDrawn, BigDecimal remainingAfter, boolean sufficient, LocalDate validFrom, LocalDate validTo) {
    }

    /** @param unavailable why frame-order-service could not be asked (the draw-down is still checked at generation) */
    public record FrameOrderStep(boolean available, String unavailable, UUID chosenFrameOrderId, List<FrameOrderImpact> frameOrders) {
    }

    public record Preview(BillingCustomer customer, InvoiceOptions options, LocalDate issueDate, LocalDate dueDate,
            ReviewSummary summary, FrameOrderImpact frameOrder, String frameOrderNote) {
    }
}
