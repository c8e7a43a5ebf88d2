package org.hourbill.invoice.domain;

import java.time.Instant;

/** The counters behind invoice numbers. */
public interface NumberSeries {
    /**
     * The next value of a series' counter for a period. The counter row stays locked until the transaction ends and
     * the increment rolls back with it: numbers have no gaps and no duplicates, and they follow issue time.
     */
    Drawn next(String series, String period);

    /** @param at the database's clock when the counter was taken, i.e. after waiting for the previous holder */
    record Drawn(long value, Instant at) {
    }
}
