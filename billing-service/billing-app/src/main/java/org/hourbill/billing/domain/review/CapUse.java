package org.hourbill.billing.domain.review;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * How a bill stands against a capped project's cap (its validated work amount).
 *
 * @param billedBefore what issued and generating bills of the project have used of it
 * @param leftBefore   what is left of it for this bill
 * @param thisBill     what this bill bills on the project, after capping
 * @param capped       what this bill keeps off because of the cap (written off with reason "cap" at issue)
 * @param leftAfter    what is left once this bill is issued
 */
public record CapUse(UUID projectId, BigDecimal cap, BigDecimal billedBefore, BigDecimal leftBefore, BigDecimal thisBill,
        BigDecimal capped, BigDecimal leftAfter) {

    public static CapUse of(UUID projectId, BigDecimal cap, BigDecimal billedBefore, BigDecimal thisBill, BigDecimal capped) {
        BigDecimal left = cap.subtract(billedBefore).max(BigDecimal.ZERO);
        return new CapUse(projectId, cap, billedBefore, left, thisBill, capped, left.subtract(thisBill));
    }
}
