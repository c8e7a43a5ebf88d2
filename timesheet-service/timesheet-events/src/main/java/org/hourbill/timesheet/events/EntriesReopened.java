package org.hourbill.timesheet.events;

import java.util.List;
import java.util.UUID;

/** {@code EntriesReopened.v1}: approved, unbilled entries went back to draft and must leave the billing pool. */
public record EntriesReopened(UUID customerId, List<UUID> entryIds) {
    public static final String TYPE = "EntriesReopened.v1";
}
