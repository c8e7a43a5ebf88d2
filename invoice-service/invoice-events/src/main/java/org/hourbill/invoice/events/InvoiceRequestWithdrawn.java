package org.hourbill.invoice.events;

import java.util.UUID;

/** {@code InvoiceRequestWithdrawn.v1}: no invoice was issued for the run, and none ever will be. */
public record InvoiceRequestWithdrawn(UUID invoiceRunId, UUID customerId, String reason) {
    public static final String TYPE = "InvoiceRequestWithdrawn.v1";
}
