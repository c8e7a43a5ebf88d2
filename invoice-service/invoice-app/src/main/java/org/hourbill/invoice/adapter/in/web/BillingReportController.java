package org.hourbill.invoice.adapter.in.web;

import java.time.LocalDate;
import java.util.List;

import org.hourbill.invoice.domain.Invoices;
import org.hourbill.platform.problem.InvalidField;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The billing report: what was billed per billing type and project. Only issued (done) invoices count; a bill
 * under review in billing-service is a draft and counts nowhere until it has its number.
 */
@RestController
class BillingReportController {
    private final Invoices invoices;

    BillingReportController(Invoices invoices) {
        this.invoices = invoices;
    }

    @GetMapping("/reports/billing")
    List<Invoices.BillingReportRow> billing(@RequestParam LocalDate issuedFrom, @RequestParam LocalDate issuedTo) {
        if (issuedTo.isBefore(issuedFrom)) throw new InvalidField("issuedTo", "the period ends before it starts");
        return invoices.billingReport(issuedFrom, issuedTo);
    }
}
