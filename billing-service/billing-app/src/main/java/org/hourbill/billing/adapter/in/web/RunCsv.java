package org.hourbill.billing.adapter.in.web;

import java.math.BigDecimal;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.hourbill.billing.domain.billingrun.BillingRun;
import org.hourbill.billing.domain.billingrun.RunCustomer;
import org.hourbill.billing.domain.billingrun.RunReport;

/**
 * A billing run's report as CSV (RFC 4180, UTF-8): one row per customer, then one total row per currency. Text that a
 * spreadsheet would take for a formula is prefixed with an apostrophe.
 */
final class RunCsv {
    private RunCsv() {
    }

    static String of(RunReport report) {
        StringBuilder csv = new StringBuilder("Customer,Outcome,Invoice number,Reason,Currency,Hours,Net,Tax,Total,Frame order\r\n");
        for (RunCustomer c : report.customers()) {
            var f = c.figures();
            row(csv, text(c.customerName()), c.outcome().name(), text(c.invoiceNumber()), text(c.reason()),
                    f == null ? "" : f.currency(), number(f == null ? null : f.hours()), number(f == null ? null : f.net()),
                    number(f == null ? null : f.tax()), number(f == null ? null : f.total()),
                    text(c.frameOrder() == null ? null : c.frameOrder().poNumber()));
        }
        for (RunReport.CurrencyTotal t : report.totals()) {
            String counted = report.run().status() == BillingRun.Status.DRAFT ? " bills" : " invoices";
            row(csv, "Total " + t.currency(), t.bills() + counted, "", "", t.currency(), number(t.hours()), number(t.net()),
                    number(t.tax()), number(t.total()), "");
        }
        return csv.toString();
    }

    private static void row(StringBuilder csv, String... fields) {
        csv.append(Stream.of(fields).map(RunCsv::quoted).collect(Collectors.joining(","))).append("\r\n");
    }

    private static String text(String value) {
        if (value == null) return "";
        return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    private static String number(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    private static String quoted(String field) {
        return field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r")
                ? "\"" + field.replace("\"", "\"\"") + "\"" : field;
    }
}
