package org.hourbill.billing.adapter.out.messaging;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.hourbill.billing.application.InvoiceRunMessenger;
import org.hourbill.billing.domain.BillingCustomer;
import org.hourbill.billing.domain.UnbilledEntry;
import org.hourbill.billing.domain.plan.BillingProject;
import org.hourbill.billing.domain.review.BillLine;
import org.hourbill.billing.domain.review.BillingReview;
import org.hourbill.billing.domain.review.ReviewLine;
import org.hourbill.billing.domain.run.InvoiceRun;
import org.hourbill.frameorder.events.DrawDownFrameOrder;
import org.hourbill.frameorder.events.FrameOrderTopics;
import org.hourbill.frameorder.events.ReverseFrameOrderDrawDown;
import org.hourbill.invoice.events.InvoiceTopics;
import org.hourbill.invoice.events.IssueInvoice;
import org.hourbill.invoice.events.IssueInvoiceV2;
import org.hourbill.invoice.events.WithdrawInvoiceRequest;
import org.hourbill.platform.outbox.Outbox;
import org.hourbill.platform.outbox.OutgoingEvent;
import org.hourbill.timesheet.events.LockEntries;
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
    public void drawDown(InvoiceRun run, BigDecimal hours, LocalDate workedFrom, LocalDate workedTo, String reference) {
        send(FrameOrderTopics.COMMANDS, DrawDownFrameOrder.TYPE, "frame-order", run.frameOrderId(), run,
                new DrawDownFrameOrder(run.id(), run.frameOrderId(), run.customerId(), run.issueDate(), hours, reference, workedFrom, workedTo));
    }

    @Override
    public void reverseDrawDown(InvoiceRun run, String reason) {
        send(FrameOrderTopics.COMMANDS, ReverseFrameOrderDrawDown.TYPE, "frame-order", run.frameOrderId(), run,
                new ReverseFrameOrderDrawDown(run.id(), run.frameOrderId(), reason));
    }

    /** The bill as {@code IssueInvoice.v2}: entries billed by the hour, then the review's other lines in their order. */
    @Override
    public void issueInvoice(InvoiceRun run, BillingReview review, BillingCustomer c) {
        var o = review.options();
        BillingProject project = review.project();
        List<IssueInvoiceV2.Line> lines = new ArrayList<>();
        for (ReviewLine l : review.billed()) {
            UnbilledEntry e = l.entry();
            String capped = l.cappedHours().signum() == 0 ? null
                    : "capped: " + l.billedHours() + " of " + e.hours() + " h billed, the rest is beyond the project's cap";
            lines.add(new IssueInvoiceV2.Line("TIME", List.of(e.entryId()), e.date(), e.projectId(), e.billingType(), e.task(),
                    e.resourceName(), e.role(), e.description(), capped, l.billedHours(), "HUR", e.rate(), false, null));
        }
        for (BillLine b : review.billLines()) {
            String detail = b.cappedQuantity().signum() == 0 ? b.detail()
                    : join(b.detail(), "capped: " + b.billedQuantity() + " of " + b.quantity() + " days billed");
            String billingType = project != null ? project.billingType().name() : entryBillingType(review, b);
            lines.add(new IssueInvoiceV2.Line(b.kind().name(), b.coveredEntryIds(), b.to(), b.projectId(), billingType, b.activityType(),
                    b.resourceName(), null, b.description(), detail, b.billedQuantity(), b.unit(), b.unitPrice(), b.amendment(),
                    b.termId()));
        }
        boolean frameOrder = run.frameOrderId() != null;
        String poNumber = o.poNumber() != null ? o.poNumber() : run.frameOrderPoNumber();
        var contact = o.billContact() == null ? null : new IssueInvoiceV2.Contact(o.billContact().name(), o.billContact().email());
        var r = o.paymentRecipient();
        var recipient = r == null ? null : new IssueInvoiceV2.PaymentRecipient(r.name(), r.iban(), r.bic(), r.bankName());
        var bill = new IssueInvoiceV2.Bill(project == null ? null : project.id(), project == null ? null : project.billingType().name(),
                contact, recipient, o.responsible(), o.comments(), o.orderAmount());
        send(InvoiceTopics.COMMANDS, IssueInvoiceV2.TYPE, "customer", run.customerId(), run, new IssueInvoiceV2(run.id(), null,
                new IssueInvoice.Buyer(c.id(), c.name(), c.address(), c.taxId()), c.currency(), c.taxRate(), run.issueDate(),
                o.periodFrom(), o.periodTo(), o.paymentTermsDays(), poNumber, run.frameOrderId(),
                frameOrder ? run.frameOrderPoNumber() : null, frameOrder ? run.id() : null, o.notes(), bill, lines));
    }

    /** An activity line of a customer-wide review is capped or not as the entries it covers. */
    private static String entryBillingType(BillingReview review, BillLine line) {
        return review.lines().stream().filter(l -> line.coveredEntryIds().contains(l.entry().entryId()))
                .map(l -> l.entry().billingType()).findFirst().orElse("TIME_AND_MATERIALS");
    }

    private static String join(String a, String b) {
        return a == null || a.isBlank() ? b : a + "; " + b;
    }

    @Override
    public void withdrawInvoice(InvoiceRun run, String reason) {
        send(InvoiceTopics.COMMANDS, WithdrawInvoiceRequest.TYPE, "customer", run.customerId(), run,
                new WithdrawInvoiceRequest(run.id(), run.customerId(), reason));
    }

    @Override
    public void lockEntries(InvoiceRun run, List<UUID> entryIds) {
        send(TimesheetTopics.COMMANDS, LockEntries.TYPE, "customer", run.customerId(), run,
                new LockEntries(run.id(), run.customerId(), entryIds));
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
