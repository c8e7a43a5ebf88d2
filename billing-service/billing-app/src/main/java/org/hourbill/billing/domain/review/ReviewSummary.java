package org.hourbill.billing.domain.review;

import java.math.BigDecimal;

/** The tiles of a review: hours per decision, and what the invoice will amount to. */
public record ReviewSummary(int entries, BigDecimal hoursBilled, BigDecimal hoursDeferred, BigDecimal hoursWrittenOff,
        BigDecimal amountWrittenOff, BigDecimal subtotal, BigDecimal taxRate, BigDecimal taxAmount, BigDecimal total,
        String currency) {
}
