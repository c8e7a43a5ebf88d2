package org.hourbill.invoice.adapter.out.document;

import org.hourbill.invoice.domain.InvoiceLine;
import org.hourbill.invoice.domain.LineKind;

/** How a bill line reads on paper and in the e-invoice, whatever it bills. */
final class LineText {
    private LineText() {
    }

    /** The line's name: the task of a time entry, else the line's own description; amendments say so. */
    static String description(InvoiceLine l) {
        String text = l.kind() == LineKind.TIME && l.task() != null ? l.task()
                : l.description() != null ? l.description() : "Consulting";
        return l.amendment() ? "Amendment: " + text : text;
    }

    /** The second column: who did the work, or the line's detail. */
    static String detail(InvoiceLine l) {
        if ((l.kind() == LineKind.TIME || l.kind() == LineKind.ACTIVITY) && l.resourceName() != null) return l.resourceName();
        return l.detail() == null ? "" : l.detail();
    }

    static String unit(String code) {
        return switch (code) {
            case "HUR" -> "h";
            case "DAY" -> "d";
            case "C62", "H87", "EA" -> "";
            case "MON" -> "mo";
            default -> code;
        };
    }
}
