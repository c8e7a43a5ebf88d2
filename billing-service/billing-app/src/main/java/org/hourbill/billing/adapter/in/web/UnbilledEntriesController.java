package org.hourbill.billing.adapter.in.web;

import java.time.LocalDate;
import java.util.UUID;

import org.hourbill.billing.application.UnbilledPool;
import org.hourbill.billing.application.UnbilledPool.PoolFilter;
import org.hourbill.billing.domain.PoolSummary;
import org.hourbill.platform.problem.InvalidField;
import org.hourbill.platform.problem.NotFound;
import org.hourbill.timesheet.events.BillingType;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The approved hours of a customer that no invoice has billed yet, with their totals. */
@RestController
class UnbilledEntriesController {
    private final UnbilledPool pool;

    UnbilledEntriesController(UnbilledPool pool) {
        this.pool = pool;
    }

    @GetMapping("/customers/{customerId}/unbilled-entries")
    @Transactional(readOnly = true)
    PoolSummary unbilled(@PathVariable UUID customerId, @RequestParam(required = false) UUID projectId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) BillingType billingType) {
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidField("from", "the period starts after it ends");
        }
        pool.customer(customerId).orElseThrow(() -> new NotFound("no customer " + customerId + " known to billing"));
        return PoolSummary.of(pool.find(customerId,
                new PoolFilter(projectId, from, to, billingType == null ? null : billingType.name())));
    }
}
