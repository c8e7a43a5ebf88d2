package org.hourbill.invoice.adapter.out.metrics;

import org.hourbill.invoice.application.InvoiceMeters;
import org.hourbill.invoice.domain.Invoice;
import org.hourbill.platform.transaction.AfterCommit;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code hourbill_invoices_issued_total{currency}}, {@code hourbill_invoiced_amount_total{currency}} (gross, in the
 * currency's units) and {@code hourbill_invoice_requests_refused_total}. Counted after the commit: a rolled-back issue
 * counts nothing. A metric is an approximation for dashboards; the amounts of record are the invoices'.
 */
@Component
class MicrometerInvoiceMeters implements InvoiceMeters {
    private final MeterRegistry meters;
    private final Counter refused;

    MicrometerInvoiceMeters(MeterRegistry meters) {
        this.meters = meters;
        this.refused = Counter.builder("hourbill.invoice.requests.refused").description("invoice requests refused (the run fails)")
                .register(meters);
        // the series exist from the start, so that rate() and alerts see the first invoice
        issuedCounter("EUR");
        amountCounter("EUR");
    }

    @Override
    public void issued(Invoice invoice) {
        AfterCommit.run(() -> {
            issuedCounter(invoice.currency()).increment();
            amountCounter(invoice.currency()).increment(invoice.total().doubleValue());
        });
    }

    @Override
    public void refused() {
        AfterCommit.run(refused::increment);
    }

    private Counter issuedCounter(String currency) {
        return Counter.builder("hourbill.invoices.issued").description("invoices issued").tag("currency", currency).register(meters);
    }

    private Counter amountCounter(String currency) {
        return Counter.builder("hourbill.invoiced.amount").description("gross amount of the invoices issued, in the currency's units")
                .tag("currency", currency).register(meters);
    }
}
