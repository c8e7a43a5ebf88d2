package org.hourbill.billing.application;

import java.util.Optional;
import java.util.UUID;

import org.hourbill.billing.domain.plan.BillingDefaults;

/** Persistence port of customers' billing defaults: bill contact and payment recipient. */
public interface CustomerBillingDefaults {
    void save(BillingDefaults defaults);

    Optional<BillingDefaults> find(UUID customerId);
}
