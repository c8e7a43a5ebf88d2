package org.hourbill.billing.application;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What timesheets must know of billing's decisions beyond invoicing, so an entry never sits where nothing can move it:
 * written off (locked there too), and billable again after a void or a reversed write-off (approved, correctable).
 */
public interface TimesheetLocks {
    void writtenOff(UUID customerId, Collection<UUID> entryIds, String reason);

    /** Entries written off each with its own reason: one command per reason, each reason after {@code context}. */
    default void writtenOff(UUID customerId, Map<UUID, String> reasons, String context) {
        Map<String, List<UUID>> byReason = new LinkedHashMap<>();
        reasons.forEach((entry, reason) -> byReason.computeIfAbsent(reason == null || reason.isBlank() ? "no reason given" : reason,
                r -> new ArrayList<>()).add(entry));
        byReason.forEach((reason, ids) -> writtenOff(customerId, ids, context + ": " + reason));
    }

    void released(UUID customerId, Collection<UUID> entryIds, String reason);
}
