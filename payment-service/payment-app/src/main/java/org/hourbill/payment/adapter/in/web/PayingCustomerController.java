package org.hourbill.payment.adapter.in.web;

import java.util.List;
import java.util.UUID;

import org.hourbill.payment.application.PayingCustomerDirectory;
import org.hourbill.payment.domain.PayingCustomer;
import org.hourbill.platform.problem.NotFound;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The customers this service knows, as announced by timesheets. */
@RestController
class PayingCustomerController {
    private final PayingCustomerDirectory customers;

    PayingCustomerController(PayingCustomerDirectory customers) {
        this.customers = customers;
    }

    @GetMapping("/customers")
    List<PayingCustomer> all() {
        return customers.all();
    }

    @GetMapping("/customers/{id}")
    PayingCustomer one(@PathVariable UUID id) {
        return customers.find(id).orElseThrow(() -> new NotFound("no customer " + id + " known to payment-service"));
    }
}
