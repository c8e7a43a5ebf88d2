package org.hourbill.timesheet.adapter.in.messaging;

import java.util.List;
import java.util.function.Consumer;

import org.hourbill.invoice.events.InvoiceIssued;
import org.hourbill.platform.messaging.EventInbox;
import org.hourbill.platform.messaging.MalformedEvent;
import org.hourbill.timesheet.application.TimesheetApproval;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Binding {@code invoiceEvents-in-0}: an issued invoice names the time entries it bills. Its run locked them before
 * the invoice (LockEntries), so usually nothing changes here; entries that run could not lock, or did not ask for (a
 * run started before runs asked), are locked now and reported to the run (EntriesBilled) without waiting to be asked.
 * Billing asks (MarkEntriesBilled) only when that answer is late; locking twice changes nothing. Invoices of terms or
 * manual lines only bill no entry and are skipped, as are the topic's other events.
 */
@Configuration(proxyBeanMethods = false)
class IssuedInvoicesConsumer {
    @Bean
    Consumer<Message<List<byte[]>>> invoiceEvents(EventInbox inbox, TimesheetApproval approval) {
        return poll -> inbox.receiveAll("timesheet-service", poll, InvoiceIssued.TYPE::equals, event -> {
            InvoiceIssued issued = inbox.payload(event, InvoiceIssued.class);
            if (issued.entryIds() == null || issued.entryIds().isEmpty()) return;
            if (issued.invoiceRunId() == null || issued.number() == null || issued.entryIds().contains(null)) {
                throw new MalformedEvent(event.type() + " " + event.id() + " lacks invoiceRunId, number or an entry id");
            }
            approval.markBilled(issued.invoiceRunId(), issued.customerId(), issued.number(), issued.entryIds(), false);
        });
    }
}
