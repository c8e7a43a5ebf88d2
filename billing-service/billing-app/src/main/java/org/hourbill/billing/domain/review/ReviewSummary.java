package org.hourbill.billing.domain.review;

import java.math.BigDecimal;

/**
 * The tiles of a review: hours per decision, what a cap keeps off the bill, and what the invoice will amount to.
 *
 * @param hoursCapped  hours of capped projects beyond their cap: written off with reason "cap" at issue
 * @param amountCapped their amount, including capped days of activity lines
 */
public record ReviewSummary(int entries, BigDecimal hoursBilled, BigDecimal hoursDeferred, BigDecimal hoursWrittenOff,
        BigDecimal amountWrittenOff, BigDecimal hoursCapped, BigDecimal amountCapped, int otherLines, BigDecimal subtotal,
        BigDecimal taxRate, BigDecimal taxAmount, BigDecimal total, String currency) {
}
