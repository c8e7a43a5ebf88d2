package org.hourbill.timesheet.application;

import java.util.Collection;

import org.hourbill.timesheet.domain.Consultant;
import org.hourbill.timesheet.domain.Customer;
import org.hourbill.timesheet.domain.Project;
import org.hourbill.timesheet.domain.TimeEntry;

/** Announces what changed in timesheets; must be called inside the transaction that made the change. */
public interface TimesheetEventPublisher {
    void customerChanged(Customer customer);

    void projectChanged(Project project);

    /** @param entries approved entries, of any customers; consultants and projects give names and billing types */
    void entriesApproved(Collection<TimeEntry> entries, ApprovalContext context);

    void entriesReopened(Collection<TimeEntry> entries);

    /** @param notBilled entries of the invoice that could not be locked (reopened meanwhile) */
    void entriesBilled(java.util.UUID invoiceRunId, java.util.UUID customerId, String invoiceNumber, Collection<TimeEntry> billed,
            Collection<java.util.UUID> notBilled);

    /** The answer to an invoice run's lock: all its entries are locked. */
    void entriesLocked(java.util.UUID invoiceRunId, java.util.UUID customerId, Collection<TimeEntry> locked);

    /** The answer to an invoice run's lock when entries stood in the way: none is locked. */
    void entriesNotLocked(java.util.UUID invoiceRunId, java.util.UUID customerId, Collection<java.util.UUID> inTheWay, String reason);

    /** Looks up what an approval event tells about each entry beyond the entry itself. */
    interface ApprovalContext {
        Project project(TimeEntry entry);

        Consultant consultant(TimeEntry entry);
    }
}
