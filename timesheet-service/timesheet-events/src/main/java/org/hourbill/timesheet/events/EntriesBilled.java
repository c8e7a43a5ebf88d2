package org.hourbill.timesheet.events;

import java.util.List;
import java.util.UUID;

/** {@code EntriesBilled.v1}: the entries are billed on the invoice and can no longer be edited or reopened. */
public record EntriesBilled(UUID invoiceRunId, UUID customerId, String invoiceNumber, List<UUID> entryIds) {
    public static final String TYPE = "EntriesBilled.v1";
}
