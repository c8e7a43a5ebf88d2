package org.hourbill.invoice.events;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * {@code InvoiceVoided.v1}: the invoice is void, cancelled by the credit note named here; its hours go back to the
 * frame order and its entries back to billing (or are written off).
 */
public record InvoiceVoided(UUID invoiceId, String number, UUID customerId, UUID creditNoteId,
        String creditNoteNumber, LocalDate voidedOn, String reason, String voidedBy, UUID frameOrderId,
        UUID frameOrderDrawDownId, BigDecimal hours, List<UUID> entryIds, String entryDisposition) {
    public static final String TYPE = "InvoiceVoided.v1";
}
