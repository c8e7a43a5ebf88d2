package org.hourbill.billing.domain.plan;

import java.math.BigDecimal;
import java.util.UUID;
import java.util.regex.Pattern;

import org.hourbill.platform.problem.InvalidField;

/**
 * A product or service of the catalog that manual bill lines can start from.
 *
 * @param unit UN/ECE Recommendation 20 code: C62 (one), HUR, DAY, MON, ...
 */
public record CatalogItem(UUID id, String name, Type type, String description, BigDecimal unitPrice, String unit) {
    private static final Pattern UNIT = Pattern.compile("[A-Z0-9]{2,3}");

    public enum Type {
        PRODUCT, SERVICE
    }

    public CatalogItem {
        if (name == null || name.isBlank()) throw new InvalidField("name", "name the product or service");
        if (type == null) throw new InvalidField("type", "PRODUCT or SERVICE");
        if (unitPrice == null || unitPrice.signum() < 0) throw new InvalidField("unitPrice", "a unit price is zero or more");
        if (unitPrice.stripTrailingZeros().scale() > 4) throw new InvalidField("unitPrice", "at most 4 decimals");
        if (unit == null || !UNIT.matcher(unit).matches()) throw new InvalidField("unit", "a UN/ECE unit code such as C62, HUR or DAY");
    }
}
