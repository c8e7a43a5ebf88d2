package org.hourbill.billing.adapter.in.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.UUID;

import org.hourbill.billing.application.UnbilledPool;
import org.hourbill.billing.application.UnbilledPool.RealisationRow;
import org.hourbill.money.Money;
import org.hourbill.platform.problem.NotFound;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Realisation per customer: approved billable work against what was billed and what was written off. */
@RestController
class RealisationController {
    private final UnbilledPool pool;

    RealisationController(UnbilledPool pool) {
        this.pool = pool;
    }

    @GetMapping("/customers/{customerId}/realisation")
    @Transactional(readOnly = true)
    Realisation realisation(@PathVariable UUID customerId) {
        var customer = pool.customer(customerId).orElseThrow(() -> new NotFound("no customer " + customerId + " known to billing"));
        List<RealisationRow> rows = pool.realisation(customerId);
        String currency = customer.currency();
        Figures worked = sum(rows, currency, "UNBILLED", "RESERVED", "BILLED", "WRITTEN_OFF");
        Figures billed = sum(rows, currency, "BILLED");
        Figures writtenOff = sum(rows, currency, "WRITTEN_OFF");
        Figures open = sum(rows, currency, "UNBILLED", "RESERVED");
        BigDecimal rate = worked.amount().signum() == 0 ? null
                : billed.amount().multiply(BigDecimal.valueOf(100)).divide(worked.amount(), 1, RoundingMode.HALF_UP);
        return new Realisation(customerId, customer.name(), customer.currency(), worked, billed, writtenOff, open, rate);
    }

    private static Figures sum(List<RealisationRow> rows, String currency, String... states) {
        BigDecimal hours = BigDecimal.ZERO, amount = BigDecimal.ZERO;
        long entries = 0;
        for (RealisationRow r : rows) {
            if (List.of(states).contains(r.state())) {
                hours = hours.add(r.hours());
                amount = amount.add(r.amount());
                entries += r.entries();
            }
        }
        return new Figures(entries, hours, Money.inMinorUnits(amount, currency));
    }

    record Figures(long entries, BigDecimal hours, BigDecimal amount) {
    }

    /** @param realisationPercent billed amount over worked amount */
    record Realisation(UUID customerId, String customerName, String currency, Figures worked, Figures billed, Figures writtenOff,
            Figures unbilled, BigDecimal realisationPercent) {
    }
}
