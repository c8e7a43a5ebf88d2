package org.hourbill.frameorder.adapter.in.web;

import org.hourbill.platform.audit.Audited;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.hourbill.frameorder.application.FrameOrderBook;
import org.hourbill.frameorder.application.FrameOrderLedger;
import org.hourbill.frameorder.domain.DrawDown;
import org.hourbill.frameorder.domain.FrameOrder;
import org.hourbill.frameorder.domain.FrameOrderStatus;
import org.hourbill.platform.problem.NotFound;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Frame orders per customer: open, list, utilization with the draw-down history, close, reverse a draw-down. */
@RestController
@RequestMapping("/frame-orders")
class FrameOrderController {
    private final FrameOrderBook book;
    private final FrameOrderLedger ledger;

    FrameOrderController(FrameOrderBook book, FrameOrderLedger ledger) {
        this.book = book;
        this.ledger = ledger;
    }

    @ResponseStatus(HttpStatus.CREATED)
    @Audited("open-frame-order")
    @PostMapping
    ResponseEntity<FrameOrderView> open(@Valid @RequestBody OpenRequest request) {
        FrameOrder order = book.open(request.customerId(), request.poNumber(), request.totalHours(), request.validFrom(),
                request.validTo());
        return ResponseEntity.created(URI.create("/frame-orders/" + order.id())).body(FrameOrderView.of(order));
    }

    /** The customer's frame orders; {@code validOn} keeps those that can bill an invoice of that date. */
    @GetMapping
    List<FrameOrderView> list(@RequestParam(required = false) UUID customerId,
            @RequestParam(required = false) FrameOrderStatus status, @RequestParam(required = false) LocalDate validOn) {
        return book.ofCustomer(customerId, status).stream().filter(o -> validOn == null || o.validOn(validOn))
                .map(FrameOrderView::of).toList();
    }

    @GetMapping("/{id}")
    UtilizationView utilization(@PathVariable UUID id) {
        FrameOrderBook.Utilization u = book.utilization(id);
        return new UtilizationView(FrameOrderView.of(u.order()), u.drawDowns().stream().map(DrawDownView::of).toList());
    }

    @Audited("close-frame-order")
    @PostMapping("/{id}/closure")
    FrameOrderView close(@PathVariable UUID id) {
        return FrameOrderView.of(book.close(id));
    }

    /** Finance gives a draw-down's hours back by hand (voided invoices do it through events). */
    @PostMapping("/{id}/draw-downs/{drawDownId}/reversal")
    DrawDownView reverse(@PathVariable UUID id, @PathVariable UUID drawDownId, @Valid @RequestBody ReversalRequest request) {
        if (book.utilization(id).drawDowns().stream().noneMatch(d -> d.id().equals(drawDownId))) {
            throw new NotFound("frame order " + id + " has no draw-down " + drawDownId);
        }
        return DrawDownView.of(ledger.reverse(drawDownId, id, request.reason()));
    }

    record OpenRequest(@NotNull UUID customerId, @NotBlank @Size(max = 60) String poNumber,
            @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 10, fraction = 2) BigDecimal totalHours,
            @NotNull LocalDate validFrom, @NotNull LocalDate validTo) {
    }

    record ReversalRequest(@NotBlank @Size(max = 500) String reason) {
    }

    record FrameOrderView(UUID id, UUID customerId, String poNumber, BigDecimal totalHours, BigDecimal billedHours,
            BigDecimal remainingHours, BigDecimal utilizationPercent, LocalDate validFrom, LocalDate validTo, FrameOrderStatus status) {
        static FrameOrderView of(FrameOrder o) {
            return new FrameOrderView(o.id(), o.customerId(), o.poNumber(), o.totalHours(), o.billedHours(), o.remainingHours(),
                    o.utilizationPercent(), o.validFrom(), o.validTo(), o.status());
        }
    }

    record DrawDownView(UUID id, BigDecimal hours, String status, String reference, String invoiceNumber, String note, Instant at) {
        static DrawDownView of(DrawDown d) {
            return new DrawDownView(d.id(), d.hours(), d.status().name(), d.reference(), d.invoiceNumber(), d.note(), d.at());
        }
    }

    record UtilizationView(FrameOrderView frameOrder, List<DrawDownView> drawDowns) {
    }
}
