package org.hourbill.billing.adapter.in.messaging;

import java.util.List;
import java.util.function.Consumer;

import org.hourbill.billing.application.InvoiceRunner;
import org.hourbill.billing.application.VoidedInvoices;
import org.hourbill.frameorder.events.FrameOrderDrawDownRejected;
import org.hourbill.frameorder.events.FrameOrderDrawDownReversed;
import org.hourbill.frameorder.events.FrameOrderDrawnDown;
import org.hourbill.invoice.events.InvoiceIssued;
import org.hourbill.invoice.events.InvoiceRequestRejected;
import org.hourbill.invoice.events.InvoiceRequestWithdrawn;
import org.hourbill.invoice.events.InvoiceVoided;
import org.hourbill.platform.messaging.EventInbox;
import org.hourbill.platform.messaging.MalformedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Bindings {@code frameOrderEvents-in-0} and {@code invoiceEvents-in-0}: the participants' answers to invoice runs,
 * and voided invoices, whose entries come back to the pool or are written off.
 * The run id travels as the draw-down id and the invoice run id. Other events on these topics are skipped.
 */
@Configuration(proxyBeanMethods = false)
class InvoiceRunAnswersConsumer {
    private static final Logger log = LoggerFactory.getLogger(InvoiceRunAnswersConsumer.class);

    @Bean
    Consumer<Message<List<byte[]>>> frameOrderEvents(EventInbox inbox, InvoiceRunner runner) {
        return poll -> inbox.receiveAll(TimesheetEventsConsumer.CONSUMER, poll, event -> {
            switch (event.type()) {
                case FrameOrderDrawnDown.TYPE -> {
                    var e = inbox.payload(event, FrameOrderDrawnDown.class);
                    runner.drawnDown(e.drawDownId(), e.poNumber());
                }
                case FrameOrderDrawDownRejected.TYPE -> {
                    var e = inbox.payload(event, FrameOrderDrawDownRejected.class);
                    runner.drawDownRejected(e.drawDownId(), e.reason());
                }
                case FrameOrderDrawDownReversed.TYPE -> runner.drawDownReversed(inbox.payload(event, FrameOrderDrawDownReversed.class).drawDownId());
                default -> log.debug("skipping {}", event.type());
            }
        });
    }

    @Bean
    Consumer<Message<List<byte[]>>> invoiceEvents(EventInbox inbox, InvoiceRunner runner, VoidedInvoices voidedInvoices) {
        return poll -> inbox.receiveAll(TimesheetEventsConsumer.CONSUMER, poll, event -> {
            switch (event.type()) {
                case InvoiceIssued.TYPE -> {
                    var e = inbox.payload(event, InvoiceIssued.class);
                    if (e.invoiceRunId() != null) runner.invoiceIssued(e.invoiceRunId(), e.number());
                }
                case InvoiceRequestRejected.TYPE -> {
                    var e = inbox.payload(event, InvoiceRequestRejected.class);
                    runner.invoiceNotIssued(e.invoiceRunId(), "invoice-service refused the invoice: " + e.reason());
                }
                case InvoiceRequestWithdrawn.TYPE -> {
                    var e = inbox.payload(event, InvoiceRequestWithdrawn.class);
                    runner.invoiceNotIssued(e.invoiceRunId(), e.reason());
                }
                case InvoiceVoided.TYPE -> {
                    var e = inbox.payload(event, InvoiceVoided.class);
                    if (e.number() == null || e.entryIds() == null) {
                        throw new MalformedEvent(event.type() + " " + event.id() + " lacks the invoice number or its entries");
                    }
                    voidedInvoices.voided(e);
                }
                default -> log.debug("skipping {}", event.type());
            }
        });
    }
}
