package org.hourbill.invoice.domain;

/**
 * Where an invoice is in its life: Issued -> Sent -> Paid, or Void (by a credit note). The document itself never
 * changes; only this does. The draft is the billing review in billing-service: an invoice exists here from its
 * number on.
 */
public enum InvoiceStatus {
    ISSUED, SENT, PAID, VOID
}
