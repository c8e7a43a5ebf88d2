package org.hourbill.invoice.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.hourbill.platform.problem.ConflictingState;
import org.hourbill.platform.problem.InvalidField;

/**
 * The moving part of an invoice: its status, when and how it was sent, what has been paid, and the credit note
 * that voided it. Each transition checks that it is legal and returns the new state with the audit line that
 * records it. Payments are recorded by payment-service; this keeps the figures it announces.
 */
public record InvoiceState(UUID invoiceId, String number, LocalDate issueDate, String currency, BigDecimal total,
        InvoiceStatus status, LocalDate sentOn, SendMode sendMode, BigDecimal amountPaid, LocalDate paidOn,
        UUID creditNoteId) {

    public static InvoiceState issued(Invoice i) {
        return new InvoiceState(i.id(), i.number(), i.issueDate(), i.currency(), i.total(), InvoiceStatus.ISSUED, null, null,
                BigDecimal.ZERO.setScale(i.total().scale()), null, null);
    }

    public BigDecimal amountOpen() {
        return status == InvoiceStatus.VOID ? BigDecimal.ZERO.setScale(total.scale()) : total.subtract(amountPaid);
    }

    public boolean overdue(LocalDate today, LocalDate dueDate) {
        return (status == InvoiceStatus.ISSUED || status == InvoiceStatus.SENT) && dueDate.isBefore(today);
    }

    /** The result of a transition: the new state and its audit line. */
    public record Moved(InvoiceState state, StatusChange change) {
    }

    public Moved send(LocalDate on, SendMode mode, String by, Instant at) {
        if (mode == null) throw new InvalidField("mode", "say how the invoice was sent: EMAIL, PORTAL or POST");
        if (on.isBefore(issueDate)) {
            throw new InvalidField("sentOn", "invoice " + number + " was issued on " + issueDate + "; it cannot be sent on " + on);
        }
        if (status != InvoiceStatus.ISSUED) {
            throw new ConflictingState("invoice " + number + " is " + describe() + "; only an issued invoice can be marked sent");
        }
        return move(new InvoiceState(invoiceId, number, issueDate, currency, total, InvoiceStatus.SENT, on, mode, amountPaid, paidOn,
                creditNoteId), by, at, "sent by " + mode.name().toLowerCase() + " on " + on);
    }

    public Moved voidBy(UUID creditNote, String creditNoteNumber, String reason, String by, Instant at) {
        ensureVoidable();
        return move(withStatus(InvoiceStatus.VOID, paidOn, creditNote), by, at,
                "voided by credit note " + creditNoteNumber + ": " + reason);
    }

    /** An invoice is voided whole, once, and only while nothing has been paid on it. */
    public void ensureVoidable() {
        if (status == InvoiceStatus.VOID) {
            throw new ConflictingState("invoice " + number + " is void already");
        }
        if (amountPaid.signum() != 0) {
            throw new ConflictingState("invoice " + number + " has payments of " + currency + " " + amountPaid
                    + "; reverse them in payment-service before voiding it");
        }
    }

    /** payment-service's running total for this invoice changed; a Paid invoice whose payment was reversed is open again. */
    public Moved paymentsChanged(BigDecimal nowPaid, String detail, Instant at) {
        InvoiceState next = new InvoiceState(invoiceId, number, issueDate, currency, total, status, sentOn, sendMode, nowPaid, paidOn,
                creditNoteId);
        if (status == InvoiceStatus.PAID && nowPaid.compareTo(total) < 0) {
            return next.move(next.withStatus(sentOn == null ? InvoiceStatus.ISSUED : InvoiceStatus.SENT, null, creditNoteId),
                    "payment-service", at, detail);
        }
        return new Moved(next, null);
    }

    /** payment-service says the payments settle the invoice. A void invoice stays void (its money becomes customer credit there). */
    public Moved paid(LocalDate on, BigDecimal nowPaid, Instant at) {
        if (status != InvoiceStatus.ISSUED && status != InvoiceStatus.SENT) {
            return new Moved(this, null);
        }
        InvoiceState next = new InvoiceState(invoiceId, number, issueDate, currency, total, InvoiceStatus.PAID, sentOn, sendMode,
                nowPaid, on, creditNoteId);
        return move(next, "payment-service", at, "settled on " + on);
    }

    private InvoiceState withStatus(InvoiceStatus to, LocalDate paid, UUID creditNote) {
        return new InvoiceState(invoiceId, number, issueDate, currency, total, to, sentOn, sendMode, amountPaid, paid, creditNote);
    }

    private Moved move(InvoiceState next, String by, Instant at, String detail) {
        if (by == null || by.isBlank()) throw new InvalidField("by", "say who did it");
        return new Moved(next, new StatusChange(invoiceId, at, by, status, next.status, detail));
    }

    private String describe() {
        return switch (status) {
            case SENT -> "sent already (on " + sentOn + ")";
            case PAID -> "paid";
            case VOID -> "void";
            case ISSUED -> "issued";
        };
    }
}
