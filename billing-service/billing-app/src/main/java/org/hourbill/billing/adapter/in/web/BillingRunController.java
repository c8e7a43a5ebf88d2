package org.hourbill.billing.adapter.in.web;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.hourbill.billing.application.BillingRunPlanner;
import org.hourbill.billing.application.BillingRunPlanner.RunRequest;
import org.hourbill.billing.domain.billingrun.BillingRun;
import org.hourbill.billing.domain.billingrun.RunCustomer;
import org.hourbill.billing.domain.billingrun.RunReport;
import org.hourbill.platform.audit.Audited;
import org.hourbill.platform.tracing.MessageTracing;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Billing runs: POST a period (and optionally the customers) for a draft with every bill previewed, start it, and
 * poll it; its report is also a CSV file.
 */
@RestController
@RequestMapping("/billing-runs")
class BillingRunController {
    private final BillingRunPlanner planner;
    private final MessageTracing tracing;

    BillingRunController(BillingRunPlanner planner, MessageTracing tracing) {
        this.tracing = tracing;
        this.planner = planner;
    }

    @ResponseStatus(HttpStatus.CREATED)
    @Audited("prepare-billing-run")
    @PostMapping
    ResponseEntity<RunView> prepare(@Valid @RequestBody PrepareRequest request) {
        RunReport report = planner.prepare(new RunRequest(request.periodFrom(), request.periodTo(), request.customerIds(),
                request.paymentTermsDays(), request.notes()));
        return ResponseEntity.created(URI.create("/billing-runs/" + report.run().id())).body(RunView.of(report));
    }

    /** The latest runs, newest first, without their customers. */
    @GetMapping
    List<RunView> recent() {
        return planner.recent(20).stream().map(r -> RunView.of(r).withoutCustomers()).toList();
    }

    @GetMapping("/{id}")
    RunView get(@PathVariable UUID id) {
        return RunView.of(planner.report(id));
    }

    /** Starts the draft: answers at once; poll the run until its status is FINISHED. */
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Audited("start-billing-run")
    @PostMapping("/{id}/start")
    ResponseEntity<RunView> start(@PathVariable UUID id) {
        tracing.tagCurrent("billing.run.id", id.toString());
        return ResponseEntity.accepted().location(URI.create("/billing-runs/" + id)).body(RunView.of(planner.start(id)));
    }

    @ResponseStatus(HttpStatus.OK)
    @GetMapping(value = "/{id}/report.csv", produces = "text/csv")
    ResponseEntity<String> csv(@PathVariable UUID id) {
        RunReport report = planner.report(id);
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"billing-run-" + report.run().periodFrom() + "-to-"
                        + report.run().periodTo() + ".csv\"")
                .body(RunCsv.of(report));
    }

    /** @param customerIds the customers to bill; empty or absent: every customer with approved, unbilled hours in the period */
    record PrepareRequest(@NotNull LocalDate periodFrom, @NotNull LocalDate periodTo, @Size(max = 5_000) List<@NotNull UUID> customerIds,
            Integer paymentTermsDays, @Size(max = 2_000) String notes) {
    }

    /**
     * @param status DRAFT (previewed, not started), RUNNING (invoices being issued) or FINISHED (every included customer
     *               has its invoice or its reason)
     * @param totals per currency: while a draft, the bills it would issue; once started, the invoices issued
     */
    record RunView(UUID id, LocalDate periodFrom, LocalDate periodTo, Integer paymentTermsDays, String notes, String status,
            Instant createdAt, Instant startedAt, RunReport.Progress progress, List<RunReport.CurrencyTotal> totals,
            List<CustomerView> customers) {
        static RunView of(RunReport r) {
            BillingRun run = r.run();
            String status = run.status() == BillingRun.Status.DRAFT ? "DRAFT" : r.progress().finished() ? "FINISHED" : "RUNNING";
            return new RunView(run.id(), run.periodFrom(), run.periodTo(), run.paymentTermsDays(), run.notes(), status, run.createdAt(),
                    run.startedAt(), r.progress(), r.totals(), r.customers().stream().map(CustomerView::of).toList());
        }

        RunView withoutCustomers() {
            return new RunView(id, periodFrom, periodTo, paymentTermsDays, notes, status, createdAt, startedAt, progress, totals, null);
        }
    }

    /** @param outcome HELD (waits for a person's review), WAITING, ISSUED or FAILED */
    record CustomerView(UUID customerId, String customerName, RunCustomer.Outcome outcome, String reason, String invoiceNumber,
            UUID reviewId, boolean reviewReused, String currency, BigDecimal hours, BigDecimal net, BigDecimal tax, BigDecimal total,
            RunCustomer.FrameOrderUse frameOrder, UUID invoiceRunId) {
        static CustomerView of(RunCustomer c) {
            var f = c.figures();
            return new CustomerView(c.customerId(), c.customerName(), c.outcome(), c.reason(), c.invoiceNumber(), c.reviewId(),
                    c.reviewReused(), f == null ? null : f.currency(), f == null ? null : f.hours(), f == null ? null : f.net(),
                    f == null ? null : f.tax(), f == null ? null : f.total(), c.frameOrder(), c.invoiceRunId());
        }
    }
}
