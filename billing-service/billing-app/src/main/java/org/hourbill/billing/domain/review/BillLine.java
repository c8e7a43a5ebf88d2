package org.hourbill.billing.domain.review;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.hourbill.money.Money;

/**
 * A line of a bill that is not one time entry billed by the hour: a resource's days at an activity's daily price
 * (covering that resource's entries of the period), a fixed-price term, or a manual line.
 *
 * @param coveredEntryIds the time entries an ACTIVITY line bills in days
 * @param cappedQuantity  the part of the quantity a project's cap kept off the bill (written off with reason "cap")
 */
public record BillLine(int position, LineKind kind, UUID projectId, UUID termId, UUID resourceId, String resourceName,
        String activityType, LocalDate from, LocalDate to, String description, String detail, BigDecimal quantity, String unit,
        BigDecimal unitPrice, boolean amendment, UUID catalogItemId, List<UUID> coveredEntryIds, BigDecimal cappedQuantity) {

    public BillLine {
        coveredEntryIds = coveredEntryIds == null ? List.of() : List.copyOf(coveredEntryIds);
        cappedQuantity = cappedQuantity == null ? BigDecimal.ZERO : cappedQuantity;
    }

    public BigDecimal billedQuantity() {
        return quantity.subtract(cappedQuantity);
    }

    public BigDecimal amount(String currency) {
        return Money.amount(billedQuantity(), unitPrice, currency);
    }

    public BigDecimal cappedAmount(String currency) {
        return Money.amount(quantity, unitPrice, currency).subtract(amount(currency));
    }

    /** This draft as the bill's line at {@code position}. */
    BillLine at(int position) {
        return new BillLine(position, kind, projectId, termId, resourceId, resourceName, activityType, from, to, description, detail,
                quantity, unit, unitPrice, amendment, catalogItemId, List.of(), null);
    }

    BillLine describedAs(String newDescription, String newDetail) {
        return new BillLine(position, kind, projectId, termId, resourceId, resourceName, activityType, from, to, newDescription, newDetail,
                quantity, unit, unitPrice, amendment, catalogItemId, coveredEntryIds, cappedQuantity);
    }

    BillLine capped(BigDecimal capped) {
        return new BillLine(position, kind, projectId, termId, resourceId, resourceName, activityType, from, to, description, detail,
                quantity, unit, unitPrice, amendment, catalogItemId, coveredEntryIds, capped);
    }
}
