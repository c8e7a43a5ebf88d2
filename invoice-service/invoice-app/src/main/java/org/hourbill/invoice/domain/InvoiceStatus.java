package org.hourbill.invoice.domain;

/** Where an invoice is in its life. The document itself never changes; only this does. */
public enum InvoiceStatus {
    ISSUED
}
