package org.hourbill.payment.events;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** {@code InvoicePaid.v1}: the invoice is settled in full by its payments. */
public record InvoicePaid(UUID invoiceId, String invoiceNumber, UUID customerId, LocalDate paidOn, String currency,
        BigDecimal amountPaid) {
    public static final String TYPE = "InvoicePaid.v1";
}
