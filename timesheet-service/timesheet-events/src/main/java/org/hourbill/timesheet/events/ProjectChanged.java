package org.hourbill.timesheet.events;

import java.util.UUID;

/** {@code ProjectChanged.v1}: the full current state of a project (registered or edited). */
public record ProjectChanged(UUID projectId, UUID customerId, String code, String name, BillingType billingType) {
    public static final String TYPE = "ProjectChanged.v1";
}
