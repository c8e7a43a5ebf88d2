package org.hourbill.billing.domain.billingrun;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.hourbill.billing.domain.billingrun.RunCustomer.Outcome;

/**
 * Where a billing run stands: how many of its customers are issued, failed, waiting or held, and what its bills
 * amount to per currency (while a draft: the bills it would issue; once started: the invoices issued).
 */
public record RunReport(BillingRun run, List<RunCustomer> customers, Progress progress, List<CurrencyTotal> totals) {

    public record Progress(int included, int issued, int failed, int waiting, int held) {
        /** Every included customer has its invoice or its reason. */
        public boolean finished() {
            return waiting == 0;
        }
    }

    public record CurrencyTotal(String currency, int bills, BigDecimal hours, BigDecimal net, BigDecimal tax, BigDecimal total) {
        static CurrencyTotal none(String currency) {
            return new CurrencyTotal(currency, 0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
        }

        CurrencyTotal plus(RunCustomer.Figures f) {
            return new CurrencyTotal(currency, bills + 1, hours.add(f.hours()), net.add(f.net()), tax.add(f.tax()), total.add(f.total()));
        }
    }

    public static RunReport of(BillingRun run, List<RunCustomer> customers) {
        int issued = 0, failed = 0, waiting = 0, held = 0;
        for (RunCustomer c : customers) {
            switch (c.outcome()) {
                case ISSUED -> issued++;
                case FAILED -> failed++;
                case WAITING -> waiting++;
                case HELD -> held++;
            }
        }
        Outcome counted = run.status() == BillingRun.Status.DRAFT ? Outcome.WAITING : Outcome.ISSUED;
        Map<String, CurrencyTotal> totals = new TreeMap<>();
        for (RunCustomer c : customers) {
            if (c.outcome() != counted || c.figures() == null) continue;
            String currency = c.figures().currency();
            totals.put(currency, totals.getOrDefault(currency, CurrencyTotal.none(currency)).plus(c.figures()));
        }
        return new RunReport(run, customers, new Progress(customers.size() - held, issued, failed, waiting, held),
                List.copyOf(totals.values()));
    }
}
