package org.hourbill.invoice.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import org.hourbill.money.Money;

/**
 * An issued invoice: a frozen snapshot of seller, buyer, bill details, lines and totals under a number of its series.
 * The arithmetic follows EN 16931: each line is rounded to the currency's minor unit, the net total is the sum of
 * the rounded lines, tax is computed once on that total and rounded once, and the total is net plus tax.
 */
public record Invoice(UUID id, UUID invoiceRunId, String series, String number, Seller seller, Party buyer, String currency,
        LocalDate issueDate, LocalDate dueDate, LocalDate periodFrom, LocalDate periodTo, int paymentTermsDays,
        String poNumber, InvoiceRequest.FrameOrderReference frameOrder, String notes, BillDetails bill, List<InvoiceLine> lines,
        BigDecimal totalHours, BigDecimal subtotal, BigDecimal taxRate, BigDecimal taxAmount, BigDecimal total,
        Instant issuedAt) {

    /** Checks a request and computes its lines and totals; refuses, before any number is used, what cannot be invoiced. */
    public static Draft draft(InvoiceRequest r) {
        requireCurrency(r.currency());
        if (r.buyer() == null || r.buyer().customerId() == null || blank(r.buyer().name())) {
            throw new InvoiceRefused("the invoice needs a buyer with a name");
        }
        if (r.lines() == null || r.lines().isEmpty()) throw new InvoiceRefused("the invoice has no lines");
        if (r.taxRate() == null || r.taxRate().signum() < 0 || r.taxRate().compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new InvoiceRefused("the tax rate must be between 0 and 100 %");
        }
        if (r.issueDate() == null) throw new InvoiceRefused("the invoice needs an issue date");
        if (r.periodFrom() != null && r.periodTo() != null && r.periodTo().isBefore(r.periodFrom())) {
            throw new InvoiceRefused("the service period ends before it starts");
        }
        if (r.paymentTermsDays() < 0) throw new InvoiceRefused("payment terms cannot be negative");
        LinePricing pricing = new LinePricing(r.currency());
        List<InvoiceLine> lines = new ArrayList<>();
        BigDecimal hours = BigDecimal.ZERO.setScale(2);
        BigDecimal subtotal = Money.zero(r.currency());
        for (InvoiceRequest.RequestedLine l : r.lines()) {
            InvoiceLine line = pricing.price(lines.size() + 1, l);
            lines.add(line);
            if (line.kind() == LineKind.TIME) hours = hours.add(line.quantity());
            subtotal = subtotal.add(line.amount());
        }
        if (subtotal.signum() < 0) throw new InvoiceRefused("the bill's net amount is negative: that is a credit note, not an invoice");
        BigDecimal tax = Money.percentOf(subtotal, r.taxRate(), r.currency());
        return new Draft(r, List.copyOf(lines), hours, subtotal, tax, subtotal.add(tax));
    }

    /** A checked request with its amounts, waiting for its number. */
    public record Draft(InvoiceRequest request, List<InvoiceLine> lines, BigDecimal totalHours, BigDecimal subtotal,
            BigDecimal taxAmount, BigDecimal total) {

        public Invoice issue(String series, String number, Seller seller, Instant issuedAt) {
            InvoiceRequest r = request;
            return new Invoice(UUID.randomUUID(), r.invoiceRunId(), series, number, seller, r.buyer(), r.currency(),
                    r.issueDate(), r.issueDate().plusDays(r.paymentTermsDays()), r.periodFrom(), r.periodTo(),
                    r.paymentTermsDays(), r.poNumber(), r.frameOrder(), r.notes(), r.bill() == null ? BillDetails.NONE : r.bill(), lines, totalHours, subtotal, r.taxRate(),
                    taxAmount, total, issuedAt);
        }
    }

    /** Every time entry the invoice bills, by hour or within an activity line. */
    public List<UUID> entryIds() {
        return lines.stream().flatMap(l -> l.entryIds().stream()).toList();
    }

    /** The net amount over the order amount, in percent; null when the bill draws on no order. */
    public BigDecimal percentOfOrder() {
        return bill.percentOfOrder(subtotal);
    }

    private static void requireCurrency(String code) {
        try {
            Currency.getInstance(code);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvoiceRefused("'" + code + "' is not an ISO 4217 currency");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
