package org.hourbill.billing.domain.review;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * The invoice arithmetic of EN 16931, as the invoice service applies it, so a preview shows the figures the invoice
 * will carry: each line rounded to the currency's minor unit, tax computed once on the sum and rounded once.
 */
public final class Money {
    private Money() {
    }

    public static BigDecimal lineAmount(BigDecimal hours, BigDecimal rate, String currency) {
        return hours.multiply(rate).setScale(minorUnit(currency), RoundingMode.HALF_UP);
    }

    /** Quantity x unit price of any line, rounded once to the currency's minor unit. */
    public static BigDecimal amount(BigDecimal quantity, BigDecimal unitPrice, String currency) {
        return quantity.multiply(unitPrice).setScale(minorUnit(currency), RoundingMode.HALF_UP);
    }

    public static BigDecimal tax(BigDecimal subtotal, BigDecimal ratePercent, String currency) {
        return subtotal.multiply(ratePercent).movePointLeft(2).setScale(minorUnit(currency), RoundingMode.HALF_UP);
    }

    public static BigDecimal zero(String currency) {
        return BigDecimal.ZERO.setScale(minorUnit(currency));
    }

    private static int minorUnit(String currency) {
        return Currency.getInstance(currency).getDefaultFractionDigits();
    }
}
