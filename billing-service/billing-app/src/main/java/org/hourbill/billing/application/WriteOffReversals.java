package org.hourbill.billing.application;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.hourbill.platform.problem.ConflictingState;
import org.hourbill.platform.problem.InvalidField;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A write-off is a decision finance can take back: the entries return to the unbilled pool (the realisation report
 * counts them as unbilled again) and timesheets show them approved, so the next review can bill them.
 */
@Service
@Transactional
public class WriteOffReversals {
    private final UnbilledPool pool;
    private final TimesheetLocks timesheets;

    WriteOffReversals(UnbilledPool pool, TimesheetLocks timesheets) {
        this.pool = pool;
        this.timesheets = timesheets;
    }

    /** All the entries or none: an entry that is not written off (any more) refuses the whole reversal. */
    public List<UUID> reverse(UUID customerId, List<UUID> entryIds, String reason) {
        if (entryIds == null || entryIds.isEmpty() || entryIds.contains(null)) throw new InvalidField("entryIds", "name the written-off entries");
        if (reason == null || reason.isBlank()) throw new InvalidField("reason", "say why the write-off is reversed");
        Set<UUID> asked = new LinkedHashSet<>(entryIds);
        List<UUID> back = pool.reverseWriteOff(customerId, asked);
        if (back.size() != asked.size()) {
            Set<UUID> notWrittenOff = new LinkedHashSet<>(asked);
            back.forEach(notWrittenOff::remove);
            throw new ConflictingState(notWrittenOff.size() + " of the " + asked.size() + " entries are not written off for this customer"
                    + " (any more): " + notWrittenOff.stream().limit(5).toList());
        }
        timesheets.released(customerId, back, "write-off reversed: " + reason.strip());
        return back;
    }
}
