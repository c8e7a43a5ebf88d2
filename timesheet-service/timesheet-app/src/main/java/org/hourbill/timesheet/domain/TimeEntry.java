package org.hourbill.timesheet.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.hourbill.money.Money;
import org.hourbill.platform.problem.ConflictingState;
import org.hourbill.platform.problem.InvalidField;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/**
 * Hours a consultant worked on a project on one day. It guards its lifecycle: only a draft (or rejected) entry
 * can be edited or submitted, only a submitted one approved or rejected, only an approved, unbilled one
 * reopened. The rate and amount are fixed at approval, which is what billing sees.
 */
@Entity
public class TimeEntry {
    public static final BigDecimal MAX_HOURS_PER_DAY = BigDecimal.valueOf(24);

    @Id
    private UUID id;
    private UUID customerId;
    private UUID projectId;
    private UUID resourceId;
    private LocalDate workDate;
    private BigDecimal hours;
    private String task;
    private String description;
    private boolean billable;
    @Enumerated(EnumType.STRING)
    private EntryStatus status;
    private String rejectionReason;
    private BigDecimal rate;
    private BigDecimal amount;
    private String currency;
    @Version
    private Long version;

    protected TimeEntry() {
    }

    /** Rebuilds an entry as stored; for persistence adapters that load many entries without an ORM. */
    public static TimeEntry restore(UUID id, UUID customerId, UUID projectId, UUID resourceId, LocalDate workDate,
            BigDecimal hours, String task, String description, boolean billable, EntryStatus status,
            String rejectionReason, BigDecimal rate, BigDecimal amount, String currency, long version) {
        TimeEntry e = new TimeEntry();
        e.id = id;
        e.customerId = customerId;
        e.projectId = projectId;
        e.resourceId = resourceId;
        e.workDate = workDate;
        e.hours = hours;
        e.task = task;
        e.description = description;
        e.billable = billable;
        e.status = status;
        e.rejectionReason = rejectionReason;
        e.rate = rate;
        e.amount = amount;
        e.currency = currency;
        e.version = version;
        return e;
    }

    public TimeEntry(UUID id, Project project, UUID resourceId, WorkDone work) {
        this.id = id;
        this.customerId = project.customerId();
        this.projectId = project.id();
        this.resourceId = resourceId;
        this.status = EntryStatus.DRAFT;
        apply(project, work);
    }

    /** Changes what was booked; only while the entry is a draft or was rejected. */
    public void edit(Project project, WorkDone work) {
        if (!status.editable()) {
            throw new ConflictingState("time entry " + id + " is " + status + " and can no longer be edited");
        }
        this.customerId = project.customerId();
        this.projectId = project.id();
        this.status = EntryStatus.DRAFT;
        apply(project, work);
    }

    private void apply(Project project, WorkDone work) {
        if (work.hours() == null || work.hours().signum() <= 0) {
            throw new InvalidField("hours", "hours must be greater than 0");
        }
        if (work.hours().compareTo(MAX_HOURS_PER_DAY) > 0) {
            throw new InvalidField("hours", "a day has at most 24 hours");
        }
        if (work.hours().scale() > 2) {
            throw new InvalidField("hours", "hours have at most 2 decimals");
        }
        boolean billable = work.billable() == null ? project.billed() : work.billable();
        if (billable && !project.billed()) {
            throw new InvalidField("billable", "project " + project.code() + " is not billed; its entries cannot be billable");
        }
        this.workDate = work.date();
        this.hours = work.hours();
        this.task = work.task();
        this.description = work.description();
        this.billable = billable;
    }

    public void submit() {
        if (!status.editable()) {
            throw new ConflictingState("time entry " + id + " is " + status + "; only a draft or rejected entry can be submitted");
        }
        status = EntryStatus.SUBMITTED;
        rejectionReason = null;
    }

    /** Approves the entry and fixes its price: amount = hours x rate, rounded to the currency's minor unit. */
    public void approve(BigDecimal hourlyRate, String billingCurrency) {
        if (status != EntryStatus.SUBMITTED) {
            throw new ConflictingState("time entry " + id + " is " + status + "; only a submitted entry can be approved");
        }
        status = EntryStatus.APPROVED;
        rate = billable ? hourlyRate : BigDecimal.ZERO;
        currency = billingCurrency;
        amount = Money.amount(hours, rate, billingCurrency);
    }

    public void reject(String reason) {
        if (status != EntryStatus.SUBMITTED) {
            throw new ConflictingState("time entry " + id + " is " + status + "; only a submitted entry can be rejected");
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidField("reason", "say why the entry is rejected");
        }
        status = EntryStatus.REJECTED;
        rejectionReason = reason;
    }

    /** Takes an approved entry back to draft; it leaves the billing pool. Billed entries are locked. */
    public void reopen() {
        if (status == EntryStatus.BILLED) {
            throw new ConflictingState("time entry " + id + " is already billed and cannot be reopened; void its invoice"
                    + " with the entries returned to the pool to correct it");
        }
        if (status == EntryStatus.WRITTEN_OFF) {
            throw new ConflictingState("time entry " + id + " is written off in billing and cannot be reopened; reverse the"
                    + " write-off first");
        }
        if (status != EntryStatus.APPROVED) {
            throw new ConflictingState("time entry " + id + " is " + status + "; only an approved entry can be reopened");
        }
        status = EntryStatus.DRAFT;
        rate = null;
        amount = null;
        currency = null;
    }

    /** Locks the entry once an invoice bills it; billing it again changes nothing. */
    public void markBilled() {
        if (status == EntryStatus.BILLED) return;
        if (status != EntryStatus.APPROVED) {
            throw new ConflictingState("time entry " + id + " is " + status + "; only an approved entry can be billed");
        }
        status = EntryStatus.BILLED;
    }

    /** Billing will not bill this approved entry; it stays as approved (rate and amount kept), but locked. */
    public void markWrittenOff() {
        if (status == EntryStatus.WRITTEN_OFF) return;
        if (status != EntryStatus.APPROVED) {
            throw new ConflictingState("time entry " + id + " is " + status + "; only an approved entry can be written off");
        }
        status = EntryStatus.WRITTEN_OFF;
    }

    /** Billable again (its invoice voided, or its write-off reversed): approved, so it can be reopened and corrected. */
    public void release() {
        if (status == EntryStatus.BILLED || status == EntryStatus.WRITTEN_OFF) status = EntryStatus.APPROVED;
    }

    public UUID id() { return id; }
    public UUID customerId() { return customerId; }
    public UUID projectId() { return projectId; }
    public UUID resourceId() { return resourceId; }
    public LocalDate workDate() { return workDate; }
    public BigDecimal hours() { return hours; }
    public String task() { return task; }
    public String description() { return description; }
    public boolean billable() { return billable; }
    public EntryStatus status() { return status; }
    public String rejectionReason() { return rejectionReason; }
    public BigDecimal rate() { return rate; }
    /** With exactly the currency's decimals, whatever scale the column keeps. */
    public BigDecimal amount() { return amount == null ? null : Money.inMinorUnits(amount, currency); }
    public String currency() { return currency; }
    public long version() { return version == null ? 0 : version; }

    /** What a consultant booked. {@code billable} null means: as the project is billed. */
    public record WorkDone(LocalDate date, BigDecimal hours, String task, String description, Boolean billable) {
    }
}
