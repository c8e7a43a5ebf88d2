package org.hourbill.timesheet.events;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * {@code CustomerChanged.v1}: the full current state of a customer (registered or edited). Consumers keep a
 * local copy for billing and invoicing; the latest event wins.
 *
 * @param taxRate          percent, e.g. 19.00
 * @param paymentTermsDays days from issue to due date
 */
public record CustomerChanged(UUID customerId, String name, String address, String taxId, BigDecimal taxRate,
        String currency, int paymentTermsDays) {
    public static final String TYPE = "CustomerChanged.v1";
}
