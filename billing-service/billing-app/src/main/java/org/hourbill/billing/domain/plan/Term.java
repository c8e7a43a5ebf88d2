package org.hourbill.billing.domain.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.hourbill.platform.problem.ConflictingState;
import org.hourbill.platform.problem.InvalidField;

/**
 * A term of a fixed-price project's billing calendar: a real amount due on a real date, billed once. Its trigger
 * elements (activities, milestones) remind the biller what the term pays for.
 *
 * @param invoiceNumber the invoice that billed the term, once billed
 */
public record Term(UUID id, UUID projectId, String name, BigDecimal amount, LocalDate date, TermState state, String invoiceNumber,
        List<UUID> triggerElementIds) {
    public enum TermState {
        OPEN, RESERVED, BILLED, WRITTEN_OFF,
        /** taken off the billing calendar before it was billed (the contract changed); kept for the record */
        RETIRED
    }

    public Term {
        if (name == null || name.isBlank()) throw new InvalidField("name", "name the term, e.g. 'Term 2: acceptance'");
        Amounts.require("amount", amount, 3, false);
        if (date == null) throw new InvalidField("date", "a term has a date");
        triggerElementIds = triggerElementIds == null ? List.of() : List.copyOf(triggerElementIds);
    }

    /** A bill may take the term only while nobody has billed or taken it. */
    public void requireBillable() {
        if (state != TermState.OPEN) {
            throw new ConflictingState("term '" + name + "' is " + state + (invoiceNumber == null ? "" : " by invoice " + invoiceNumber)
                    + ": a term is billed once");
        }
    }

    /** The term with new figures; only an open term changes, a billed one is history. */
    public Term revised(String newName, BigDecimal newAmount, LocalDate newDate, List<UUID> newTriggers) {
        requireOpen("changed");
        return new Term(id, projectId, newName, newAmount, newDate, state, invoiceNumber, newTriggers);
    }

    /** The term off the billing calendar: no bill takes it any more. */
    public Term retired() {
        requireOpen("retired");
        return new Term(id, projectId, name, amount, date, TermState.RETIRED, invoiceNumber, triggerElementIds);
    }

    private void requireOpen(String change) {
        if (state != TermState.OPEN) {
            throw new ConflictingState("term '" + name + "' is " + state.name().toLowerCase().replace('_', ' ')
                    + (invoiceNumber == null ? "" : " by invoice " + invoiceNumber) + ": only an open term can be " + change);
        }
    }

    /**
     * What the trigger elements add up to, as a reminder next to the term.
     *
     * @param latestEndDate the last end date of the trigger elements: the term is due around then
     */
    public record Reminder(BigDecimal validatedAmount, BigDecimal plannedAmount, LocalDate latestEndDate) {
        public static Reminder of(List<ProjectElement> triggers) {
            BigDecimal validated = BigDecimal.ZERO, planned = BigDecimal.ZERO;
            LocalDate latest = null;
            for (ProjectElement e : triggers) {
                if (e.validatedAmount() != null) validated = validated.add(e.validatedAmount());
                if (e.plannedAmount() != null) planned = planned.add(e.plannedAmount());
                if (e.endDate() != null && (latest == null || e.endDate().isAfter(latest))) latest = e.endDate();
            }
            return new Reminder(validated, planned, latest);
        }
    }
}
