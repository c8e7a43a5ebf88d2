package org.hourbill.billing.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** An approved, billable time entry that no invoice has billed yet, priced as it was approved. */
public record UnbilledEntry(UUID entryId, UUID customerId, UUID projectId, String billingType, UUID resourceId,
        String resourceName, String role, String task, LocalDate date, BigDecimal hours, BigDecimal rate,
        BigDecimal amount, String currency, String description) {
}
