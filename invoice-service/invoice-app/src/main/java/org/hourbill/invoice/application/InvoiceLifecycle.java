package org.hourbill.invoice.application;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import org.hourbill.invoice.domain.CreditNote;
import org.hourbill.invoice.domain.CreditNotes;
import org.hourbill.invoice.domain.EntryDisposition;
import org.hourbill.invoice.domain.Invoice;
import org.hourbill.invoice.domain.InvoiceState;
import org.hourbill.invoice.domain.Invoices;
import org.hourbill.invoice.domain.NumberSeries;
import org.hourbill.invoice.domain.NumberingPlan;
import org.hourbill.invoice.domain.SendMode;
import org.hourbill.platform.problem.InvalidField;
import org.hourbill.platform.problem.NotFound;
import org.hourbill.platform.time.BusinessDates;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves issued invoices through their life. Each move locks the invoice's state, checks the transition, saves it
 * with its audit line and writes the event announcing it, all in one transaction. Voiding issues a credit note
 * numbered in its own series in that same transaction, so a refused void leaves no gap.
 */
@Service
@Transactional
public class InvoiceLifecycle {
    private final Invoices invoices;
    private final CreditNotes creditNotes;
    private final NumberSeries numbers;
    private final NumberingPlan numbering;
    private final InvoiceEventPublisher events;
    private final DocumentFingerprinting fingerprinting;
    private final Clock clock;
    private final BusinessDates dates;

    InvoiceLifecycle(Invoices invoices, CreditNotes creditNotes, NumberSeries numbers, NumberingPlan numbering,
            InvoiceEventPublisher events, DocumentFingerprinting fingerprinting, Clock clock, BusinessDates dates) {
        this.invoices = invoices;
        this.creditNotes = creditNotes;
        this.numbers = numbers;
        this.numbering = numbering;
        this.events = events;
        this.fingerprinting = fingerprinting;
        this.clock = clock;
        this.dates = dates;
    }

    public InvoiceState send(UUID invoiceId, LocalDate sentOn, SendMode mode, String by) {
        InvoiceState state = lock(invoiceId);
        InvoiceState.Moved moved = state.send(sentOn == null ? today() : dates.happened("sentOn", sentOn), mode, by, clock.instant());
        invoices.save(moved);
        events.sent(invoices.find(invoiceId).orElseThrow(), moved.state(), by);
        return moved.state();
    }

    public CreditNote voidInvoice(UUID invoiceId, LocalDate voidedOn, String reason, EntryDisposition entries, String by) {
        if (entries == null) {
            throw new InvalidField("entries", "say what becomes of the invoice's time entries: RETURN_TO_POOL or WRITE_OFF");
        }
        InvoiceState state = lock(invoiceId);
        state.ensureVoidable();
        Invoice invoice = invoices.find(invoiceId).orElseThrow();
        LocalDate on = voidedOn == null ? today() : dates.happened("voidedOn", voidedOn);
        if (on.isBefore(invoice.issueDate())) {
            throw new InvalidField("voidedOn", "invoice " + invoice.number() + " was issued on " + invoice.issueDate() + "; it cannot be voided on " + on);
        }
        String series = numbering.creditNoteSeries();
        var pattern = numbering.pattern(series);
        NumberSeries.Drawn drawn = numbers.next(series, pattern.period(on));
        CreditNote creditNote = CreditNote.cancelling(invoice, series, pattern.format(on, drawn.value()), on, reason, drawn.at());
        creditNotes.add(creditNote);
        fingerprinting.afterCommit(creditNote.id());
        invoices.save(state.voidBy(creditNote.id(), creditNote.number(), reason, by, drawn.at()));
        events.creditNoteIssued(creditNote);
        events.voided(invoice, creditNote, entries, by);
        return creditNote;
    }

    /** payment-service's running total changed (a payment recorded or reversed). Unknown invoices are not ours to judge. */
    public void paymentsChanged(UUID invoiceId, BigDecimal amountPaid, String detail) {
        invoices.lockState(invoiceId).ifPresent(state -> invoices.save(state.paymentsChanged(amountPaid, detail, clock.instant())));
    }

    public void paid(UUID invoiceId, LocalDate paidOn, BigDecimal amountPaid) {
        invoices.lockState(invoiceId).ifPresent(state -> invoices.save(state.paid(paidOn, amountPaid, clock.instant())));
    }

    private InvoiceState lock(UUID invoiceId) {
        return invoices.lockState(invoiceId).orElseThrow(() -> new NotFound("no invoice " + invoiceId));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
