package org.hourbill.billing.domain.review;

import java.util.UUID;

/**
 * Something that will stop Generate & Issue, said in a finance user's words, so that the review can show it at the
 * step where it can be seen and fixed, before the run is started.
 *
 * @param projectId the project whose billing settings fix it, or null
 */
public record Obstacle(Kind kind, String message, UUID projectId) {
    public enum Kind {
        /** a fixed-price bill without a term of its billing calendar */
        TERM_MISSING,
        /** every entry deferred, written off or beyond the cap, and no line */
        NOTHING_TO_BILL,
        /** more taken off than billed: that is a credit note */
        NEGATIVE_NET,
        /** a capped project without its cap (validated work amount) */
        CAP_MISSING,
        /** the chosen frame order has fewer hours left than the bill draws */
        FRAME_ORDER_TOO_SMALL,
        /** the chosen frame order is closed or not valid for the bill's service period */
        FRAME_ORDER_NOT_VALID
    }
}
