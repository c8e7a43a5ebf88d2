package org.hourbill.invoice.domain;

import java.time.Instant;
import java.util.UUID;

/** One line of an invoice's audit trail: who moved it from where to where, when, and why. Never changed. */
public record StatusChange(UUID invoiceId, Instant at, String by, InvoiceStatus from, InvoiceStatus to, String detail) {
}
