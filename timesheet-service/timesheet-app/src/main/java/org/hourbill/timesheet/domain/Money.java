package org.hourbill.timesheet.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/** Amounts are rounded once, half-even, to the currency's minor unit (2 for EUR, 0 for JPY, 3 for KWD). */
public final class Money {
    private Money() {
    }

    public static BigDecimal amount(BigDecimal hours, BigDecimal rate, String currency) {
        return hours.multiply(rate).setScale(Currency.getInstance(currency).getDefaultFractionDigits(), RoundingMode.HALF_EVEN);
    }
}
