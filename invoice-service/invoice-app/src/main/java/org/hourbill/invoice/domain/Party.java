package org.hourbill.invoice.domain;

import java.util.UUID;

/** The buyer as printed on an invoice. */
public record Party(UUID customerId, String name, String address, String taxId) {
}
