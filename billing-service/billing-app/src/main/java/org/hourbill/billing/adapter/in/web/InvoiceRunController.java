package org.hourbill.billing.adapter.in.web;

import java.time.Instant;
import java.util.UUID;

import org.hourbill.billing.application.InvoiceRunner;
import org.hourbill.billing.application.InvoiceRuns;
import org.hourbill.billing.domain.run.InvoiceRun;
import org.hourbill.billing.domain.run.RunStep;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The handle of Generate & Issue: RUNNING, then ISSUED with the invoice number, or FAILED with the reason. */
@RestController
class InvoiceRunController {
    private final InvoiceRunner runner;
    private final InvoiceRuns runs;

    InvoiceRunController(InvoiceRunner runner, InvoiceRuns runs) {
        this.runner = runner;
        this.runs = runs;
    }

    @GetMapping("/invoice-runs/{id}")
    RunView get(@PathVariable UUID id) {
        InvoiceRun run = runner.get(id);
        return RunView.of(run, runs.startedAt(id).orElse(null), runs.finishedAt(id).orElse(null));
    }

    /**
     * @param status RUNNING, ISSUED or FAILED: what a person waits for
     * @param step   where the saga is, for operations
     */
    record RunView(UUID id, UUID reviewId, UUID customerId, String status, RunStep step, String invoiceNumber, String failureReason,
            UUID frameOrderId, Instant startedAt, Instant finishedAt) {
        static RunView of(InvoiceRun r, Instant startedAt, Instant finishedAt) {
            return new RunView(r.id(), r.reviewId(), r.customerId(), r.outcome(), r.step(), r.invoiceNumber(), r.failureReason(),
                    r.frameOrderId(), startedAt, finishedAt);
        }
    }
}
