package org.hourbill.frameorder.adapter.in.messaging;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.hourbill.frameorder.application.FrameOrderLedger;
import org.hourbill.invoice.events.InvoiceIssued;
import org.hourbill.invoice.events.InvoiceVoided;
import org.hourbill.platform.messaging.EventInbox;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Binding {@code invoiceEvents-in-0}: writes the invoice number next to the draw-down it billed, and gives a
 * voided invoice's hours back to its frame order.
 */
@Configuration(proxyBeanMethods = false)
class InvoiceEventsConsumer {
    private static final Set<String> USED = Set.of(InvoiceIssued.TYPE, InvoiceVoided.TYPE);

    @Bean
    Consumer<Message<List<byte[]>>> invoiceEvents(EventInbox inbox, FrameOrderLedger ledger) {
        return poll -> inbox.receiveAll("frame-order-service", poll, USED::contains, event -> {
            if (InvoiceIssued.TYPE.equals(event.type())) {
                InvoiceIssued issued = inbox.payload(event, InvoiceIssued.class);
                if (issued.frameOrderDrawDownId() != null) ledger.invoiceIssued(issued.frameOrderDrawDownId(), issued.number());
            } else {
                InvoiceVoided voided = inbox.payload(event, InvoiceVoided.class);
                if (voided.frameOrderDrawDownId() != null && voided.frameOrderId() != null) {
                    ledger.reverse(voided.frameOrderDrawDownId(), voided.frameOrderId(),
                            "invoice " + voided.number() + " voided by credit note " + voided.creditNoteNumber());
                }
            }
        });
    }
}
