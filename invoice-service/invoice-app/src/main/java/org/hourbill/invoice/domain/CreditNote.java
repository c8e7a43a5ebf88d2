package org.hourbill.invoice.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.hourbill.platform.problem.InvalidField;

/**
 * A credit note: a document of its own, numbered in its own series, that cancels one invoice in full. Its lines
 * are the invoice's lines negated, so its totals are exactly the invoice's totals negated (EN 16931 document type
 * 381 referencing the invoice). Frozen like an invoice.
 */
public record CreditNote(UUID id, String series, String number, UUID invoiceId, String invoiceNumber, LocalDate invoiceIssueDate,
        Seller seller, Party buyer, String currency, LocalDate issueDate, String reason, List<InvoiceLine> lines,
        BigDecimal totalHours, BigDecimal subtotal, BigDecimal taxRate, BigDecimal taxAmount, BigDecimal total,
        Instant issuedAt) {

    public static CreditNote cancelling(Invoice invoice, String series, String number, LocalDate issueDate, String reason,
            Instant issuedAt) {
        return cancelling(UUID.randomUUID(), invoice, series, number, issueDate, reason, issuedAt);
    }

    /** A credit note as stored: its lines and totals follow from the frozen invoice it cancels. */
    public static CreditNote cancelling(UUID id, Invoice invoice, String series, String number, LocalDate issueDate, String reason,
            Instant issuedAt) {
        if (reason == null || reason.isBlank()) throw new InvalidField("reason", "say why the invoice is voided");
        if (issueDate.isBefore(invoice.issueDate())) {
            throw new InvalidField("voidedOn", "invoice " + invoice.number() + " was issued on "
                    + invoice.issueDate() + "; it cannot be voided on " + issueDate);
        }
        List<InvoiceLine> negated = invoice.lines().stream().map(InvoiceLine::negated).toList();
        return new CreditNote(id, series, number, invoice.id(), invoice.number(), invoice.issueDate(), invoice.seller(),
                invoice.buyer(), invoice.currency(), issueDate, reason, negated, invoice.totalHours().negate(),
                invoice.subtotal().negate(), invoice.taxRate(), invoice.taxAmount().negate(), invoice.total().negate(), issuedAt);
    }
}
