package org.hourbill.timesheet.adapter.in.web;

import org.hourbill.platform.audit.Audited;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.hourbill.platform.problem.NotFound;
import org.hourbill.timesheet.adapter.out.persistence.TimeEntrySearch;
import org.hourbill.timesheet.application.TimeRecording;
import org.hourbill.timesheet.application.TimesheetApproval;
import org.hourbill.timesheet.domain.EntryStatus;
import org.hourbill.timesheet.domain.TimeEntries;
import org.hourbill.timesheet.domain.TimeEntry;
import org.hourbill.timesheet.domain.TimeEntry.WorkDone;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Time entries and their lifecycle. Transitions are commands on collections ({@code /time-entries/approvals}
 * etc.) because a month-end close moves thousands of entries in one request.
 */
@RestController
@RequestMapping("/time-entries")
@Validated
class TimeEntryController {
    static final int MAX_ENTRIES_PER_REQUEST = 50_000;

    private final TimeRecording recording;
    private final TimesheetApproval approval;
    private final TimeEntries entries;
    private final TimeEntrySearch search;

    TimeEntryController(TimeRecording recording, TimesheetApproval approval, TimeEntries entries, TimeEntrySearch search) {
        this.recording = recording;
        this.approval = approval;
        this.entries = entries;
        this.search = search;
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    ResponseEntity<EntryView> record(@Valid @RequestBody EntryRequest request) {
        TimeEntry entry = recording.record(request.projectId(), request.resourceId(), request.work());
        return ResponseEntity.created(URI.create("/time-entries/" + entry.id())).body(EntryView.of(entry));
    }

    @PutMapping("/{id}")
    EntryView edit(@PathVariable UUID id, @Valid @RequestBody EntryRequest request) {
        return EntryView.of(recording.edit(id, request.projectId(), request.work()));
    }

    @GetMapping("/{id}")
    @Transactional(readOnly = true)
    EntryView get(@PathVariable UUID id) {
        return entries.findById(id).map(EntryView::of).orElseThrow(() -> new NotFound("no time entry " + id));
    }

    @GetMapping
    PageView<EntryView> find(@RequestParam(required = false) EntryStatus status,
            @RequestParam(required = false) UUID customerId, @RequestParam(required = false) UUID projectId,
            @RequestParam(required = false) UUID resourceId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") @Min(0) int page, @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size) {
        var found = search.find(new TimeEntrySearch.Filter(status, customerId, projectId, resourceId, from, to),
                PageRequest.of(page, size, Sort.by("workDate", "id")));
        return new PageView<>(found.getContent().stream().map(EntryView::of).toList(), page, size, found.getTotalElements());
    }

    /** What the entries come to per currency (submitted ones at the rate approval would fix today): a read, sent as POST for its list of ids. */
    @PostMapping("/valuations")
    List<TimesheetApproval.Valuation> value(@Valid @RequestBody EntrySelection request) {
        return approval.value(request.entryIds());
    }

    @Audited("submit")
    @PostMapping("/submissions")
    Transitioned submit(@Valid @RequestBody EntrySelection request) {
        return new Transitioned(approval.submit(request.entryIds()));
    }

    @Audited("approve")
    @PostMapping("/approvals")
    Transitioned approve(@Valid @RequestBody EntrySelection request) {
        return new Transitioned(approval.approve(request.entryIds()));
    }

    @Audited("reject")
    @PostMapping("/rejections")
    Transitioned reject(@Valid @RequestBody Rejection request) {
        return new Transitioned(approval.reject(request.entryIds(), request.reason()));
    }

    @Audited("reopen")
    @PostMapping("/reopenings")
    Transitioned reopen(@Valid @RequestBody EntrySelection request) {
        return new Transitioned(approval.reopen(request.entryIds()));
    }

    record EntryRequest(@NotNull UUID projectId, @NotNull UUID resourceId, @NotNull LocalDate date, @NotNull BigDecimal hours,
            @Size(max = 200) String task, @Size(max = 2000) String description, Boolean billable) {
        WorkDone work() {
            return new WorkDone(date, hours, task, description, billable);
        }
    }

    record EntrySelection(@NotEmpty @Size(max = MAX_ENTRIES_PER_REQUEST) List<@NotNull UUID> entryIds) {
    }

    record Rejection(@NotEmpty @Size(max = MAX_ENTRIES_PER_REQUEST) List<@NotNull UUID> entryIds, @NotBlank String reason) {
    }

    record Transitioned(int entries) {
    }

    record PageView<T>(List<T> items, int page, int size, long total) {
    }

    record EntryView(UUID id, UUID customerId, UUID projectId, UUID resourceId, LocalDate date, BigDecimal hours, String task,
            String description, boolean billable, EntryStatus status, String rejectionReason, BigDecimal rate,
            BigDecimal amount, String currency) {
        static EntryView of(TimeEntry e) {
            return new EntryView(e.id(), e.customerId(), e.projectId(), e.resourceId(), e.workDate(), e.hours(), e.task(),
                    e.description(), e.billable(), e.status(), e.rejectionReason(), e.rate(), e.amount(), e.currency());
        }
    }
}
