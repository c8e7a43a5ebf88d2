package org.hourbill.invoice.events;

/**
 * Where the invoice service listens and publishes. Both topics are keyed by customer id: a customer's invoice
 * requests, and the life of its invoices (issued, sent, voided by a credit note), are handled in the order they
 * happened.
 */
public final class InvoiceTopics {
    public static final String COMMANDS = "invoice.commands";
    public static final String EVENTS = "invoice.events";

    private InvoiceTopics() {
    }
}
