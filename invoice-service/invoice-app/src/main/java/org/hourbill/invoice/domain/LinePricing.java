package org.hourbill.invoice.domain;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.hourbill.invoice.domain.InvoiceRequest.RequestedLine;
import org.hourbill.money.Money;

/**
 * Checks each requested line against the rules of its kind and prices it: quantity x unit price rounded once to
 * the currency's minor unit. A time entry or a term is billed by one line of one invoice at most.
 */
final class LinePricing {
    private static final Pattern UNIT = Pattern.compile("[A-Z0-9]{2,3}");
    private final String currency;
    private final Set<UUID> entries = new HashSet<>();
    private final Set<UUID> terms = new HashSet<>();

    LinePricing(String currency) {
        this.currency = currency;
    }

    InvoiceLine price(int position, RequestedLine l) {
        LineKind kind = l.kind() == null ? LineKind.TIME : l.kind();
        String where = "line " + position + " (" + kind + ")";
        switch (kind) {
            case TIME -> {
                if (l.entryIds() == null || l.entryIds().size() != 1 || l.entryIds().getFirst() == null) {
                    throw new InvoiceRefused(where + " bills exactly one time entry");
                }
                requireUnit(l, "HUR", where);
            }
            case ACTIVITY -> requireUnit(l, "DAY", where);
            case TERM -> {
                if (l.termId() == null || !terms.add(l.termId())) throw new InvoiceRefused(where + " needs a term, billed once");
                if (l.quantity() == null || l.quantity().compareTo(BigDecimal.ONE) != 0) {
                    throw new InvoiceRefused(where + " bills its term once: quantity 1");
                }
            }
            case MANUAL -> { }
        }
        if (l.entryIds() != null) {
            for (UUID entry : l.entryIds()) {
                if (entry == null || !entries.add(entry)) throw new InvoiceRefused("time entry " + entry + " is billed twice or missing");
            }
        }
        if (kind != LineKind.TIME && (l.description() == null || l.description().isBlank())) {
            throw new InvoiceRefused(where + " needs a description");
        }
        BigDecimal quantity = l.quantity();
        if (quantity == null || quantity.signum() == 0) throw new InvoiceRefused(where + " has no quantity");
        if (quantity.signum() < 0 && !l.amendment()) throw new InvoiceRefused(where + ": only an amendment may have a negative quantity");
        int quantityDecimals = kind == LineKind.MANUAL ? 4 : 2;
        if (quantity.stripTrailingZeros().scale() > quantityDecimals) {
            throw new InvoiceRefused(where + " has a quantity with more than " + quantityDecimals + " decimals");
        }
        BigDecimal price = l.unitPrice();
        if (price == null || price.signum() < 0) throw new InvoiceRefused(where + " has no unit price (a price is never negative)");
        if (price.stripTrailingZeros().scale() > 4) throw new InvoiceRefused(where + " has a unit price with more than 4 decimals");
        String unit = l.unit() == null ? defaultUnit(kind) : l.unit();
        if (!UNIT.matcher(unit).matches()) throw new InvoiceRefused(where + ": '" + unit + "' is not a UN/ECE unit code");
        BigDecimal q = quantity.setScale(Math.max(2, quantity.stripTrailingZeros().scale()));
        BigDecimal amount = Money.amount(q, price, currency);
        return new InvoiceLine(position, kind, l.entryIds(), l.date(), l.projectId(), l.billingType(), l.task(), l.resourceName(),
                l.role(), l.description(), l.detail(), q, unit, price, amount, l.amendment(), l.termId());
    }

    private static void requireUnit(RequestedLine l, String unit, String where) {
        if (l.unit() != null && !l.unit().equals(unit)) throw new InvoiceRefused(where + " is counted in " + unit + ", not " + l.unit());
    }

    private static String defaultUnit(LineKind kind) {
        return switch (kind) {
            case TIME -> "HUR";
            case ACTIVITY -> "DAY";
            case TERM, MANUAL -> "C62";
        };
    }
}
