package org.hourbill.billing.domain.review;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.hourbill.billing.domain.plan.BillingProject;
import org.hourbill.billing.domain.plan.BillingType;
import org.hourbill.money.Money;

/**
 * Capped time and materials: what a project's bills bill together never exceeds its cap. Day lines first, then entries
 * by date, are billed while the cap lasts; the line that crosses it is billed up to the cap (hours or days floored to
 * 0.01), the rest is capped. Nothing is dropped: capped hours are written off with reason "cap" at issue.
 */
final class ProjectCaps {
    private ProjectCaps() {
    }

    /**
     * Caps the review's lines in place and returns, per capped project, what this bill uses of its cap.
     *
     * @param capState per capped project of the review: its cap and what other bills have used of it
     */
    static Map<UUID, CapUse> apply(Map<UUID, BillingReview.CapState> capState, Map<UUID, ReviewLine> lines, List<BillLine> billLines,
            String currency) {
        Map<UUID, CapUse> uses = new LinkedHashMap<>();
        for (var cap : capState.entrySet()) {
            UUID projectId = cap.getKey();
            BigDecimal left = cap.getValue().cap().subtract(cap.getValue().used()).max(BigDecimal.ZERO);
            BigDecimal billed = Money.zero(currency), capped = Money.zero(currency);
            for (BillLine line : new ArrayList<>(billLines)) {
                if (!projectId.equals(line.projectId()) || line.kind() != LineKind.ACTIVITY) continue;
                BigDecimal full = Money.amount(line.quantity(), line.unitPrice(), currency);
                BigDecimal billable = full.compareTo(left) <= 0 ? line.quantity() : floor(left, line.unitPrice(), line.quantity());
                BillLine cappedLine = line.capped(line.quantity().subtract(billable));
                billLines.set(billLines.indexOf(line), cappedLine);
                left = left.subtract(cappedLine.amount(currency));
                billed = billed.add(cappedLine.amount(currency));
                capped = capped.add(cappedLine.cappedAmount(currency));
            }
            for (ReviewLine line : lines.values().stream().filter(l -> l.decision() == Decision.BILL && l.hourly()
                    && l.entry().projectId().equals(projectId)).toList()) {
                BigDecimal full = Money.amount(line.entry().hours(), line.entry().rate(), currency);
                BigDecimal billable = full.compareTo(left) <= 0 ? line.entry().hours() : floor(left, line.entry().rate(), line.entry().hours());
                ReviewLine cappedLine = line.capped(line.entry().hours().subtract(billable));
                lines.put(line.entry().entryId(), cappedLine);
                left = left.subtract(cappedLine.amount());
                billed = billed.add(cappedLine.amount());
                capped = capped.add(cappedLine.cappedAmount());
            }
            uses.put(projectId, CapUse.of(projectId, cap.getValue().cap(), cap.getValue().used(), billed, capped));
        }
        return uses;
    }

    /** The projects whose caps apply to a review: those of its capped entries, and its own project if capped. */
    static Set<UUID> cappedProjects(Collection<ReviewLine> lines, BillingProject project) {
        Set<UUID> capped = new LinkedHashSet<>();
        lines.stream().filter(l -> BillingType.of(l.entry().billingType()) == BillingType.CAPPED_TIME_AND_MATERIALS)
                .forEach(l -> capped.add(l.entry().projectId()));
        if (project != null && project.billingType() == BillingType.CAPPED_TIME_AND_MATERIALS) capped.add(project.id());
        return capped;
    }

    /** The largest quantity, in hundredths, whose amount stays within what is left. */
    private static BigDecimal floor(BigDecimal left, BigDecimal price, BigDecimal most) {
        if (price.signum() == 0) return most;
        return left.divide(price, 2, RoundingMode.DOWN).min(most);
    }
}
