package org.hourbill.invoice.adapter.in.web;

import org.hourbill.platform.audit.Audited;
import org.hourbill.platform.security.SignedInPerson;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.hourbill.invoice.application.InvoiceLifecycle;
import org.hourbill.invoice.domain.BillDetails;
import org.hourbill.invoice.domain.CreditNote;
import org.hourbill.invoice.domain.EntryDisposition;
import org.hourbill.invoice.domain.Invoice;
import org.hourbill.invoice.domain.InvoiceLine;
import org.hourbill.invoice.domain.InvoiceState;
import org.hourbill.invoice.domain.InvoiceStatus;
import org.hourbill.invoice.domain.Invoices;
import org.hourbill.invoice.domain.Party;
import org.hourbill.invoice.domain.SendMode;
import org.hourbill.invoice.domain.Seller;
import org.hourbill.invoice.domain.StatusChange;
import org.hourbill.platform.problem.ConflictingState;
import org.hourbill.platform.problem.NotFound;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Issued invoices: list with filters, sorting, paging and totals per status; read by id or number; mark sent;
 * void by a credit note; the audit trail. The documents are never changed or deleted.
 */
@RestController
@RequestMapping("/invoices")
@Validated
class InvoiceController {
    private final Invoices invoices;
    private final InvoiceLifecycle lifecycle;
    private final Clock clock;

    InvoiceController(Invoices invoices, InvoiceLifecycle lifecycle, Clock clock) {
        this.invoices = invoices;
        this.lifecycle = lifecycle;
        this.clock = clock;
    }

    @GetMapping
    Invoices.InvoicePage list(@RequestParam(required = false) UUID customerId, @RequestParam(required = false) InvoiceStatus status,
            @RequestParam(required = false) LocalDate issuedFrom, @RequestParam(required = false) LocalDate issuedTo,
            @RequestParam(defaultValue = "false") boolean overdue,
            @RequestParam(defaultValue = "ISSUE_DATE") Invoices.SortKey sort, @RequestParam(defaultValue = "DESC") Direction direction,
            @RequestParam(defaultValue = "0") @Min(0) int page, @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return invoices.search(new Invoices.Filter(customerId, status, issuedFrom, issuedTo, overdue),
                new Invoices.Page(page, size, sort, direction == Direction.DESC), today());
    }

    /** Count, total and open amount per status and currency, for the same filters as the list. */
    @GetMapping("/totals")
    List<Invoices.StatusTotal> totals(@RequestParam(required = false) UUID customerId,
            @RequestParam(required = false) LocalDate issuedFrom, @RequestParam(required = false) LocalDate issuedTo,
            @RequestParam(defaultValue = "false") boolean overdue) {
        return invoices.totals(new Invoices.Filter(customerId, null, issuedFrom, issuedTo, overdue), today());
    }

    @GetMapping("/{id}")
    InvoiceView get(@PathVariable UUID id) {
        return view(invoices.find(id).orElseThrow(() -> new NotFound("no invoice " + id)));
    }

    @GetMapping("/by-number/{number}")
    InvoiceView byNumber(@PathVariable String number) {
        return view(invoices.findByNumber(number).orElseThrow(() -> new NotFound("no invoice numbered " + number)));
    }

    @GetMapping("/{id}/history")
    List<StatusChange> history(@PathVariable UUID id) {
        invoices.state(id).orElseThrow(() -> new NotFound("no invoice " + id));
        return invoices.history(id);
    }

    @Audited("send")
    @PostMapping("/{id}/sending")
    InvoiceView send(@PathVariable UUID id, @Valid @RequestBody SendingRequest request) {
        lifecycle.send(id, request.sentOn(), request.mode(), SignedInPerson.name());
        return get(id);
    }

    @ResponseStatus(HttpStatus.CREATED)
    @Audited("void")
    @PostMapping("/{id}/voiding")
    ResponseEntity<CreditNoteController.CreditNoteView> voidInvoice(@PathVariable UUID id, @Valid @RequestBody VoidRequest request) {
        CreditNote creditNote = lifecycle.voidInvoice(id, request.voidedOn(), request.reason(), request.entries(),
                SignedInPerson.name());
        return ResponseEntity.created(URI.create("/credit-notes/" + creditNote.id())).body(CreditNoteController.view(creditNote));
    }

    /** An issued invoice is a legal document: it is corrected by a credit note, never edited or deleted. */
    @RequestMapping(path = "/{id}", method = {RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE})
    void change(@PathVariable UUID id) {
        Invoice invoice = invoices.find(id).orElseThrow(() -> new NotFound("no invoice " + id));
        throw new ConflictingState("invoice " + invoice.number() + " is issued and can never change; void it with a credit note");
    }

    private InvoiceView view(Invoice i) {
        var fo = i.frameOrder();
        InvoiceState s = invoices.state(i.id()).orElseThrow();
        return new InvoiceView(i.id(), i.number(), i.series(), s.status(), s.amountPaid(), s.amountOpen(),
                s.overdue(today(), i.dueDate()), s.sentOn(), s.sendMode(), s.paidOn(), s.creditNoteId(), i.seller(), i.buyer(),
                i.currency(), i.issueDate(), i.dueDate(), i.periodFrom(), i.periodTo(), i.paymentTermsDays(), i.poNumber(),
                fo == null ? null : new FrameOrderView(fo.frameOrderId(), fo.poNumber(), fo.drawDownId()), i.notes(), i.lines(),
                i.totalHours(), i.subtotal(), i.taxRate(), i.taxAmount(), i.total(), i.issuedAt(), i.invoiceRunId(), i.bill(),
                i.percentOfOrder());
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    enum Direction {
        ASC, DESC
    }

    /** Who sent it is the signed-in person ({@link SignedInPerson}); a {@code by} in the body is refused. */
    record SendingRequest(LocalDate sentOn, @NotNull SendMode mode) {
    }

    record VoidRequest(LocalDate voidedOn, @NotBlank @Size(max = 1000) String reason, @NotNull EntryDisposition entries) {
    }

    record FrameOrderView(UUID frameOrderId, String poNumber, UUID drawDownId) {
    }

    record InvoiceView(UUID id, String number, String series, InvoiceStatus status, BigDecimal amountPaid, BigDecimal amountOpen,
            boolean overdue, LocalDate sentOn, SendMode sendMode, LocalDate paidOn, UUID creditNoteId, Seller seller, Party buyer,
            String currency, LocalDate issueDate, LocalDate dueDate, LocalDate periodFrom, LocalDate periodTo,
            int paymentTermsDays, String poNumber, FrameOrderView frameOrder, String notes, List<InvoiceLine> lines,
            BigDecimal totalHours, BigDecimal subtotal, BigDecimal taxRate, BigDecimal taxAmount, BigDecimal total,
            Instant issuedAt, UUID invoiceRunId, BillDetails bill, BigDecimal percentOfOrder) {
    }
}
