package org.hourbill.invoice.domain;

import java.util.Optional;
import java.util.UUID;

/** Customers' e-invoice addresses, kept by invoice-service (timesheets know nothing of e-invoicing). */
public interface ElectronicAddresses {
    void save(ElectronicAddress address);

    Optional<ElectronicAddress> find(UUID customerId);
}
