package org.hourbill.billing.domain.plan;

import java.math.BigDecimal;
import java.util.UUID;

import org.hourbill.platform.problem.InvalidField;

/** The daily price of an activity type on a project: what a day of that activity is billed at. */
public record ActivityPrice(UUID projectId, String activityType, BigDecimal dailyPrice) {
    public ActivityPrice {
        if (activityType == null || activityType.isBlank()) throw new InvalidField("activityType", "name the activity type");
        Amounts.require("dailyPrice", dailyPrice, 4, false);
    }
}
