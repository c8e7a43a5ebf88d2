package org.hourbill.timesheet.events;

import java.util.List;
import java.util.UUID;

/**
 * {@code MarkEntriesWrittenOff.v1}, a command on {@link TimesheetTopics#COMMANDS}: billing will not bill these entries
 * (written off in a review, or with a voided invoice). Timesheets show them WRITTEN_OFF and refuse to reopen them until
 * the write-off is reversed ({@link ReleaseEntries}). Asking twice changes nothing.
 */
public record MarkEntriesWrittenOff(UUID customerId, List<UUID> entryIds, String reason) {
    public static final String TYPE = "MarkEntriesWrittenOff.v1";
}
