package org.hourbill.billing.domain.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.hourbill.platform.problem.InvalidField;

/** An activity or milestone of a project that can trigger a term: its validated and planned amounts, and its end. */
public record ProjectElement(UUID id, UUID projectId, Kind kind, String name, BigDecimal validatedAmount, BigDecimal plannedAmount,
        LocalDate endDate) {
    public enum Kind {
        ACTIVITY, MILESTONE
    }

    public ProjectElement {
        if (name == null || name.isBlank()) throw new InvalidField("name", "name the activity or milestone");
        if (validatedAmount != null) Amounts.require("validatedAmount", validatedAmount, 3, true);
        if (plannedAmount != null) Amounts.require("plannedAmount", plannedAmount, 3, true);
    }
}
