package org.hourbill.timesheet.events;

import java.util.List;
import java.util.UUID;

/**
 * {@code MarkEntriesBilled.v1}, a command on {@link TimesheetTopics#COMMANDS}: the entries are on an issued invoice;
 * lock them for good. Answered by {@link EntriesBilled}, also when it arrives twice. The run asked for the lock before
 * the invoice ({@link LockEntries}), and timesheets lock what is left when they hear of the invoice ({@code InvoiceIssued.v1}
 * names the entries); billing sends this only when neither answer has come after the invoice.
 *
 * @param invoiceRunId the billing run that asks; the idempotency key
 */
public record MarkEntriesBilled(UUID invoiceRunId, UUID customerId, String invoiceNumber, List<UUID> entryIds) {
    public static final String TYPE = "MarkEntriesBilled.v1";
}
