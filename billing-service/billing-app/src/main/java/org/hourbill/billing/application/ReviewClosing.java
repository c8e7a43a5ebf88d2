package org.hourbill.billing.application;

import java.util.Map;
import java.util.UUID;

import org.hourbill.billing.domain.review.BillingReview;
import org.hourbill.platform.problem.ConflictingState;
import org.hourbill.platform.problem.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Closes a review that bills nothing: its write-offs leave the pool for good in billing and are locked in timesheets,
 * in one transaction with the review's new state (the commands go through the outbox).
 */
@Service
@Transactional
public class ReviewClosing {
    private final Reviews reviews;
    private final UnbilledPool pool;
    private final TimesheetLocks timesheets;

    ReviewClosing(Reviews reviews, UnbilledPool pool, TimesheetLocks timesheets) {
        this.reviews = reviews;
        this.pool = pool;
        this.timesheets = timesheets;
    }

    public BillingReview close(UUID reviewId) {
        BillingReview review = reviews.lock(reviewId).orElseThrow(() -> new NotFound("no review " + reviewId));
        Map<UUID, String> writtenOff = review.closeWithoutInvoice();
        if (!writtenOff.isEmpty()) {
            // taken like an invoice run takes them, so a concurrent review or reopen cannot have them at the same time
            UUID closing = UUID.randomUUID();
            if (pool.reserve(closing, writtenOff.keySet()) != writtenOff.size()) {
                throw new ConflictingState("some entries of this review are no longer unbilled: another review took them, or they"
                        + " were reopened. Start a new review.");
            }
            pool.settle(closing, null, Map.of(), writtenOff);
            timesheets.writtenOff(review.customer().id(), writtenOff, "written off in review " + review.id());
        }
        reviews.save(review);
        return review;
    }
}
