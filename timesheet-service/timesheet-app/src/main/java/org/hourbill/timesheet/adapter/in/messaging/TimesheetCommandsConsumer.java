package org.hourbill.timesheet.adapter.in.messaging;

import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.hourbill.platform.messaging.EventInbox;
import org.hourbill.platform.messaging.IncomingEvent;
import org.hourbill.platform.messaging.MalformedEvent;
import org.hourbill.timesheet.application.TimesheetApproval;
import org.hourbill.timesheet.events.LockEntries;
import org.hourbill.timesheet.events.MarkEntriesBilled;
import org.hourbill.timesheet.events.MarkEntriesWrittenOff;
import org.hourbill.timesheet.events.ReleaseEntries;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Binding {@code timesheetCommands-in-0}: billing locks the entries an invoice run is about to bill (before the
 * invoice) or wrote off, and gives them back when the run fails, an invoice is voided with its entries returned to the
 * pool or a write-off is reversed.
 */
@Configuration(proxyBeanMethods = false)
class TimesheetCommandsConsumer {
    @Bean
    Consumer<Message<List<byte[]>>> timesheetCommands(EventInbox inbox, TimesheetApproval approval) {
        return poll -> inbox.receiveAll("timesheet-service", poll, command -> {
            switch (command.type()) {
                case MarkEntriesBilled.TYPE -> {
                    MarkEntriesBilled c = inbox.payload(command, MarkEntriesBilled.class);
                    if (c.invoiceRunId() == null) throw new MalformedEvent(command.type() + " " + command.id() + " lacks invoiceRunId");
                    approval.markBilled(c.invoiceRunId(), c.customerId(), c.invoiceNumber(), entries(command, c.entryIds()), true);
                }
                case LockEntries.TYPE -> {
                    LockEntries c = inbox.payload(command, LockEntries.class);
                    if (c.invoiceRunId() == null || c.customerId() == null) {
                        throw new MalformedEvent(command.type() + " " + command.id() + " lacks invoiceRunId or customerId");
                    }
                    approval.lockForInvoice(c.invoiceRunId(), c.customerId(), entries(command, c.entryIds()));
                }
                case MarkEntriesWrittenOff.TYPE -> approval.markWrittenOff(
                        entries(command, inbox.payload(command, MarkEntriesWrittenOff.class).entryIds()));
                case ReleaseEntries.TYPE -> approval.release(entries(command, inbox.payload(command, ReleaseEntries.class).entryIds()));
                default -> throw new MalformedEvent("timesheet-service does not know the command " + command.type());
            }
        });
    }

    private static List<UUID> entries(IncomingEvent command, List<UUID> entryIds) {
        if (entryIds == null || entryIds.isEmpty() || entryIds.contains(null)) {
            throw new MalformedEvent(command.type() + " " + command.id() + " lacks entryIds");
        }
        return entryIds;
    }
}
