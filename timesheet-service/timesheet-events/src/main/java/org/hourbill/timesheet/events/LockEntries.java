package org.hourbill.timesheet.events;

import java.util.List;
import java.util.UUID;

/**
 * {@code LockEntries.v1}, a command on {@link TimesheetTopics#COMMANDS}: an invoice run is about to bill these entries;
 * lock them now, before its invoice is issued, all or none. Answered by {@link EntriesLocked} or, when an entry was
 * reopened meanwhile (or is unknown), by {@link EntriesNotLocked} with nothing locked. Asking twice answers the same.
 * A run that fails before its invoice gives the entries back with {@link ReleaseEntries}.
 *
 * @param invoiceRunId the billing run that asks; the idempotency key
 */
public record LockEntries(UUID invoiceRunId, UUID customerId, List<UUID> entryIds) {
    public static final String TYPE = "LockEntries.v1";
}
