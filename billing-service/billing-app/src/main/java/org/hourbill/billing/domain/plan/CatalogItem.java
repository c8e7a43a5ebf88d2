package org.hourbill.billing.domain.plan;

import java.math.BigDecimal;
import java.util.UUID;

import org.hourbill.platform.problem.InvalidField;

/**
 * A product or service of the catalog that manual bill lines can start from.
 *
 * @param unit UN/ECE Recommendation 20 code: C62 (one), HUR, DAY, MON, ...
 */
public record CatalogItem(UUID id, String name, Type type, String description, BigDecimal unitPrice, String unit) {
    public enum Type {
        PRODUCT, SERVICE
    }

    public CatalogItem {
        if (name == null || name.isBlank()) throw new InvalidField("name", "name the product or service");
        if (type == null) throw new InvalidField("type", "PRODUCT or SERVICE");
        Amounts.require("unitPrice", unitPrice, 4, true);
        Amounts.requireUnit(unit);
    }
}
