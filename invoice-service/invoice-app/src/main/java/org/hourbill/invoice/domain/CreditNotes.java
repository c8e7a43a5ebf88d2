package org.hourbill.invoice.domain;

import java.util.Optional;
import java.util.UUID;

/** Where credit notes are kept; append-only like invoices. */
public interface CreditNotes {
    void add(CreditNote creditNote);

    Optional<CreditNote> find(UUID id);

    Optional<CreditNote> forInvoice(UUID invoiceId);
}
