package org.hourbill.payment.adapter.in.web;

import org.hourbill.platform.audit.Audited;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.hourbill.payment.application.PaymentDesk;
import org.hourbill.payment.domain.Payment;
import org.hourbill.payment.domain.PaymentMode;
import org.hourbill.payment.domain.PaymentOrder;
import org.hourbill.payment.domain.Payments;
import org.hourbill.platform.problem.InvalidField;
import org.hourbill.platform.problem.NotFound;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Payments against invoices. {@code POST /payments} needs an {@code Idempotency-Key}: sending the same key and body
 * again (a retry after a timeout) answers with the first payment and makes no second one (the platform's
 * IdempotentRequests answers the repeat; this controller only sees a key's first use).
 */
@RestController
@RequestMapping("/payments")
class PaymentController {
    private final PaymentDesk desk;
    private final Payments payments;

    PaymentController(PaymentDesk desk, Payments payments) {
        this.desk = desk;
        this.payments = payments;
    }

    @ResponseStatus(HttpStatus.CREATED)
    @Audited("payment")
    @PostMapping
    ResponseEntity<PaymentView> record(@RequestHeader(name = "Idempotency-Key", required = false) String key,
            @Valid @RequestBody PaymentRequest request) {
        if (key == null || key.isBlank() || key.length() > 200) {
            throw new InvalidField("Idempotency-Key", "send an Idempotency-Key header (1 to 200 characters), new for each payment");
        }
        Payment payment = desk.record(new PaymentOrder(request.invoiceId(), request.paidOn(), request.mode(), request.currency(),
                request.amount(), request.fee(), request.reference()));
        return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/payments/" + payment.id()))
                .header("Idempotent-Replayed", "false").body(view(payment));
    }

    @GetMapping
    List<PaymentView> list(@RequestParam(required = false) UUID invoiceId, @RequestParam(required = false) UUID customerId) {
        if ((invoiceId == null) == (customerId == null)) {
            throw new InvalidField("invoiceId", "give either invoiceId or customerId");
        }
        return (invoiceId != null ? payments.forInvoice(invoiceId) : payments.forCustomer(customerId)).stream()
                .map(PaymentController::view).toList();
    }

    @GetMapping("/{id}")
    PaymentView get(@PathVariable UUID id) {
        return view(payments.find(id).orElseThrow(() -> new NotFound("no payment " + id)));
    }

    @Audited("payment-reversal")
    @PostMapping("/{id}/reversal")
    PaymentView reverse(@PathVariable UUID id, @Valid @RequestBody ReversalRequest request) {
        return view(desk.reverse(id, request.reversedOn(), request.reason()));
    }

    static PaymentView view(Payment p) {
        return new PaymentView(p.id(), p.invoiceId(), p.invoiceNumber(), p.customerId(), p.paidOn(), p.mode(), p.currency(), p.amount(),
                p.fee(), p.credit(), p.appliedToInvoice(), p.excessToCredit(), p.reference(), p.reversed(), p.reversedOn(),
                p.reversalReason());
    }

    record PaymentRequest(@NotNull UUID invoiceId, @NotNull LocalDate paidOn, @NotNull PaymentMode mode,
            @NotBlank @Size(min = 3, max = 3) String currency, @NotNull @Digits(integer = 13, fraction = 3) BigDecimal amount,
            @Digits(integer = 13, fraction = 3) BigDecimal fee, @Size(max = 200) String reference) {
    }

    record ReversalRequest(LocalDate reversedOn, @NotBlank @Size(max = 500) String reason) {
    }

    record PaymentView(UUID id, UUID invoiceId, String invoiceNumber, UUID customerId, LocalDate paidOn, PaymentMode mode,
            String currency, BigDecimal amount, BigDecimal fee, BigDecimal credit, BigDecimal appliedToInvoice,
            BigDecimal excessToCredit, String reference, boolean reversed, LocalDate reversedOn, String reversalReason) {
    }
}
