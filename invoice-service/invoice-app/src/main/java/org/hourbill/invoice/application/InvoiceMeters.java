package org.hourbill.invoice.application;

import org.hourbill.invoice.domain.Invoice;

/** What issuing tells operations: invoices issued and their amounts, requests refused. Counted once committed. */
public interface InvoiceMeters {
    void issued(Invoice invoice);

    void refused();
}
