package org.hourbill.payment.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A payment as someone asks to record it, before it is checked against its invoice. */
public record PaymentOrder(UUID invoiceId, LocalDate paidOn, PaymentMode mode, String currency, BigDecimal amount,
        BigDecimal fee, String reference) {
}
