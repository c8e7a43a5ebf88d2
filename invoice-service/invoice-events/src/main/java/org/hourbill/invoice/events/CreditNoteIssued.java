package org.hourbill.invoice.events;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** {@code CreditNoteIssued.v1}: a credit note, numbered in its own series, cancels an invoice with negated amounts. */
public record CreditNoteIssued(UUID creditNoteId, String number, UUID invoiceId, String invoiceNumber,
        UUID customerId, LocalDate issueDate, String currency, BigDecimal subtotal, BigDecimal taxAmount,
        BigDecimal total, String reason) {
    public static final String TYPE = "CreditNoteIssued.v1";
}
