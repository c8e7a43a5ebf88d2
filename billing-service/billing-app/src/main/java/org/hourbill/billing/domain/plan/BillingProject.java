package org.hourbill.billing.domain.plan;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A project as billing sees it: its billing type (from timesheets) and what billing itself keeps about it.
 *
 * @param orderAmount         the amount of the order or contract the project's bills draw on ("% of order"), or null
 * @param validatedWorkAmount the cap of a capped time and materials project: its bills never total more
 */
public record BillingProject(UUID id, UUID customerId, String code, String name, BillingType billingType, BigDecimal orderAmount,
        BigDecimal validatedWorkAmount) {
}
