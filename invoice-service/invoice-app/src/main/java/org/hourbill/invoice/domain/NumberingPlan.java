package org.hourbill.invoice.domain;

import java.util.Map;

/**
 * The numbering series the firm uses, each with its pattern: the one used when a request names none, and the one
 * credit notes use (reserved for them: an invoice can never take a credit note's number).
 */
public record NumberingPlan(String defaultSeries, String creditNoteSeries, Map<String, InvoiceNumberPattern> patterns) {
    public NumberingPlan {
        if (!patterns.containsKey(defaultSeries)) {
            throw new IllegalArgumentException("the default series " + defaultSeries + " has no pattern");
        }
        if (!patterns.containsKey(creditNoteSeries)) {
            throw new IllegalArgumentException("the credit note series " + creditNoteSeries + " has no pattern");
        }
        if (creditNoteSeries.equals(defaultSeries)) {
            throw new IllegalArgumentException("credit notes need a series of their own, not " + defaultSeries);
        }
        patterns = Map.copyOf(patterns);
    }

    public String seriesFor(String requested) {
        String series = requested == null || requested.isBlank() ? defaultSeries : requested;
        if (!patterns.containsKey(series) || series.equals(creditNoteSeries)) {
            throw new InvoiceRefused("there is no invoice numbering series '" + series + "'");
        }
        return series;
    }

    public InvoiceNumberPattern pattern(String series) {
        return patterns.get(series);
    }
}
