package org.hourbill.invoice.adapter.in.messaging;

import java.util.List;
import java.util.function.Consumer;

import org.hourbill.invoice.application.InvoiceIssuing;
import org.hourbill.invoice.domain.BillDetails;
import org.hourbill.invoice.domain.Invoice;
import org.hourbill.invoice.domain.InvoiceRequest;
import org.hourbill.invoice.domain.LineKind;
import org.hourbill.invoice.domain.Party;
import org.hourbill.invoice.events.IssueInvoice;
import org.hourbill.invoice.events.IssueInvoiceV2;
import org.hourbill.invoice.events.WithdrawInvoiceRequest;
import org.hourbill.platform.messaging.EventInbox;
import org.hourbill.platform.messaging.MalformedEvent;
import org.hourbill.platform.tracing.MessageTracing;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Binding {@code invoiceCommands-in-0}: invoice requests from billing's invoice runs, and their withdrawals. */
@Configuration(proxyBeanMethods = false)
class InvoiceCommandsConsumer {
    @Bean
    Consumer<Message<List<byte[]>>> invoiceCommands(EventInbox inbox, InvoiceIssuing issuing, MessageTracing tracing) {
        return poll -> inbox.receiveAll("invoice-service", poll, command -> {
            switch (command.type()) {
                case IssueInvoice.TYPE -> {
                    IssueInvoice c = inbox.payload(command, IssueInvoice.class);
                    if (c.invoiceRunId() == null) throw new MalformedEvent(command.type() + " " + command.id() + " has no invoiceRunId");
                    issuing.issue(request(c)).ifPresent(invoice -> findable(tracing, invoice));
                }
                case IssueInvoiceV2.TYPE -> {
                    IssueInvoiceV2 c = inbox.payload(command, IssueInvoiceV2.class);
                    if (c.invoiceRunId() == null) throw new MalformedEvent(command.type() + " " + command.id() + " has no invoiceRunId");
                    issuing.issue(request(c)).ifPresent(invoice -> findable(tracing, invoice));
                }
                case WithdrawInvoiceRequest.TYPE -> {
                    WithdrawInvoiceRequest c = inbox.payload(command, WithdrawInvoiceRequest.class);
                    if (c.invoiceRunId() == null) throw new MalformedEvent(command.type() + " " + command.id() + " has no invoiceRunId");
                    issuing.withdraw(c.invoiceRunId(), c.customerId(), c.reason() == null ? "withdrawn" : c.reason());
                }
                default -> throw new MalformedEvent("invoice-service does not know the command " + command.type());
            }
        });
    }

    /** The trace of an invoice is found by its number (Zipkin: {@code invoice.number=...}). */
    private static void findable(MessageTracing tracing, Invoice invoice) {
        tracing.tagCurrent("invoice.number", invoice.number());
        tracing.tagCurrent("invoice.run.id", String.valueOf(invoice.invoiceRunId()));
    }

    private static InvoiceRequest request(IssueInvoice c) {
        IssueInvoice.Buyer b = c.buyer();
        List<IssueInvoice.Line> lines = c.lines() == null ? List.of() : c.lines();
        return new InvoiceRequest(c.invoiceRunId(), c.series(),
                b == null ? null : new Party(b.customerId(), b.name(), b.address(), b.taxId()), c.currency(), c.taxRate(),
                c.issueDate(), c.periodFrom(), c.periodTo(), c.paymentTermsDays(), c.poNumber(),
                c.frameOrderId() == null ? null
                        : new InvoiceRequest.FrameOrderReference(c.frameOrderId(), c.frameOrderPoNumber(), c.frameOrderDrawDownId()),
                c.notes(), BillDetails.NONE, lines.stream().map(l -> InvoiceRequest.RequestedLine.time(l.entryId(), l.date(),
                        l.projectId(), l.task(), l.resourceName(), l.role(), l.description(), l.hours(), l.rate())).toList());
    }

    private static InvoiceRequest request(IssueInvoiceV2 c) {
        IssueInvoice.Buyer b = c.buyer();
        List<IssueInvoiceV2.Line> lines = c.lines() == null ? List.of() : c.lines();
        return new InvoiceRequest(c.invoiceRunId(), c.series(),
                b == null ? null : new Party(b.customerId(), b.name(), b.address(), b.taxId()), c.currency(), c.taxRate(),
                c.issueDate(), c.periodFrom(), c.periodTo(), c.paymentTermsDays(), c.poNumber(),
                c.frameOrderId() == null ? null
                        : new InvoiceRequest.FrameOrderReference(c.frameOrderId(), c.frameOrderPoNumber(), c.frameOrderDrawDownId()),
                c.notes(), bill(c.bill()), lines.stream().map(l -> new InvoiceRequest.RequestedLine(kind(l.kind()), l.entryIds(), l.date(),
                        l.projectId(), l.billingType(), l.task(), l.resourceName(), l.role(), l.description(), l.detail(), l.quantity(),
                        l.unit(), l.unitPrice(), l.amendment(), l.termId())).toList());
    }

    private static BillDetails bill(IssueInvoiceV2.Bill b) {
        if (b == null) return BillDetails.NONE;
        var contact = b.billContact() == null ? null : new BillDetails.Contact(b.billContact().name(), b.billContact().email());
        var r = b.paymentRecipient();
        return new BillDetails(b.projectId(), b.billingType(), contact,
                r == null ? null : new BillDetails.PaymentRecipient(r.name(), r.iban(), r.bic(), r.bankName()), b.responsible(),
                b.comments(), b.orderAmount());
    }

    private static LineKind kind(String kind) {
        try {
            return kind == null ? LineKind.TIME : LineKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            throw new MalformedEvent("unknown bill line kind " + kind);
        }
    }
}
