package org.hourbill.invoice.adapter.in.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.hourbill.invoice.domain.Invoice;
import org.hourbill.invoice.domain.InvoiceLine;
import org.hourbill.invoice.domain.InvoiceStatus;
import org.hourbill.invoice.domain.Invoices;
import org.hourbill.invoice.domain.Party;
import org.hourbill.invoice.domain.Seller;
import org.hourbill.platform.problem.ConflictingState;
import org.hourbill.platform.problem.NotFound;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** Issued invoices: list with filters and paging, read by id or number. They are never changed or deleted. */
@RestController
@RequestMapping("/invoices")
@Validated
class InvoiceController {
    private final Invoices invoices;

    InvoiceController(Invoices invoices) {
        this.invoices = invoices;
    }

    @GetMapping
    Invoices.InvoicePage list(@RequestParam(required = false) UUID customerId, @RequestParam(required = false) InvoiceStatus status,
            @RequestParam(required = false) LocalDate issuedFrom, @RequestParam(required = false) LocalDate issuedTo,
            @RequestParam(defaultValue = "0") @Min(0) int page, @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return invoices.search(new Invoices.Filter(customerId, status, issuedFrom, issuedTo), page, size);
    }

    @GetMapping("/{id}")
    InvoiceView get(@PathVariable UUID id) {
        return view(invoices.find(id).orElseThrow(() -> new NotFound("no invoice " + id)));
    }

    @GetMapping("/by-number/{number}")
    InvoiceView byNumber(@PathVariable String number) {
        return view(invoices.findByNumber(number).orElseThrow(() -> new NotFound("no invoice numbered " + number)));
    }

    /** An issued invoice is a legal document: it is corrected by a credit note, never edited or deleted. */
    @RequestMapping(path = "/{id}", method = {RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE})
    void change(@PathVariable UUID id) {
        Invoice invoice = invoices.find(id).orElseThrow(() -> new NotFound("no invoice " + id));
        throw new ConflictingState("invoice " + invoice.number() + " is issued and can never change; correct it with a credit note");
    }

    private InvoiceView view(Invoice i) {
        var fo = i.frameOrder();
        return new InvoiceView(i.id(), i.number(), i.series(), invoices.status(i.id()).orElseThrow(), i.seller(), i.buyer(),
                i.currency(), i.issueDate(), i.dueDate(), i.periodFrom(), i.periodTo(), i.paymentTermsDays(), i.poNumber(),
                fo == null ? null : new FrameOrderView(fo.frameOrderId(), fo.poNumber(), fo.drawDownId()), i.notes(), i.lines(),
                i.totalHours(), i.subtotal(), i.taxRate(), i.taxAmount(), i.total(), i.issuedAt(), i.invoiceRunId());
    }

    record FrameOrderView(UUID frameOrderId, String poNumber, UUID drawDownId) {
    }

    record InvoiceView(UUID id, String number, String series, InvoiceStatus status, Seller seller, Party buyer, String currency,
            LocalDate issueDate, LocalDate dueDate, LocalDate periodFrom, LocalDate periodTo, int paymentTermsDays,
            String poNumber, FrameOrderView frameOrder, String notes, List<InvoiceLine> lines, BigDecimal totalHours,
            BigDecimal subtotal, BigDecimal taxRate, BigDecimal taxAmount, BigDecimal total, Instant issuedAt, UUID invoiceRunId) {
    }
}
