package org.hourbill.invoice.domain;

/** An invoice request that cannot become an invoice; the message is written for the person who asked. */
public class InvoiceRefused extends RuntimeException {
    public InvoiceRefused(String message) {
        super(message);
    }
}
