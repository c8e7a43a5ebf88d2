package org.hourbill.payment.domain;

/** An invoice as receivables see it: money still expected, settled, or cancelled by a credit note. */
public enum ReceivableStatus {
    OPEN, PAID, VOID
}
