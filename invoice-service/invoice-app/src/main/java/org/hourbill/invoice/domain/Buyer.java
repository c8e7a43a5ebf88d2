package org.hourbill.invoice.domain;

import java.math.BigDecimal;
import java.util.UUID;

/** The customer as an invoice names it: legal identity, tax rate and payment terms, frozen into each invoice at issue. */
public record Buyer(UUID id, String name, String address, String taxId, BigDecimal taxRate, String currency,
        int paymentTermsDays) {
}
