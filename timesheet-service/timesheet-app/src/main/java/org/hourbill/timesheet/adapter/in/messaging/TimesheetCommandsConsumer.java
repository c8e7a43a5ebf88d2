package org.hourbill.timesheet.adapter.in.messaging;

import java.util.function.Consumer;

import org.hourbill.platform.messaging.EventInbox;
import org.hourbill.platform.messaging.MalformedEvent;
import org.hourbill.timesheet.application.TimesheetApproval;
import org.hourbill.timesheet.events.MarkEntriesBilled;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Binding {@code timesheetCommands-in-0}: billing's invoice runs lock the entries their invoices billed. */
@Configuration(proxyBeanMethods = false)
class TimesheetCommandsConsumer {
    @Bean
    Consumer<Message<byte[]>> timesheetCommands(EventInbox inbox, TimesheetApproval approval) {
        return message -> inbox.receive("timesheet-service", message, command -> {
            if (!MarkEntriesBilled.TYPE.equals(command.type())) {
                throw new MalformedEvent("timesheet-service does not know the command " + command.type());
            }
            MarkEntriesBilled c = inbox.payload(command, MarkEntriesBilled.class);
            if (c.invoiceRunId() == null || c.entryIds() == null || c.entryIds().isEmpty()) {
                throw new MalformedEvent(command.type() + " " + command.id() + " lacks invoiceRunId or entryIds");
            }
            approval.markBilled(c.invoiceRunId(), c.customerId(), c.invoiceNumber(), c.entryIds());
        });
    }
}
