package org.hourbill.billing.domain;

import java.math.BigDecimal;
import java.util.UUID;

/** Billing's copy of a customer, as announced by timesheets: what an invoice needs to know about its buyer. */
public record BillingCustomer(UUID id, String name, String address, String taxId, BigDecimal taxRate, String currency,
        int paymentTermsDays) {
}
