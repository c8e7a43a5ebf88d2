package org.hourbill.invoice.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One line of a bill: {@code amount} is quantity x unit price rounded to the currency's minor unit.
 *
 * @param entryIds  the time entries the line bills: one for a TIME line, those covered by an ACTIVITY line, none else
 * @param unit      UN/ECE Recommendation 20 code: HUR (hour), DAY, C62 (one), ...
 * @param amendment a correction of an earlier bill (may be negative), shown as such
 * @param termId    the billing-calendar term a TERM line bills
 */
public record InvoiceLine(int position, LineKind kind, List<UUID> entryIds, LocalDate date, UUID projectId, String billingType,
        String task, String resourceName, String role, String description, String detail, BigDecimal quantity, String unit,
        BigDecimal unitPrice, BigDecimal amount, boolean amendment, UUID termId) {

    public InvoiceLine {
        entryIds = entryIds == null ? List.of() : List.copyOf(entryIds);
    }

    /** The same line with quantity and amount negated, as a credit note shows it. */
    public InvoiceLine negated() {
        return new InvoiceLine(position, kind, entryIds, date, projectId, billingType, task, resourceName, role, description, detail,
                quantity.negate(), unit, unitPrice, amount.negate(), amendment, termId);
    }
}
