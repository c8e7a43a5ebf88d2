package org.hourbill.billing.domain;

import java.math.BigDecimal;
import java.util.List;

/** Unbilled entries with their totals: hours, and amount per currency (a customer normally has one). */
public record PoolSummary(List<UnbilledEntry> entries, BigDecimal totalHours, BigDecimal totalAmount, String currency) {

    public static PoolSummary of(List<UnbilledEntry> entries) {
        BigDecimal hours = entries.stream().map(UnbilledEntry::hours).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal amount = entries.stream().map(UnbilledEntry::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        String currency = entries.stream().map(UnbilledEntry::currency).distinct().reduce((a, b) -> a + "," + b).orElse(null);
        return new PoolSummary(entries, hours, amount, currency);
    }
}
