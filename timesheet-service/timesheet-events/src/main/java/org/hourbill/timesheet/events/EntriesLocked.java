package org.hourbill.timesheet.events;

import java.util.List;
import java.util.UUID;

/**
 * {@code EntriesLocked.v1}, the answer to {@link LockEntries}: every entry of the run is locked as billed and can no
 * longer be edited or reopened, unless the run gives them back ({@link ReleaseEntries}).
 */
public record EntriesLocked(UUID invoiceRunId, UUID customerId, List<UUID> entryIds) {
    public static final String TYPE = "EntriesLocked.v1";
}
