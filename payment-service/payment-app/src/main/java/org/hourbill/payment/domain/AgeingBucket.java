package org.hourbill.payment.domain;

/** How late the open amount of an invoice is, counted from its due date. */
public enum AgeingBucket {
    CURRENT, DAYS_1_30, DAYS_31_60, DAYS_61_90, OVER_90;

    public static AgeingBucket of(long daysPastDue) {
        if (daysPastDue <= 0) return CURRENT;
        if (daysPastDue <= 30) return DAYS_1_30;
        if (daysPastDue <= 60) return DAYS_31_60;
        if (daysPastDue <= 90) return DAYS_61_90;
        return OVER_90;
    }
}
