package org.hourbill.billing.domain.billingrun;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.hourbill.platform.problem.ConflictingState;
import org.hourbill.platform.problem.InvalidField;

/**
 * A month-end billing run: the bills of many customers of one period, previewed as a DRAFT and then STARTED once. Each
 * included customer's bill is issued by its own invoice run, with the guarantees of a single Generate &amp; Issue; the
 * run's progress is what those invoice runs say.
 *
 * @param paymentTermsDays the payment terms of bills the run starts; null: each customer's own
 * @param notes            printed on bills the run starts; null: none
 */
public record BillingRun(UUID id, LocalDate periodFrom, LocalDate periodTo, Integer paymentTermsDays, String notes, Status status,
        Instant createdAt, Instant startedAt) {

    public enum Status { DRAFT, STARTED }

    /** The longest period a run bills: a quarter, so that a typo in a year does not bill a decade. */
    private static final int MAX_DAYS = 92;

    public BillingRun {
        if (periodFrom == null) throw new InvalidField("periodFrom", "a billing run bills one period: give its first day");
        if (periodTo == null) throw new InvalidField("periodTo", "a billing run bills one period: give its last day");
        if (periodTo.isBefore(periodFrom)) throw new InvalidField("periodTo", "the period ends before it starts");
        if (periodFrom.plusDays(MAX_DAYS).isBefore(periodTo)) {
            throw new InvalidField("periodTo", "a billing run bills at most a quarter (" + MAX_DAYS + " days)");
        }
        if (paymentTermsDays != null && (paymentTermsDays < 0 || paymentTermsDays > 365)) {
            throw new InvalidField("paymentTermsDays", "payment terms are 0 to 365 days");
        }
        if (notes != null && notes.length() > 2000) throw new InvalidField("notes", "at most 2,000 characters");
        notes = notes == null || notes.isBlank() ? null : notes.strip();
    }

    public static BillingRun draft(LocalDate periodFrom, LocalDate periodTo, Integer paymentTermsDays, String notes, Instant now) {
        return new BillingRun(UUID.randomUUID(), periodFrom, periodTo, paymentTermsDays, notes, Status.DRAFT, now, null);
    }

    /** Starts the run once, when it has a customer to bill; held customers wait for a person either way. */
    public BillingRun start(long included, Instant now) {
        if (status != Status.DRAFT) throw new ConflictingState("this billing run was started already");
        if (included == 0) {
            throw new ConflictingState("no customer of this run can be billed automatically: open the held customers in a review");
        }
        return new BillingRun(id, periodFrom, periodTo, paymentTermsDays, notes, Status.STARTED, createdAt, now);
    }
}
