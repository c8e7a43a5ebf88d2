package org.hourbill.invoice.domain;

import java.util.Map;

/** The numbering series the firm uses, each with its pattern, and the one used when a request names none. */
public record NumberingPlan(String defaultSeries, Map<String, InvoiceNumberPattern> patterns) {
    public NumberingPlan {
        if (!patterns.containsKey(defaultSeries)) {
            throw new IllegalArgumentException("the default series " + defaultSeries + " has no pattern");
        }
        patterns = Map.copyOf(patterns);
    }

    public String seriesFor(String requested) {
        String series = requested == null || requested.isBlank() ? defaultSeries : requested;
        if (!patterns.containsKey(series)) throw new InvoiceRefused("there is no numbering series '" + series + "'");
        return series;
    }

    public InvoiceNumberPattern pattern(String series) {
        return patterns.get(series);
    }
}
