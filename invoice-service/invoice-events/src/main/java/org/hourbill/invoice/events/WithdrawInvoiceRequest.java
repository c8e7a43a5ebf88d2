package org.hourbill.invoice.events;

import java.util.UUID;

/**
 * {@code WithdrawInvoiceRequest.v1}, a command: the run gives up on its invoice. If the invoice was issued already,
 * the answer is {@link InvoiceIssued} again (an issued invoice is never withdrawn, only voided); otherwise the request
 * is barred for good and the answer is {@link InvoiceRequestWithdrawn}.
 */
public record WithdrawInvoiceRequest(UUID invoiceRunId, UUID customerId, String reason) {
    public static final String TYPE = "WithdrawInvoiceRequest.v1";
}
