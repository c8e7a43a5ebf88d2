package org.hourbill.timesheet.adapter.in.web;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.hourbill.platform.problem.NotFound;
import org.hourbill.timesheet.application.CustomerDirectory;
import org.hourbill.timesheet.domain.Customer;
import org.hourbill.timesheet.domain.Customer.CustomerDetails;
import org.hourbill.timesheet.domain.Customers;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/customers")
class CustomerController {
    private final CustomerDirectory directory;
    private final Customers customers;

    CustomerController(CustomerDirectory directory, Customers customers) {
        this.directory = directory;
        this.customers = customers;
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    ResponseEntity<CustomerView> register(@Valid @RequestBody CustomerRequest request) {
        Customer customer = directory.registerCustomer(request.details());
        return ResponseEntity.created(URI.create("/customers/" + customer.id())).body(CustomerView.of(customer));
    }

    @PutMapping("/{id}")
    CustomerView change(@PathVariable UUID id, @Valid @RequestBody CustomerRequest request) {
        return CustomerView.of(directory.changeCustomer(id, request.details()));
    }

    @GetMapping
    @Transactional(readOnly = true)
    List<CustomerView> list() {
        return customers.findAllByOrderByName().stream().map(CustomerView::of).toList();
    }

    @GetMapping("/{id}")
    @Transactional(readOnly = true)
    CustomerView get(@PathVariable UUID id) {
        return customers.findById(id).map(CustomerView::of).orElseThrow(() -> new NotFound("no customer " + id));
    }

    record CustomerRequest(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 500) String address,
            @Size(max = 50) String taxId,
            @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal taxRate,
            @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency,
            @NotNull @PositiveOrZero Integer paymentTermsDays) {
        CustomerDetails details() {
            return new CustomerDetails(name, address, taxId, taxRate, currency, paymentTermsDays);
        }
    }

    record CustomerView(UUID id, String name, String address, String taxId, BigDecimal taxRate, String currency,
            int paymentTermsDays) {
        static CustomerView of(Customer c) {
            return new CustomerView(c.id(), c.name(), c.address(), c.taxId(), c.taxRate(), c.currency(), c.paymentTermsDays());
        }
    }
}
