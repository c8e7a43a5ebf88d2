package org.hourbill.invoice.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** One billed time entry; {@code amount} is hours x rate rounded to the currency's minor unit. */
public record InvoiceLine(int position, UUID entryId, LocalDate date, UUID projectId, String task, String resourceName,
        String role, String description, BigDecimal hours, BigDecimal rate, BigDecimal amount) {
}
