package org.hourbill.invoice.events;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** {@code InvoiceIssued.v1}: an invoice has its number and is frozen. */
public record InvoiceIssued(UUID invoiceId, UUID invoiceRunId, String number, UUID customerId, LocalDate issueDate,
        LocalDate dueDate, String currency, BigDecimal subtotal, BigDecimal taxAmount, BigDecimal total, BigDecimal hours,
        String poNumber, UUID frameOrderId, UUID frameOrderDrawDownId, List<UUID> entryIds) {
    public static final String TYPE = "InvoiceIssued.v1";
}
