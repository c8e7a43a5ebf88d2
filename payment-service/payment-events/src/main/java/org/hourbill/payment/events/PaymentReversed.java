package org.hourbill.payment.events;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code PaymentReversed.v1}: a payment was taken back (bounced, booked in error); the invoice is open again by its
 * amount.
 */
public record PaymentReversed(UUID paymentId, UUID invoiceId, String invoiceNumber, UUID customerId,
        LocalDate reversedOn, String reason, String currency, BigDecimal amount, BigDecimal amountPaid,
        BigDecimal amountOpen) {
    public static final String TYPE = "PaymentReversed.v1";
}
