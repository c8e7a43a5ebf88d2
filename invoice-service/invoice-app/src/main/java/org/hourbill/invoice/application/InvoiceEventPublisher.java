package org.hourbill.invoice.application;

import java.util.UUID;

import org.hourbill.invoice.domain.Invoice;

/** Announces invoice request outcomes; called inside the transaction that decided them. */
public interface InvoiceEventPublisher {
    void issued(Invoice invoice);

    void rejected(UUID invoiceRunId, UUID customerId, String reason);

    void withdrawn(UUID invoiceRunId, UUID customerId, String reason);
}
