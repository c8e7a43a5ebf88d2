package org.hourbill.billing.adapter.out.messaging;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.hourbill.billing.application.InvoiceRunMessenger;
import org.hourbill.billing.domain.BillingCustomer;
import org.hourbill.billing.domain.UnbilledEntry;
import org.hourbill.billing.domain.review.BillingReview;
import org.hourbill.billing.domain.run.InvoiceRun;
import org.hourbill.frameorder.events.DrawDownFrameOrder;
import org.hourbill.frameorder.events.FrameOrderTopics;
import org.hourbill.frameorder.events.ReverseFrameOrderDrawDown;
import org.hourbill.invoice.events.InvoiceTopics;
import org.hourbill.invoice.events.IssueInvoice;
import org.hourbill.invoice.events.WithdrawInvoiceRequest;
import org.hourbill.platform.outbox.Outbox;
import org.hourbill.platform.outbox.OutgoingEvent;
import org.hourbill.timesheet.events.MarkEntriesBilled;
import org.hourbill.timesheet.events.TimesheetTopics;
import org.springframework.stereotype.Component;

/**
 * The run's requests as commands of the other services' published contracts, written to billing's outbox. The run id
 * is the idempotency key everywhere (and the draw-down id), so a repeated request has one effect.
 */
@Component
class OutboxInvoiceRunMessenger implements InvoiceRunMessenger {
    private final Outbox outbox;

    OutboxInvoiceRunMessenger(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void drawDown(InvoiceRun run, BigDecimal hours, String reference) {
        send(FrameOrderTopics.COMMANDS, DrawDownFrameOrder.TYPE, "frame-order", run.frameOrderId(), run,
                new DrawDownFrameOrder(run.id(), run.frameOrderId(), run.customerId(), run.issueDate(), hours, reference));
    }

    @Override
    public void reverseDrawDown(InvoiceRun run, String reason) {
        send(FrameOrderTopics.COMMANDS, ReverseFrameOrderDrawDown.TYPE, "frame-order", run.frameOrderId(), run,
                new ReverseFrameOrderDrawDown(run.id(), run.frameOrderId(), reason));
    }

    @Override
    public void issueInvoice(InvoiceRun run, BillingReview review, BillingCustomer c) {
        var o = review.options();
        List<IssueInvoice.Line> lines = review.billed().stream().map(l -> {
            UnbilledEntry e = l.entry();
            return new IssueInvoice.Line(e.entryId(), e.date(), e.projectId(), e.task(), e.resourceName(), e.role(), e.description(),
                    e.hours(), e.rate());
        }).toList();
        boolean frameOrder = run.frameOrderId() != null;
        String poNumber = o.poNumber() != null ? o.poNumber() : run.frameOrderPoNumber();
        send(InvoiceTopics.COMMANDS, IssueInvoice.TYPE, "customer", run.customerId(), run, new IssueInvoice(run.id(), null,
                new IssueInvoice.Buyer(c.id(), c.name(), c.address(), c.taxId()), c.currency(), c.taxRate(), run.issueDate(),
                o.periodFrom(), o.periodTo(), o.paymentTermsDays(), poNumber, run.frameOrderId(),
                frameOrder ? run.frameOrderPoNumber() : null, frameOrder ? run.id() : null, o.notes(), lines));
    }

    @Override
    public void withdrawInvoice(InvoiceRun run, String reason) {
        send(InvoiceTopics.COMMANDS, WithdrawInvoiceRequest.TYPE, "customer", run.customerId(), run,
                new WithdrawInvoiceRequest(run.id(), run.customerId(), reason));
    }

    @Override
    public void markEntriesBilled(InvoiceRun run, String invoiceNumber, List<UUID> entryIds) {
        send(TimesheetTopics.COMMANDS, MarkEntriesBilled.TYPE, "customer", run.customerId(), run,
                new MarkEntriesBilled(run.id(), run.customerId(), invoiceNumber, entryIds));
    }

    private void send(String topic, String type, String aggregateType, UUID key, InvoiceRun run, Object command) {
        outbox.append(new OutgoingEvent(topic, type, aggregateType, key.toString(), "invoice-run/" + run.id(), command));
    }
}
