package org.hourbill.billing.domain.review;

/** A review is edited while OPEN, generated once (GENERATING), and ends ISSUED or FAILED with its invoice run. */
public enum ReviewStatus {
    OPEN, GENERATING, ISSUED, FAILED
}
