package org.hourbill.payment.events;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** {@code PaymentRecorded.v1}: money arrived for an invoice; the invoice's running totals after it are included. */
public record PaymentRecorded(UUID paymentId, UUID invoiceId, String invoiceNumber, UUID customerId,
        LocalDate paidOn, String mode, String currency, BigDecimal amount, BigDecimal fee, BigDecimal credit,
        BigDecimal appliedToInvoice, BigDecimal excessToCredit, String reference, BigDecimal amountPaid,
        BigDecimal amountOpen) {
    public static final String TYPE = "PaymentRecorded.v1";
}
