package org.hourbill.billing.domain.review;

/**
 * A review is edited while OPEN, generated once (GENERATING), and ends ISSUED or FAILED with its invoice run; one that
 * bills nothing (every entry deferred or written off) is CLOSED without an invoice, its write-offs taking effect.
 */
public enum ReviewStatus {
    OPEN, GENERATING, ISSUED, FAILED, CLOSED
}
