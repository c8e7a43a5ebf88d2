package org.hourbill.timesheet.events;

import java.util.List;
import java.util.UUID;

/**
 * {@code EntriesNotLocked.v1}, the answer to {@link LockEntries} when some of its entries cannot be billed: none of the
 * run's entries was locked.
 *
 * @param entryIds the entries that stood in the way (reopened for correction, or unknown here)
 * @param reason   for the person who reads the failed run
 */
public record EntriesNotLocked(UUID invoiceRunId, UUID customerId, List<UUID> entryIds, String reason) {
    public static final String TYPE = "EntriesNotLocked.v1";
}
