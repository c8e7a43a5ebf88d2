package org.hourbill.billing.application;

import java.time.LocalDate;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.hourbill.billing.domain.BillingCustomer;
import org.hourbill.billing.domain.UnbilledEntry;

/** Persistence port of the pool of approved, unbilled entries and the reference data that comes with it. */
public interface UnbilledPool {
    /** Adds entries; an entry already in the pool is left as it is. */
    void addAll(Collection<UnbilledEntry> entries);

    /** Removes reopened entries, unless an invoice run has taken them already. */
    void removeAll(Collection<UUID> entryIds);

    /**
     * Unbilled time and materials entries (capped or not) of a customer, optionally of one project and within a
     * period: what a review starts from.
     */
    List<UnbilledEntry> reviewable(UUID customerId, UUID projectId, LocalDate from, LocalDate to);

    /** Customers with reviewable entries in the period, by name: whom a billing run bills. */
    List<UUID> customersWithReviewableWork(LocalDate from, LocalDate to);

    /** Entries by id, in whatever state (for reviews being reloaded). */
    Map<UUID, UnbilledEntry> byIds(Collection<UUID> entryIds);

    /**
     * Takes unbilled entries for an invoice run; returns how many it took. Fewer than asked means some were taken
     * by another run (or left the pool) meanwhile: the caller must refuse and roll back.
     */
    int reserve(UUID invoiceRunId, Collection<UUID> entryIds);

    /** Gives a failed run's entries back, unbilled. */
    void release(UUID invoiceRunId);

    /**
     * Entries of an issued invoice: billed ones billed (with the hours a cap kept off, often zero), written-off ones
     * written off with their reasons.
     */
    void settle(UUID invoiceRunId, String invoiceNumber, Map<UUID, BigDecimal> billedWithCappedHours, Map<UUID, String> writtenOff);

    /** Worked, billed, written-off and unbilled hours and amounts of a customer. */
    List<RealisationRow> realisation(UUID customerId);

    /** A voided invoice's entries are billable again; returns those that came back (entries billed by that invoice only). */
    List<UUID> returnToPool(String invoiceNumber, Collection<UUID> entryIds);

    /** A voided invoice's entries are written off; returns those written off now. */
    List<UUID> writeOffBilled(String invoiceNumber, Collection<UUID> entryIds, String reason);

    /** Written-off entries of a customer are billable again; returns those that came back. */
    List<UUID> reverseWriteOff(UUID customerId, Collection<UUID> entryIds);

    record RealisationRow(String state, BigDecimal hours, BigDecimal amount, long entries) {
    }

    List<UnbilledEntry> find(UUID customerId, PoolFilter filter);

    void rememberCustomer(BillingCustomer customer);

    Optional<BillingCustomer> customer(UUID customerId);

    void rememberProject(UUID projectId, UUID customerId, String code, String name, String billingType);

    record PoolFilter(UUID projectId, LocalDate from, LocalDate to, String billingType) {
    }
}
