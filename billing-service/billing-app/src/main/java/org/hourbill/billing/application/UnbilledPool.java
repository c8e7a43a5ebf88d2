package org.hourbill.billing.application;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.hourbill.billing.domain.BillingCustomer;
import org.hourbill.billing.domain.UnbilledEntry;

/** Persistence port of the pool of approved, unbilled entries and the reference data that comes with it. */
public interface UnbilledPool {
    /** Adds entries; an entry already in the pool is left as it is. */
    void addAll(Collection<UnbilledEntry> entries);

    void removeAll(Collection<UUID> entryIds);

    List<UnbilledEntry> find(UUID customerId, PoolFilter filter);

    void rememberCustomer(BillingCustomer customer);

    Optional<BillingCustomer> customer(UUID customerId);

    void rememberProject(UUID projectId, UUID customerId, String code, String name, String billingType);

    record PoolFilter(UUID projectId, LocalDate from, LocalDate to, String billingType) {
    }
}
