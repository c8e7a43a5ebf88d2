package org.hourbill.frameorder.adapter.in.messaging;

import java.util.function.Consumer;

import org.hourbill.frameorder.application.FrameOrderLedger;
import org.hourbill.invoice.events.InvoiceIssued;
import org.hourbill.platform.messaging.EventInbox;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Binding {@code invoiceEvents-in-0}: writes the invoice number next to the draw-down it billed. */
@Configuration(proxyBeanMethods = false)
class InvoiceEventsConsumer {
    @Bean
    Consumer<Message<byte[]>> invoiceEvents(EventInbox inbox, FrameOrderLedger ledger) {
        return message -> inbox.receive("frame-order-service", message, InvoiceIssued.TYPE::equals, event -> {
            InvoiceIssued issued = inbox.payload(event, InvoiceIssued.class);
            if (issued.frameOrderDrawDownId() != null) ledger.invoiceIssued(issued.frameOrderDrawDownId(), issued.number());
        });
    }
}
