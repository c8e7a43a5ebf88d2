package org.hourbill.payment.application;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.hourbill.payment.domain.PayingCustomer;

/** This service's own copy of the customers timesheets announce (a persistence port); the latest event wins. */
public interface PayingCustomerDirectory {
    void remember(PayingCustomer customer);

    Optional<PayingCustomer> find(UUID id);

    List<PayingCustomer> all();
}
