package org.hourbill.billing.domain.plan;

import org.hourbill.billing.domain.review.LineKind;

/**
 * A project's billing type decides what its bills may contain: terms of a billing calendar (fixed price), produced
 * work hour by hour or in days at activity prices (time and materials, capped or not), free lines (manual), or
 * nothing at all (internal and administrative projects).
 */
public enum BillingType {
    TIME_AND_MATERIALS, FIXED_PRICE, CAPPED_TIME_AND_MATERIALS, MANUAL, NOT_BILLED;

    /** Whether approved time of the project is billed from the pool of entries. */
    public boolean billsProducedWork() {
        return this == TIME_AND_MATERIALS || this == CAPPED_TIME_AND_MATERIALS;
    }

    public boolean allows(LineKind kind) {
        return switch (kind) {
            case TIME, ACTIVITY -> billsProducedWork();
            case TERM -> this == FIXED_PRICE;
            case MANUAL -> this == MANUAL;
        };
    }

    /** The type as a finance user says it, for messages. */
    public String words() {
        return switch (this) {
            case TIME_AND_MATERIALS -> "on time and materials";
            case FIXED_PRICE -> "at a fixed price";
            case CAPPED_TIME_AND_MATERIALS -> "on capped time and materials";
            case MANUAL -> "by manual lines";
            case NOT_BILLED -> "not at all";
        };
    }

    public static BillingType of(String name) {
        return name == null ? TIME_AND_MATERIALS : valueOf(name);
    }
}
