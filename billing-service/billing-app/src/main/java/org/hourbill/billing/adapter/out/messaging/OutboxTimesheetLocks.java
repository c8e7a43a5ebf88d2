package org.hourbill.billing.adapter.out.messaging;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.hourbill.billing.application.TimesheetLocks;
import org.hourbill.platform.outbox.Outbox;
import org.hourbill.platform.outbox.OutgoingEvent;
import org.hourbill.timesheet.events.MarkEntriesWrittenOff;
import org.hourbill.timesheet.events.ReleaseEntries;
import org.hourbill.timesheet.events.TimesheetTopics;
import org.springframework.stereotype.Component;

/** timesheet-service's commands, written to billing's outbox in the transaction that made the decision. */
@Component
class OutboxTimesheetLocks implements TimesheetLocks {
    private static final int REASON_LENGTH = 500;
    private final Outbox outbox;

    OutboxTimesheetLocks(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void writtenOff(UUID customerId, Collection<UUID> entryIds, String reason) {
        if (entryIds.isEmpty()) return;
        send(customerId, MarkEntriesWrittenOff.TYPE, new MarkEntriesWrittenOff(customerId, List.copyOf(entryIds), shortened(reason)));
    }

    @Override
    public void released(UUID customerId, Collection<UUID> entryIds, String reason) {
        if (entryIds.isEmpty()) return;
        send(customerId, ReleaseEntries.TYPE, new ReleaseEntries(customerId, List.copyOf(entryIds), shortened(reason)));
    }

    private void send(UUID customerId, String type, Object command) {
        outbox.append(new OutgoingEvent(TimesheetTopics.COMMANDS, type, "customer", customerId.toString(), "customer/" + customerId, command));
    }

    private static String shortened(String reason) {
        return reason.length() > REASON_LENGTH ? reason.substring(0, REASON_LENGTH) : reason;
    }
}
