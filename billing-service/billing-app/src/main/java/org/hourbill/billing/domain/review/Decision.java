package org.hourbill.billing.domain.review;

/** What a review does with an entry: bill it now, leave it for a later invoice, or write it off (with a reason). */
public enum Decision {
    BILL, DEFER, WRITE_OFF
}
