package org.hourbill.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * Hourbill's one money rule, used by every service: an amount is rounded once, half up (a tie goes away from zero),
 * to its currency's minor unit (ISO 4217: 2 for EUR and CHF, 0 for JPY, 3 for KWD).
 * <p>
 * Half up because it is the commercial rounding invoices are checked against (EN 16931 asks for line and document
 * amounts with the currency's decimals, and for tax computed on the sum of the lines and rounded once: what
 * {@link #percentOf} gives), and because a customer reproduces it with a pocket calculator, where half-even
 * ("banker's rounding") would give 66.66 for 0.5 h at 133.33 on one document and 66.67 on the customer's check.
 * An entry's amount is the same figure in the timesheet, the pool, the review, the invoice and every report.
 */
public final class Money {
    public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;

    private Money() {
    }

    /** The number of decimals of the currency's minor unit. */
    public static int minorUnit(String currency) {
        return Currency.getInstance(currency).getDefaultFractionDigits();
    }

    /** A value rounded to the currency's minor unit by the one rule. */
    public static BigDecimal round(BigDecimal value, String currency) {
        return value.setScale(minorUnit(currency), ROUNDING);
    }

    /** Quantity (hours, days, pieces) times unit price (a rate), rounded once: the amount of a time entry or a line. */
    public static BigDecimal amount(BigDecimal quantity, BigDecimal unitPrice, String currency) {
        return round(quantity.multiply(unitPrice), currency);
    }

    /** {@code ratePercent} % of {@code base}, rounded once: tax on the sum of the lines, a share of an order amount. */
    public static BigDecimal percentOf(BigDecimal base, BigDecimal ratePercent, String currency) {
        return round(base.multiply(ratePercent).movePointLeft(2), currency);
    }

    public static BigDecimal zero(String currency) {
        return BigDecimal.ZERO.setScale(minorUnit(currency));
    }

    /**
     * An amount a person entered, shown with the currency's decimals (48000.000 as 48000.00 in EUR, 48000 in JPY), or
     * with more where it has more: a display never changes a figure.
     */
    public static BigDecimal shown(BigDecimal amount, String currency) {
        if (amount == null) return null;
        if (currency == null) return amount;
        BigDecimal plain = amount.stripTrailingZeros();
        return plain.setScale(Math.max(minorUnit(currency), Math.max(0, plain.scale())));
    }

    /**
     * A stored or received amount shown with exactly the currency's decimals (900.0000 as 900 in JPY, 177.330 as
     * 177.33 in EUR). Refuses a value that is not a whole number of minor units: such a figure was never rounded.
     */
    public static BigDecimal inMinorUnits(BigDecimal amount, String currency) {
        try {
            return amount.setScale(minorUnit(currency), RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(amount + " is not a whole number of " + currency + " minor units", e);
        }
    }
}
