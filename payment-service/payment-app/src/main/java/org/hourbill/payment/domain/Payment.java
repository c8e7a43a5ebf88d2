package org.hourbill.payment.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Money received for one invoice. {@code credit} is what the firm keeps (amount less the fee its bank or card
 * processor took); the invoice is settled by the full {@code amount}. What exceeded the invoice's open amount went to
 * the customer's credit balance ({@code excessToCredit}).
 */
public record Payment(UUID id, UUID invoiceId, String invoiceNumber, UUID customerId, LocalDate paidOn, PaymentMode mode,
        String currency, BigDecimal amount, BigDecimal fee, BigDecimal appliedToInvoice, BigDecimal excessToCredit,
        String reference, boolean reversed, LocalDate reversedOn, String reversalReason) {

    public BigDecimal credit() {
        return amount.subtract(fee);
    }

    public Payment reversal(LocalDate on, String reason) {
        return new Payment(id, invoiceId, invoiceNumber, customerId, paidOn, mode, currency, amount, fee, appliedToInvoice,
                excessToCredit, reference, true, on, reason);
    }
}
