package org.hourbill.timesheet.application;

import java.util.UUID;

import org.hourbill.platform.problem.NotFound;
import org.hourbill.platform.time.BusinessDates;
import org.hourbill.timesheet.domain.Consultant;
import org.hourbill.timesheet.domain.Consultants;
import org.hourbill.timesheet.domain.DailyHours;
import org.hourbill.timesheet.domain.Project;
import org.hourbill.timesheet.domain.Projects;
import org.hourbill.timesheet.domain.TimeEntries;
import org.hourbill.timesheet.domain.TimeEntry;
import org.hourbill.timesheet.domain.TimeEntry.WorkDone;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Consultants book and correct their hours. */
@Service
@Transactional
public class TimeRecording {
    private static final UUID NO_ENTRY = new UUID(0, 0);

    private final TimeEntries entries;
    private final Projects projects;
    private final Consultants consultants;
    private final BusinessDates dates;

    TimeRecording(TimeEntries entries, Projects projects, Consultants consultants, BusinessDates dates) {
        this.entries = entries;
        this.projects = projects;
        this.consultants = consultants;
        this.dates = dates;
    }

    public TimeEntry record(UUID projectId, UUID resourceId, WorkDone work) {
        dates.planned("date", work.date());
        Project project = project(projectId);
        Consultant consultant = consultant(resourceId);
        TimeEntry entry = new TimeEntry(UUID.randomUUID(), project, resourceId, work);
        DailyHours.check(consultant.name(), work.date(), entries.hoursBooked(resourceId, work.date(), NO_ENTRY), work.hours());
        return entries.add(entry);
    }

    public TimeEntry edit(UUID entryId, UUID projectId, WorkDone work) {
        dates.planned("date", work.date());
        TimeEntry entry = entries.findById(entryId).orElseThrow(() -> new NotFound("no time entry " + entryId));
        Project project = project(projectId);
        entry.edit(project, work);
        Consultant consultant = consultant(entry.resourceId());
        DailyHours.check(consultant.name(), work.date(), entries.hoursBooked(entry.resourceId(), work.date(), entryId), work.hours());
        return entry;
    }

    private Project project(UUID projectId) {
        return projects.findById(projectId).orElseThrow(() -> new NotFound("projectId", "no project " + projectId));
    }

    private Consultant consultant(UUID resourceId) {
        return consultants.findById(resourceId).orElseThrow(() -> new NotFound("resourceId", "no resource " + resourceId));
    }
}
