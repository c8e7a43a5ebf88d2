package org.hourbill.billing.application;

import java.util.Optional;
import java.util.UUID;

import org.hourbill.billing.domain.review.BillingReview;

/** Where reviews and their decisions are kept (a persistence port). */
public interface Reviews {
    void add(BillingReview review);

    Optional<BillingReview> find(UUID id);

    /** The review's status, without reading its lines. */
    Optional<org.hourbill.billing.domain.review.ReviewStatus> statusOf(UUID reviewId);

    /** Whose review it is, without reading its lines. */
    Optional<UUID> customerOf(UUID reviewId);

    /** Reads the review and holds it until the transaction ends: decisions and generation never interleave. */
    Optional<BillingReview> lock(UUID id);

    void save(BillingReview review);

    /**
     * The generating review's invoice is issued: its status becomes ISSUED without reading its lines (the invoice's
     * answer carries the run's settlement, not the review). A review in any other status is left as it is.
     */
    void issued(UUID reviewId);

    /** The latest open review of all the customer's produced work whose period lies within the given one. */
    Optional<UUID> openReviewOf(UUID customerId, java.time.LocalDate from, java.time.LocalDate to);
}
