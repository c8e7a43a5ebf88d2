package org.hourbill.timesheet.events;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * {@code EntriesApproved.v1}: time entries of one customer were approved and may be billed. One event carries
 * many entries because a month-end approval covers thousands. Amount = hours x rate, rounded half-even to the
 * currency's minor unit.
 */
public record EntriesApproved(UUID customerId, List<ApprovedEntry> entries) {
    public static final String TYPE = "EntriesApproved.v1";

    public record ApprovedEntry(UUID entryId, UUID customerId, UUID projectId, BillingType billingType, UUID resourceId,
            String resourceName, String role, String task, LocalDate date, BigDecimal hours, BigDecimal rate,
            BigDecimal amount, String currency, boolean billable, String description) {
    }
}
