package org.hourbill.payment.adapter.in.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.hourbill.payment.domain.Ageing;
import org.hourbill.payment.domain.AgeingBucket;
import org.hourbill.payment.domain.CreditBalance;
import org.hourbill.payment.domain.CreditBalances;
import org.hourbill.payment.domain.Receivable;
import org.hourbill.payment.domain.ReceivableStatus;
import org.hourbill.payment.domain.Receivables;
import org.hourbill.platform.problem.NotFound;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What customers owe: per invoice, aged per customer, the overdue list, and each customer's credit balance. */
@RestController
class ReceivablesController {
    private final Receivables receivables;
    private final CreditBalances balances;
    private final Clock clock;

    ReceivablesController(Receivables receivables, CreditBalances balances, Clock clock) {
        this.receivables = receivables;
        this.balances = balances;
        this.clock = clock;
    }

    @GetMapping("/receivables/{invoiceId}")
    ReceivableView one(@PathVariable UUID invoiceId, @RequestParam(required = false) LocalDate asOf) {
        Receivable r = receivables.find(invoiceId)
                .orElseThrow(() -> new NotFound("no issued invoice " + invoiceId + " is known to payment-service"));
        return view(r, asOf(asOf));
    }

    /** Open amounts per customer and currency in the buckets current, 1-30, 31-60, 61-90 and over 90 days past due. */
    @GetMapping("/receivables/ageing")
    List<Ageing> ageing(@RequestParam(required = false) UUID customerId, @RequestParam(required = false) LocalDate asOf) {
        return Ageing.of(receivables.open(customerId), asOf(asOf));
    }

    @GetMapping("/receivables/overdue")
    List<ReceivableView> overdue(@RequestParam(required = false) UUID customerId, @RequestParam(required = false) LocalDate asOf) {
        LocalDate day = asOf(asOf);
        return receivables.open(customerId).stream().filter(r -> r.daysPastDue(day) > 0).map(r -> view(r, day)).toList();
    }

    @GetMapping("/customers/{customerId}/credit")
    List<CreditBalance> credit(@PathVariable UUID customerId) {
        return balances.of(customerId);
    }

    private LocalDate asOf(LocalDate asOf) {
        return asOf == null ? LocalDate.now(clock) : asOf;
    }

    private static ReceivableView view(Receivable r, LocalDate asOf) {
        long late = Math.max(0, r.daysPastDue(asOf));
        boolean open = r.status() == ReceivableStatus.OPEN;
        return new ReceivableView(r.invoiceId(), r.number(), r.customerId(), r.currency(), r.issueDate(), r.dueDate(), r.total(),
                r.amountPaid(), r.amountOpen(), r.status(), r.paidOn(), open ? late : 0, open ? AgeingBucket.of(late) : null);
    }

    record ReceivableView(UUID invoiceId, String number, UUID customerId, String currency, LocalDate issueDate, LocalDate dueDate,
            BigDecimal total, BigDecimal amountPaid, BigDecimal amountOpen, ReceivableStatus status, LocalDate paidOn,
            long daysPastDue, AgeingBucket bucket) {
    }
}
