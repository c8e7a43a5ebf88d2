package org.hourbill.invoice.events;

import java.util.UUID;

/** {@code InvoiceRequestRejected.v1}: no invoice and no number; the reason is written for a person. */
public record InvoiceRequestRejected(UUID invoiceRunId, UUID customerId, String reason) {
    public static final String TYPE = "InvoiceRequestRejected.v1";
}
