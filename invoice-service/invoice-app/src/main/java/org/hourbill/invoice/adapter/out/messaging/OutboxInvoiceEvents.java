package org.hourbill.invoice.adapter.out.messaging;

import java.util.UUID;

import org.hourbill.invoice.application.InvoiceEventPublisher;
import org.hourbill.invoice.domain.CreditNote;
import org.hourbill.invoice.domain.EntryDisposition;
import org.hourbill.invoice.domain.Invoice;
import org.hourbill.invoice.domain.InvoiceState;
import org.hourbill.invoice.events.CreditNoteIssued;
import org.hourbill.invoice.events.InvoiceIssued;
import org.hourbill.invoice.events.InvoiceRequestRejected;
import org.hourbill.invoice.events.InvoiceRequestWithdrawn;
import org.hourbill.invoice.events.InvoiceSent;
import org.hourbill.invoice.events.InvoiceTopics;
import org.hourbill.invoice.events.InvoiceVoided;
import org.hourbill.platform.outbox.Outbox;
import org.hourbill.platform.outbox.OutgoingEvent;
import org.springframework.stereotype.Component;

/** Writes invoice events to the outbox, keyed by customer. */
@Component
class OutboxInvoiceEvents implements InvoiceEventPublisher {
    private final Outbox outbox;

    OutboxInvoiceEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void issued(Invoice i) {
        var fo = i.frameOrder();
        publish(InvoiceIssued.TYPE, i.buyer().customerId(), "invoice/" + i.number(), new InvoiceIssued(i.id(), i.invoiceRunId(),
                i.number(), i.buyer().customerId(), i.issueDate(), i.dueDate(), i.currency(), i.subtotal(), i.taxAmount(),
                i.total(), i.totalHours(), i.poNumber(), fo == null ? null : fo.frameOrderId(), fo == null ? null : fo.drawDownId(),
                i.entryIds()));
    }

    @Override
    public void rejected(UUID runId, UUID customerId, String reason) {
        publish(InvoiceRequestRejected.TYPE, customerId, "invoice-run/" + runId, new InvoiceRequestRejected(runId, customerId, reason));
    }

    @Override
    public void withdrawn(UUID runId, UUID customerId, String reason) {
        publish(InvoiceRequestWithdrawn.TYPE, customerId, "invoice-run/" + runId, new InvoiceRequestWithdrawn(runId, customerId, reason));
    }

    @Override
    public void sent(Invoice i, InvoiceState state, String by) {
        publish(InvoiceSent.TYPE, i.buyer().customerId(), "invoice/" + i.number(), new InvoiceSent(i.id(), i.number(),
                i.buyer().customerId(), state.sentOn(), state.sendMode().name(), by));
    }

    @Override
    public void voided(Invoice i, CreditNote c, EntryDisposition entries, String by) {
        var fo = i.frameOrder();
        publish(InvoiceVoided.TYPE, i.buyer().customerId(), "invoice/" + i.number(), new InvoiceVoided(i.id(), i.number(),
                i.buyer().customerId(), c.id(), c.number(), c.issueDate(), c.reason(), by, fo == null ? null : fo.frameOrderId(),
                fo == null ? null : fo.drawDownId(), i.totalHours(), i.entryIds(), entries.name()));
    }

    @Override
    public void creditNoteIssued(CreditNote c) {
        publish(CreditNoteIssued.TYPE, c.buyer().customerId(), "credit-note/" + c.number(), new CreditNoteIssued(c.id(), c.number(),
                c.invoiceId(), c.invoiceNumber(), c.buyer().customerId(), c.issueDate(), c.currency(), c.subtotal(), c.taxAmount(),
                c.total(), c.reason()));
    }

    private void publish(String type, UUID customerId, String subject, Object payload) {
        String key = customerId == null ? "unknown" : customerId.toString();
        outbox.append(new OutgoingEvent(InvoiceTopics.EVENTS, type, "customer", key, subject, payload));
    }
}
