package org.hourbill.billing.domain.review;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What issuing a bill settles in the pool, decided when its invoice run starts: the entries billed (each with the hours
 * a cap took off it), the entries written off with their reasons (decided so, or billed entries a cap took entirely),
 * and whether the bill has terms. Kept with the run, so the invoice's answer settles without reading the review again.
 *
 * @param billed     entry id to the hours of it a cap kept off the bill (zero for most), in the review's order
 * @param writtenOff entry id to the reason it is written off
 */
public record Settlement(Map<UUID, BigDecimal> billed, Map<UUID, String> writtenOff, boolean billsTerms) {
    public Settlement {
        billed = Collections.unmodifiableMap(new LinkedHashMap<>(billed));
        writtenOff = Collections.unmodifiableMap(new LinkedHashMap<>(writtenOff));
    }

    /** The entries on the invoice, for timesheets to lock as billed. */
    public List<UUID> billedEntryIds() {
        return List.copyOf(billed.keySet());
    }
}
