package org.hourbill.billing.domain.review;

import java.math.BigDecimal;

import org.hourbill.money.Money;
import org.hourbill.billing.domain.UnbilledEntry;

/**
 * An entry under review with the decision taken on it.
 *
 * @param cappedHours the hours a capped project's cap keeps off the bill (written off with reason "cap")
 * @param coveredBy   the position of the ACTIVITY line that bills this entry in days, or null when billed by the hour
 */
public record ReviewLine(UnbilledEntry entry, Decision decision, String writeOffReason, BigDecimal cappedHours, Integer coveredBy) {

    public ReviewLine {
        cappedHours = cappedHours == null ? BigDecimal.ZERO : cappedHours;
    }

    public ReviewLine(UnbilledEntry entry, Decision decision, String writeOffReason) {
        this(entry, decision, writeOffReason, BigDecimal.ZERO, null);
    }

    public BigDecimal billedHours() {
        return entry.hours().subtract(cappedHours);
    }

    /** Billed hours x rate rounded to the currency's minor unit: the amount the invoice will show for this entry. */
    public BigDecimal amount() {
        return Money.amount(billedHours(), entry.rate(), entry.currency());
    }

    public BigDecimal cappedAmount() {
        return Money.amount(entry.hours(), entry.rate(), entry.currency()).subtract(amount());
    }

    /** Billed by the hour (not within a day line). */
    public boolean hourly() {
        return coveredBy == null;
    }

    ReviewLine decided(Decision newDecision, String reason) {
        return new ReviewLine(entry, newDecision, reason, BigDecimal.ZERO, coveredBy);
    }

    ReviewLine capped(BigDecimal hours) {
        return new ReviewLine(entry, decision, writeOffReason, hours, coveredBy);
    }

    ReviewLine coveredBy(Integer position) {
        return new ReviewLine(entry, decision, writeOffReason, cappedHours, position);
    }
}
