package org.hourbill.billing.domain.review;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.hourbill.money.Money;

/**
 * A line of a bill that is not one time entry billed by the hour: a resource's days at an activity's daily price
 * (covering that resource's entries of the period), a fixed-price term, or a manual line. Drafts are made by kind
 * ({@link #activity}, {@link #term}, {@link #manual}); the review places them ({@link BillingReview#addLine}); the full
 * constructor is for restoring a stored line.
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

    /** A draft of a resource's days on a project at an activity's daily price; without days, the covered hours decide them. */
    public static BillLine activity(UUID projectId, UUID resourceId, String activityType, LocalDate from, LocalDate to,
            String description, String detail, BigDecimal days, BigDecimal dailyPrice) {
        return new BillLine(0, LineKind.ACTIVITY, projectId, null, resourceId, null, activityType, from, to, description, detail, days,
                "DAY", dailyPrice, false, null, null, null);
    }

    /** A draft of a fixed-price term of the project's billing calendar: one unit at the term's amount. */
    public static BillLine term(UUID projectId, UUID termId, LocalDate date, String description, String detail, BigDecimal amount) {
        return new BillLine(0, LineKind.TERM, projectId, termId, null, null, null, null, date, description, detail, BigDecimal.ONE, "C62",
                amount, false, null, null, null);
    }

    /** A draft of a line written by a person or taken from the catalog; an amendment may be negative. */
    public static BillLine manual(UUID projectId, String description, String detail, BigDecimal quantity, String unit,
            BigDecimal unitPrice, boolean amendment, UUID catalogItemId) {
        return new BillLine(0, LineKind.MANUAL, projectId, null, null, null, null, null, null, description, detail, quantity, unit,
                unitPrice, amendment, catalogItemId, null, null);
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

    /** This activity draft placed at {@code position}, with its days counted and the entries it covers. */
    BillLine covering(int position, UUID project, String resource, String text, BigDecimal days, List<UUID> covered) {
        return new BillLine(position, LineKind.ACTIVITY, project, null, resourceId, resource, activityType, from, to, text, detail, days,
                "DAY", unitPrice, false, null, covered, null);
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
