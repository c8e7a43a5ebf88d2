package org.hourbill.payment.adapter.out.messaging;

import org.hourbill.payment.application.PaymentEventPublisher;
import org.hourbill.payment.domain.Payment;
import org.hourbill.payment.domain.Receivable;
import org.hourbill.payment.events.InvoicePaid;
import org.hourbill.payment.events.PaymentRecorded;
import org.hourbill.payment.events.PaymentReversed;
import org.hourbill.payment.events.PaymentTopics;
import org.hourbill.platform.outbox.Outbox;
import org.hourbill.platform.outbox.OutgoingEvent;
import org.springframework.stereotype.Component;

/** Writes payment events to the outbox, keyed by customer. */
@Component
class OutboxPaymentEvents implements PaymentEventPublisher {
    private final Outbox outbox;

    OutboxPaymentEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void recorded(Payment p, Receivable after) {
        publish(PaymentRecorded.TYPE, after, "payment/" + p.id(), new PaymentRecorded(p.id(), p.invoiceId(), after.number(),
                p.customerId(), p.paidOn(), p.mode().name(), p.currency(), p.amount(), p.fee(), p.credit(), p.appliedToInvoice(),
                p.excessToCredit(), p.reference(), after.amountPaid(), after.amountOpen()));
    }

    @Override
    public void reversed(Payment p, Receivable after) {
        publish(PaymentReversed.TYPE, after, "payment/" + p.id(), new PaymentReversed(p.id(), p.invoiceId(), after.number(),
                p.customerId(), p.reversedOn(), p.reversalReason(), p.currency(), p.amount(), after.amountPaid(), after.amountOpen()));
    }

    @Override
    public void invoicePaid(Receivable r) {
        publish(InvoicePaid.TYPE, r, "invoice/" + r.number(), new InvoicePaid(r.invoiceId(), r.number(), r.customerId(), r.paidOn(),
                r.currency(), r.amountPaid()));
    }

    private void publish(String type, Receivable r, String subject, Object payload) {
        outbox.append(new OutgoingEvent(PaymentTopics.EVENTS, type, "customer", r.customerId().toString(), subject, payload));
    }
}
