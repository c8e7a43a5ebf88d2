package org.hourbill.invoice.adapter.in.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.hourbill.invoice.domain.CreditNote;
import org.hourbill.invoice.domain.CreditNotes;
import org.hourbill.invoice.domain.InvoiceLine;
import org.hourbill.invoice.domain.Party;
import org.hourbill.invoice.domain.Seller;
import org.hourbill.platform.problem.NotFound;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Credit notes, each cancelling one invoice; issued through {@code POST /invoices/{id}/voiding}. */
@RestController
@RequestMapping("/credit-notes")
class CreditNoteController {
    private final CreditNotes creditNotes;

    CreditNoteController(CreditNotes creditNotes) {
        this.creditNotes = creditNotes;
    }

    @GetMapping("/{id}")
    CreditNoteView get(@PathVariable UUID id) {
        return view(creditNotes.find(id).orElseThrow(() -> new NotFound("no credit note " + id)));
    }

    static CreditNoteView view(CreditNote c) {
        return new CreditNoteView(c.id(), c.number(), c.series(), c.invoiceId(), c.invoiceNumber(), c.seller(), c.buyer(), c.currency(),
                c.issueDate(), c.reason(), c.lines(), c.totalHours(), c.subtotal(), c.taxRate(), c.taxAmount(), c.total(),
                c.issuedAt());
    }

    record CreditNoteView(UUID id, String number, String series, UUID invoiceId, String invoiceNumber, Seller seller, Party buyer,
            String currency, LocalDate issueDate, String reason, List<InvoiceLine> lines, BigDecimal totalHours,
            BigDecimal subtotal, BigDecimal taxRate, BigDecimal taxAmount, BigDecimal total, Instant issuedAt) {
    }
}
