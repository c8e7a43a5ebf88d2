package org.hourbill.timesheet.events;

import java.util.List;
import java.util.UUID;

/**
 * {@code ReleaseEntries.v1}, a command on {@link TimesheetTopics#COMMANDS}: the entries are billable again, because
 * their invoice was voided with its entries returned to the pool, or their write-off was reversed. Billed or written-off
 * entries become APPROVED again, so a person can reopen and correct them before they are billed anew. Asking twice
 * changes nothing.
 */
public record ReleaseEntries(UUID customerId, List<UUID> entryIds, String reason) {
    public static final String TYPE = "ReleaseEntries.v1";
}
