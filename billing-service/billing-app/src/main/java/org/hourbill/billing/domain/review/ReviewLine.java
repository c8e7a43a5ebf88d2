package org.hourbill.billing.domain.review;

import java.math.BigDecimal;

import org.hourbill.billing.domain.UnbilledEntry;

/** An entry under review with the decision taken on it. */
public record ReviewLine(UnbilledEntry entry, Decision decision, String writeOffReason) {

    /** Hours x rate rounded to the currency's minor unit: the amount the invoice will show for this entry. */
    public BigDecimal amount() {
        return Money.lineAmount(entry.hours(), entry.rate(), entry.currency());
    }
}
