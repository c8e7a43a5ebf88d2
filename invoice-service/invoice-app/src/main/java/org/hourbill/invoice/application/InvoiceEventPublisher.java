package org.hourbill.invoice.application;

import java.util.UUID;

import org.hourbill.invoice.domain.CreditNote;
import org.hourbill.invoice.domain.EntryDisposition;
import org.hourbill.invoice.domain.Invoice;
import org.hourbill.invoice.domain.InvoiceState;

/** Announces what happened to invoice requests and invoices; called inside the transaction that decided it. */
public interface InvoiceEventPublisher {
    void issued(Invoice invoice);

    void rejected(UUID invoiceRunId, UUID customerId, String reason);

    void withdrawn(UUID invoiceRunId, UUID customerId, String reason);

    void sent(Invoice invoice, InvoiceState state, String by);

    void voided(Invoice invoice, CreditNote creditNote, EntryDisposition entries, String by);

    void creditNoteIssued(CreditNote creditNote);
}
