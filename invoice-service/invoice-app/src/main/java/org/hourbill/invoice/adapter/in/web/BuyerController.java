package org.hourbill.invoice.adapter.in.web;

import java.util.List;
import java.util.UUID;

import org.hourbill.invoice.application.BuyerDirectory;
import org.hourbill.invoice.domain.Buyer;
import org.hourbill.platform.problem.NotFound;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The customers this service knows, as announced by timesheets. */
@RestController
class BuyerController {
    private final BuyerDirectory customers;

    BuyerController(BuyerDirectory customers) {
        this.customers = customers;
    }

    @GetMapping("/customers")
    List<Buyer> all() {
        return customers.all();
    }

    @GetMapping("/customers/{id}")
    Buyer one(@PathVariable UUID id) {
        return customers.find(id).orElseThrow(() -> new NotFound("no customer " + id + " known to invoice-service"));
    }
}
