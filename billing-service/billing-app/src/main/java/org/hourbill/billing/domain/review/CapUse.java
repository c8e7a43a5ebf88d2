package org.hourbill.billing.domain.review;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * How a bill stands against a capped project's cap (its validated work amount).
 *
 * @param billedBefore what issued and generating bills of the project have used of it
 * @param thisBill     what this bill bills on the project, after capping
 * @param capped       what this bill keeps off because of the cap
 */
public record CapUse(UUID projectId, BigDecimal cap, BigDecimal billedBefore, BigDecimal thisBill, BigDecimal capped) {
    public BigDecimal leftBefore() {
        return cap.subtract(billedBefore).max(BigDecimal.ZERO);
    }

    public BigDecimal leftAfter() {
        return leftBefore().subtract(thisBill);
    }
}
