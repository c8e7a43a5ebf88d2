package org.hourbill.timesheet.events;

import java.util.List;
import java.util.UUID;

/**
 * {@code MarkEntriesBilled.v1}, a command on {@link TimesheetTopics#COMMANDS}: the entries are on an issued invoice;
 * lock them for good. Answered by {@link EntriesBilled}, also when it arrives twice. Timesheets lock an invoice's
 * entries when they hear it issued ({@code InvoiceIssued.v1} names them); billing sends this only when that answer is late.
 *
 * @param invoiceRunId the billing run that asks; the idempotency key
 */
public record MarkEntriesBilled(UUID invoiceRunId, UUID customerId, String invoiceNumber, List<UUID> entryIds) {
    public static final String TYPE = "MarkEntriesBilled.v1";
}
