package org.hourbill.timesheet.adapter.out.messaging;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.hourbill.platform.outbox.Outbox;
import org.hourbill.platform.outbox.OutgoingEvent;
import org.hourbill.timesheet.application.TimesheetEventPublisher;
import org.hourbill.timesheet.domain.Consultant;
import org.hourbill.timesheet.domain.Customer;
import org.hourbill.timesheet.domain.Project;
import org.hourbill.timesheet.domain.TimeEntry;
import org.hourbill.timesheet.events.CustomerChanged;
import org.hourbill.timesheet.events.EntriesApproved;
import org.hourbill.timesheet.events.EntriesBilled;
import org.hourbill.timesheet.events.EntriesLocked;
import org.hourbill.timesheet.events.EntriesNotLocked;
import org.hourbill.timesheet.events.EntriesApproved.ApprovedEntry;
import org.hourbill.timesheet.events.EntriesReopened;
import org.hourbill.timesheet.events.ProjectChanged;
import org.hourbill.timesheet.events.TimesheetTopics;
import org.springframework.stereotype.Component;

/**
 * Writes timesheet events to the outbox, keyed by customer. Approvals are cut into events of at most
 * {@value #ENTRIES_PER_EVENT} entries: big enough to make a month-end approval cheap, small enough to stay far
 * below Kafka's message size limit.
 */
@Component
class OutboxTimesheetEvents implements TimesheetEventPublisher {
    static final int ENTRIES_PER_EVENT = 500;

    private final Outbox outbox;

    OutboxTimesheetEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void customerChanged(Customer c) {
        publish(CustomerChanged.TYPE, c.id(), "customer/" + c.id(), new CustomerChanged(c.id(), c.name(), c.address(),
                c.taxId(), c.taxRate(), c.currency(), c.paymentTermsDays()));
    }

    @Override
    public void projectChanged(Project p) {
        publish(ProjectChanged.TYPE, p.customerId(), "project/" + p.id(),
                new ProjectChanged(p.id(), p.customerId(), p.code(), p.name(), p.billingType()));
    }

    @Override
    public void entriesApproved(Collection<TimeEntry> entries, ApprovalContext context) {
        List<OutgoingEvent> events = new ArrayList<>();
        byCustomer(entries).forEach((customerId, ofCustomer) -> {
            for (int from = 0; from < ofCustomer.size(); from += ENTRIES_PER_EVENT) {
                List<ApprovedEntry> chunk = ofCustomer.subList(from, Math.min(ofCustomer.size(), from + ENTRIES_PER_EVENT))
                        .stream().map(e -> approved(e, context)).toList();
                events.add(event(EntriesApproved.TYPE, customerId, "customer/" + customerId, new EntriesApproved(customerId, chunk)));
            }
        });
        outbox.appendAll(events);
    }

    @Override
    public void entriesReopened(Collection<TimeEntry> entries) {
        byCustomer(entries).forEach((customerId, ofCustomer) -> publish(EntriesReopened.TYPE, customerId,
                "customer/" + customerId, new EntriesReopened(customerId, ofCustomer.stream().map(TimeEntry::id).toList())));
    }

    @Override
    public void entriesBilled(UUID invoiceRunId, UUID customerId, String invoiceNumber, Collection<TimeEntry> billed,
            Collection<UUID> notBilled) {
        publish(EntriesBilled.TYPE, customerId, "customer/" + customerId, new EntriesBilled(invoiceRunId, customerId,
                invoiceNumber, billed.stream().map(TimeEntry::id).toList(), List.copyOf(notBilled)));
    }

    @Override
    public void entriesLocked(UUID invoiceRunId, UUID customerId, Collection<TimeEntry> locked) {
        publish(EntriesLocked.TYPE, customerId, "customer/" + customerId,
                new EntriesLocked(invoiceRunId, customerId, locked.stream().map(TimeEntry::id).toList()));
    }

    @Override
    public void entriesNotLocked(UUID invoiceRunId, UUID customerId, Collection<UUID> inTheWay, String reason) {
        publish(EntriesNotLocked.TYPE, customerId, "customer/" + customerId,
                new EntriesNotLocked(invoiceRunId, customerId, List.copyOf(inTheWay), reason));
    }

    private static ApprovedEntry approved(TimeEntry e, ApprovalContext context) {
        Project project = context.project(e);
        Consultant consultant = context.consultant(e);
        return new ApprovedEntry(e.id(), e.customerId(), e.projectId(), project.billingType(), e.resourceId(),
                consultant.name(), consultant.role(), e.task(), e.workDate(), e.hours(), e.rate(), e.amount(), e.currency(),
                e.billable(), e.description());
    }

    private static Map<UUID, List<TimeEntry>> byCustomer(Collection<TimeEntry> entries) {
        return entries.stream().collect(Collectors.groupingBy(TimeEntry::customerId, LinkedHashMap::new, Collectors.toList()));
    }

    private void publish(String type, UUID customerId, String subject, Object payload) {
        outbox.append(event(type, customerId, subject, payload));
    }

    private static OutgoingEvent event(String type, UUID customerId, String subject, Object payload) {
        return new OutgoingEvent(TimesheetTopics.EVENTS, type, "customer", customerId.toString(), subject, payload);
    }
}
