package org.hourbill.billing.domain.plan;

import java.math.BigDecimal;
import java.util.UUID;

import org.hourbill.platform.problem.ConflictingState;
import org.hourbill.platform.problem.InvalidField;

/**
 * A product or service of the catalog that manual bill lines can start from.
 *
 * @param unit    UN/ECE Recommendation 20 code: C62 (one), HUR, DAY, MON, ...
 * @param retired no longer offered for new lines; bills that used it keep their copy of name and price
 */
public record CatalogItem(UUID id, String name, Type type, String description, BigDecimal unitPrice, String unit, boolean retired) {
    public enum Type {
        PRODUCT, SERVICE
    }

    public CatalogItem {
        if (name == null || name.isBlank()) throw new InvalidField("name", "name the product or service");
        if (type == null) throw new InvalidField("type", "PRODUCT or SERVICE");
        Amounts.require("unitPrice", unitPrice, 4, true);
        Amounts.requireUnit(unit);
    }

    public CatalogItem revised(String newName, Type newType, String newDescription, BigDecimal newUnitPrice, String newUnit) {
        requireOffered();
        return new CatalogItem(id, newName, newType, newDescription, newUnitPrice, newUnit, false);
    }

    public CatalogItem retire() {
        requireOffered();
        return new CatalogItem(id, name, type, description, unitPrice, unit, true);
    }

    /** A retired item is history: it is neither changed nor put on a new line. */
    public void requireOffered() {
        if (retired) throw new ConflictingState("'" + name + "' is retired from the catalog");
    }
}
