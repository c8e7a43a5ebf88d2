package org.hourbill.billing.adapter.in.web;

import java.util.UUID;

import org.hourbill.billing.application.UnbilledPool;
import org.hourbill.billing.domain.BillingCustomer;
import org.hourbill.platform.problem.NotFound;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A customer as billing knows it (from timesheets' CustomerChanged events). */
@RestController
class BillingCustomerController {
    private final UnbilledPool pool;

    BillingCustomerController(UnbilledPool pool) {
        this.pool = pool;
    }

    @GetMapping("/customers/{customerId}")
    BillingCustomer customer(@PathVariable UUID customerId) {
        return pool.customer(customerId).orElseThrow(() -> new NotFound("no customer " + customerId + " known to billing"));
    }
}
