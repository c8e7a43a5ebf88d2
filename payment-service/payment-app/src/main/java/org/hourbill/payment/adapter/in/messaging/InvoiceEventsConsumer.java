package org.hourbill.payment.adapter.in.messaging;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.hourbill.invoice.events.InvoiceIssued;
import org.hourbill.invoice.events.InvoiceVoided;
import org.hourbill.payment.application.ReceivableLedger;
import org.hourbill.payment.domain.Receivable;
import org.hourbill.payment.domain.ReceivableStatus;
import org.hourbill.platform.messaging.EventInbox;
import org.hourbill.platform.messaging.MalformedEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Binding {@code invoiceEvents-in-0}: an issued invoice becomes a receivable; a voided one stops being one. */
@Configuration(proxyBeanMethods = false)
class InvoiceEventsConsumer {
    private static final Set<String> USED = Set.of(InvoiceIssued.TYPE, InvoiceVoided.TYPE);

    @Bean
    Consumer<Message<List<byte[]>>> invoiceEvents(EventInbox inbox, ReceivableLedger ledger) {
        return poll -> inbox.receiveAll("payment-service", poll, USED::contains, event -> {
            if (InvoiceIssued.TYPE.equals(event.type())) {
                InvoiceIssued e = inbox.payload(event, InvoiceIssued.class);
                if (e.invoiceId() == null || e.customerId() == null || e.total() == null || e.currency() == null
                        || e.issueDate() == null || e.dueDate() == null) {
                    throw new MalformedEvent(event.type() + " " + event.id() + " lacks the invoice, customer, total or dates");
                }
                ledger.issued(new Receivable(e.invoiceId(), e.number(), e.customerId(), e.currency(), e.issueDate(), e.dueDate(),
                        e.total(), BigDecimal.ZERO.setScale(e.total().scale()), ReceivableStatus.OPEN, null));
            } else {
                InvoiceVoided e = inbox.payload(event, InvoiceVoided.class);
                if (e.invoiceId() == null) throw new MalformedEvent(event.type() + " " + event.id() + " has no invoiceId");
                ledger.voided(e.invoiceId());
            }
        });
    }
}
