package org.hourbill.frameorder.adapter.in.web;

import java.util.List;
import java.util.UUID;

import org.hourbill.frameorder.application.FrameOrderCustomerDirectory;
import org.hourbill.frameorder.domain.FrameOrderCustomer;
import org.hourbill.platform.problem.NotFound;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The customers this service knows, as announced by timesheets. */
@RestController
class FrameOrderCustomerController {
    private final FrameOrderCustomerDirectory customers;

    FrameOrderCustomerController(FrameOrderCustomerDirectory customers) {
        this.customers = customers;
    }

    @GetMapping("/customers")
    List<FrameOrderCustomer> all() {
        return customers.all();
    }

    @GetMapping("/customers/{id}")
    FrameOrderCustomer one(@PathVariable UUID id) {
        return customers.find(id).orElseThrow(() -> new NotFound("no customer " + id + " known to frame-order-service"));
    }
}
