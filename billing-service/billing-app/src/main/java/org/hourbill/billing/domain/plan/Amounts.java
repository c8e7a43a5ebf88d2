package org.hourbill.billing.domain.plan;

import java.math.BigDecimal;
import java.util.regex.Pattern;

import org.hourbill.platform.problem.InvalidField;

/**
 * The bounds every amount, price and quantity billing keeps must respect: what its columns hold, so that bad input
 * is a 400 naming the field rather than a database error.
 */
public final class Amounts {
    private static final BigDecimal LIMIT = new BigDecimal("1000000000000");
    private static final Pattern UNIT = Pattern.compile("[A-Z0-9]{2,3}");

    private Amounts() {
    }

    /** An amount or price of at most {@code decimals} decimals, below 10^12, positive or (when allowed) zero. */
    public static BigDecimal require(String field, BigDecimal value, int decimals, boolean zeroAllowed) {
        if (value == null || value.signum() < 0 || (!zeroAllowed && value.signum() == 0)) {
            throw new InvalidField(field, zeroAllowed ? "zero or more" : "more than zero");
        }
        return bounded(field, value, decimals);
    }

    /** A quantity of at most {@code decimals} decimals whose size stays below 10^12 (its sign is the caller's rule). */
    public static BigDecimal bounded(String field, BigDecimal value, int decimals) {
        if (value.stripTrailingZeros().scale() > decimals) throw new InvalidField(field, "at most " + decimals + " decimals");
        if (value.abs().compareTo(LIMIT) >= 0) throw new InvalidField(field, "below 1,000,000,000,000");
        return value;
    }

    /** A UN/ECE Recommendation 20 unit code. */
    public static String requireUnit(String unit) {
        if (unit == null || !UNIT.matcher(unit).matches()) throw new InvalidField("unit", "a UN/ECE unit code such as C62, HUR or DAY");
        return unit;
    }
}
