package org.hourbill.invoice.events;

import java.time.LocalDate;
import java.util.UUID;

/** {@code InvoiceSent.v1}: the invoice went to the customer, on a date and by a channel, sent by a named person. */
public record InvoiceSent(UUID invoiceId, String number, UUID customerId, LocalDate sentOn, String sendMode,
        String sentBy) {
    public static final String TYPE = "InvoiceSent.v1";
}
