package org.hourbill.invoice.adapter.out.document;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.hourbill.invoice.domain.BillDetails;
import org.hourbill.invoice.domain.CreditNote;
import org.hourbill.invoice.domain.Invoice;
import org.hourbill.invoice.domain.InvoiceLine;
import org.hourbill.invoice.domain.Party;
import org.hourbill.invoice.domain.Seller;

/** What a printed invoice or credit note shows, taken from the frozen document and nothing else. */
record PrintedDocument(UUID id, boolean creditNote, String number, Seller seller, Party buyer, String currency,
        LocalDate issueDate, LocalDate dueDate, LocalDate periodFrom, LocalDate periodTo, Integer paymentTermsDays,
        String poNumber, String frameOrderPoNumber, String precedingInvoiceNumber, LocalDate precedingInvoiceDate,
        String notes, List<InvoiceLine> lines, BigDecimal totalHours, BigDecimal subtotal, BigDecimal taxRate,
        BigDecimal taxAmount, BigDecimal total, Instant issuedAt, BillDetails bill, BigDecimal percentOfOrder) {

    static PrintedDocument of(Invoice i) {
        return new PrintedDocument(i.id(), false, i.number(), i.seller(), i.buyer(), i.currency(), i.issueDate(), i.dueDate(),
                i.periodFrom(), i.periodTo(), i.paymentTermsDays(), i.poNumber(),
                i.frameOrder() == null ? null : i.frameOrder().poNumber(), null, null, i.notes(), i.lines(), i.totalHours(),
                i.subtotal(), i.taxRate(), i.taxAmount(), i.total(), i.issuedAt(), i.bill(), i.percentOfOrder());
    }

    static PrintedDocument of(CreditNote c, Invoice cancelled) {
        return new PrintedDocument(c.id(), true, c.number(), c.seller(), c.buyer(), c.currency(), c.issueDate(), null,
                cancelled.periodFrom(), cancelled.periodTo(), null, cancelled.poNumber(),
                cancelled.frameOrder() == null ? null : cancelled.frameOrder().poNumber(), c.invoiceNumber(), c.invoiceIssueDate(),
                c.reason(), c.lines(), c.totalHours(), c.subtotal(), c.taxRate(), c.taxAmount(), c.total(), c.issuedAt(),
                cancelled.bill(), null);
    }

    /** Who is paid: the bill's payment recipient when it has an account, else the seller. */
    String payeeName() {
        return recipientAccount() ? bill.paymentRecipient().name() : seller.name();
    }

    boolean recipientAccount() {
        return bill.paymentRecipient() != null && bill.paymentRecipient().iban() != null;
    }

    String title() {
        return creditNote ? "Credit note" : "Invoice";
    }
}
