package org.hourbill.invoice.adapter.in.messaging;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.hourbill.invoice.application.InvoiceLifecycle;
import org.hourbill.payment.events.InvoicePaid;
import org.hourbill.payment.events.PaymentRecorded;
import org.hourbill.payment.events.PaymentReversed;
import org.hourbill.platform.messaging.EventInbox;
import org.hourbill.platform.messaging.MalformedEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Binding {@code paymentEvents-in-0}: payment-service keeps the money; this keeps each invoice's amount paid and
 * open as payment-service announces them, and moves it to Paid (or back from Paid) when it says so.
 */
@Configuration(proxyBeanMethods = false)
class PaymentEventsConsumer {
    private static final Set<String> USED = Set.of(PaymentRecorded.TYPE, PaymentReversed.TYPE, InvoicePaid.TYPE);

    @Bean
    Consumer<Message<List<byte[]>>> paymentEvents(EventInbox inbox, InvoiceLifecycle lifecycle) {
        return poll -> inbox.receiveAll("invoice-service", poll, USED::contains, event -> {
            switch (event.type()) {
                case PaymentRecorded.TYPE -> {
                    PaymentRecorded e = inbox.payload(event, PaymentRecorded.class);
                    if (e.invoiceId() == null || e.amountPaid() == null) throw malformed(event.type(), event.id());
                    lifecycle.paymentsChanged(e.invoiceId(), e.amountPaid(), "payment " + e.paymentId() + " recorded");
                }
                case PaymentReversed.TYPE -> {
                    PaymentReversed e = inbox.payload(event, PaymentReversed.class);
                    if (e.invoiceId() == null || e.amountPaid() == null) throw malformed(event.type(), event.id());
                    lifecycle.paymentsChanged(e.invoiceId(), e.amountPaid(), "payment " + e.paymentId() + " reversed: " + e.reason());
                }
                case InvoicePaid.TYPE -> {
                    InvoicePaid e = inbox.payload(event, InvoicePaid.class);
                    if (e.invoiceId() == null || e.paidOn() == null) throw malformed(event.type(), event.id());
                    lifecycle.paid(e.invoiceId(), e.paidOn(), e.amountPaid());
                }
                default -> throw new IllegalStateException("filtered out above: " + event.type());
            }
        });
    }

    private static MalformedEvent malformed(String type, String id) {
        return new MalformedEvent(type + " " + id + " lacks the invoice or its amounts");
    }
}
