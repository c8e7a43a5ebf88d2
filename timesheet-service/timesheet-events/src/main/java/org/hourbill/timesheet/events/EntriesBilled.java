package org.hourbill.timesheet.events;

import java.util.List;
import java.util.UUID;

/**
 * {@code EntriesBilled.v1}: the entries are billed on the invoice and can no longer be edited or reopened. Sent when
 * hearing of the invoice locked entries its run had not locked before ({@link LockEntries}), or found some it could not
 * lock, and always in answer to {@link MarkEntriesBilled}.
 *
 * @param notBilled entries of the invoice that were reopened in timesheets while the invoice was being issued: they
 *                  are on the invoice but not locked, and need a person's attention (a credit note or a correction)
 */
public record EntriesBilled(UUID invoiceRunId, UUID customerId, String invoiceNumber, List<UUID> entryIds,
        List<UUID> notBilled) {
    public static final String TYPE = "EntriesBilled.v1";
}
