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

    /** Looks up what an approval event tells about each entry beyond the entry itself. */
    interface ApprovalContext {
        Project project(TimeEntry entry);

        Consultant consultant(TimeEntry entry);
    }
}
