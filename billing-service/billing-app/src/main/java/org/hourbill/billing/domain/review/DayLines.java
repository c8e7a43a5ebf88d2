package org.hourbill.billing.domain.review;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hourbill.billing.domain.plan.Amounts;
import org.hourbill.billing.domain.plan.BillingProject;
import org.hourbill.platform.problem.ConflictingState;
import org.hourbill.platform.problem.InvalidField;

/**
 * Billing in days: an activity line bills a resource's days on a project at the activity's daily price, and covers
 * that resource's billed entries of its period, which then leave the hourly lines (and come back when it is removed).
 */
final class DayLines {
    private static final BigDecimal HOURS_PER_DAY = new BigDecimal("8");

    private DayLines() {
    }

    /** The activity line for a draft, its days counted from the covered hours unless the draft gives them; marks the entries covered. */
    static BillLine cover(int position, BillLine draft, BillingProject project, Map<UUID, ReviewLine> lines) {
        if (draft.from() == null || draft.to() == null || draft.to().isBefore(draft.from())) {
            throw new InvalidField("to", "an activity line covers a period");
        }
        UUID projectId = project != null ? project.id() : draft.projectId();
        List<ReviewLine> covered = lines.values().stream()
                .filter(l -> l.decision() == Decision.BILL && l.hourly() && l.entry().projectId().equals(projectId)
                        && l.entry().resourceId().equals(draft.resourceId()) && !l.entry().date().isBefore(draft.from())
                        && !l.entry().date().isAfter(draft.to()))
                .toList();
        BigDecimal hours = covered.stream().map(l -> l.entry().hours()).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal days = draft.quantity() != null ? draft.quantity() : hours.divide(HOURS_PER_DAY, 2, RoundingMode.HALF_UP);
        if (days.signum() <= 0) {
            throw new InvalidField("quantity", "no billed hours of this resource on the project in " + draft.from() + " to " + draft.to()
                    + "; give the days");
        }
        Amounts.bounded("quantity", days, 2);
        String resource = covered.isEmpty() ? draft.resourceName() : covered.getFirst().entry().resourceName();
        String description = draft.description() != null ? draft.description()
                : (resource == null ? "" : resource + " - ") + draft.activityType() + ", " + draft.from() + " to " + draft.to();
        List<UUID> coveredIds = covered.stream().map(l -> l.entry().entryId()).toList();
        covered.forEach(l -> lines.put(l.entry().entryId(), l.coveredBy(position)));
        return draft.covering(position, projectId, resource, description, days, coveredIds);
    }

    /** A removed activity line gives its entries back to the hourly lines. */
    static void uncover(BillLine removed, Map<UUID, ReviewLine> lines) {
        for (UUID entryId : removed.coveredEntryIds()) {
            ReviewLine covered = lines.get(entryId);
            if (covered != null) lines.put(entryId, covered.coveredBy(null));
        }
    }

    /** An entry billed in days is decided together with its activity line, not alone. */
    static void requireNotCovered(ReviewLine line) {
        if (!line.hourly()) {
            throw new ConflictingState(line.entry().resourceName() + "'s entry of " + line.entry().date() + " is billed in days by line "
                    + line.coveredBy() + "; remove that line to decide on the entry alone");
        }
    }
}
