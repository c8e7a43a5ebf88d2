package org.hourbill.timesheet.application;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import org.hourbill.platform.problem.NotFound;
import org.hourbill.money.Money;
import org.hourbill.timesheet.domain.Consultants;
import org.hourbill.timesheet.domain.Customers;
import org.hourbill.timesheet.domain.EntryStatus;
import org.hourbill.timesheet.domain.ProjectRates;
import org.hourbill.timesheet.domain.Projects;
import org.hourbill.timesheet.domain.TimeEntries;
import org.hourbill.timesheet.domain.TimeEntry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Submitting, approving, rejecting and reopening entries, one or many at a time. A bulk request is all or
 * nothing: one entry in the wrong state refuses the whole request, so a month-end approval never half-happens.
 */
@Service
@Transactional
public class TimesheetApproval {
    private static final int CHUNK = 2_500;
    private final TimeEntries entries;
    private final Projects projects;
    private final Consultants consultants;
    private final Customers customers;
    private final ProjectRates rates;
    private final TimesheetEventPublisher events;

    TimesheetApproval(TimeEntries entries, Projects projects, Consultants consultants, Customers customers,
            ProjectRates rates, TimesheetEventPublisher events) {
        this.entries = entries;
        this.projects = projects;
        this.consultants = consultants;
        this.customers = customers;
        this.rates = rates;
        this.events = events;
    }

    public int submit(Collection<UUID> entryIds) {
        return each(entryIds, TimeEntry::submit, taken -> { });
    }

    public int reject(Collection<UUID> entryIds, String reason) {
        return each(entryIds, entry -> entry.reject(reason), taken -> { });
    }

    /** Approves the entries at their bill rate and announces them to billing. */
    public int approve(Collection<UUID> entryIds) {
        var references = new ApprovalReferences(projects, consultants, customers, rates);
        int approved = 0;
        for (List<UUID> chunk : chunks(entryIds)) approved += approveChunk(chunk, references);
        return approved;
    }

    private int approveChunk(List<UUID> entryIds, ApprovalReferences references) {
        List<TimeEntry> loaded = load(entryIds);
        references.cover(loaded);
        for (TimeEntry entry : loaded) entry.approve(references.rate(entry), references.currency(entry));
        entries.saveStates(loaded);
        events.entriesApproved(loaded, references);
        return loaded.size();
    }

    /**
     * What entries come to, per currency: an approved one at its fixed amount, a submitted one at the rate approval
     * would fix today, each rounded by the one money rule and then added. The approval queue shows it.
     */
    @Transactional(readOnly = true)
    public List<Valuation> value(Collection<UUID> entryIds) {
        List<TimeEntry> found = entries.findAllById(new LinkedHashSet<>(entryIds));
        var references = new ApprovalReferences(projects, consultants, customers, rates);
        references.cover(found);
        Map<String, Valuation> byCurrency = new java.util.TreeMap<>();
        for (TimeEntry entry : found) {
            String currency = entry.currency() != null ? entry.currency() : references.currency(entry);
            BigDecimal amount = entry.amount() != null ? entry.amount() : Money.amount(entry.hours(), references.rate(entry), currency);
            byCurrency.merge(currency, new Valuation(currency, 1, entry.hours(), amount), Valuation::plus);
        }
        return List.copyOf(byCurrency.values());
    }

    /** Entries of one currency: how many, their hours and what they come to. */
    public record Valuation(String currency, int entries, BigDecimal hours, BigDecimal amount) {
        Valuation plus(Valuation other) {
            return new Valuation(currency, entries + other.entries, hours.add(other.hours), amount.add(other.amount));
        }
    }

    /** Takes approved, unbilled entries back to draft; billing drops them from its pool. */
    public int reopen(Collection<UUID> entryIds) {
        return each(entryIds, TimeEntry::reopen, events::entriesReopened);
    }

    /**
     * Locks an invoice run's entries before its invoice is issued, all or none, and answers the run. An entry reopened
     * for correction meanwhile (or unknown here) refuses the lock, so the run turns back instead of billing work that
     * is being corrected. Entries locked already stay so: the run may ask twice, and gets the same answer.
     */
    public boolean lockForInvoice(UUID invoiceRunId, UUID customerId, Collection<UUID> entryIds) {
        Set<UUID> wanted = new LinkedHashSet<>(entryIds);
        List<TimeEntry> loaded = entries.lockAll(wanted);
        Set<UUID> inTheWay = new LinkedHashSet<>(wanted);
        loaded.stream().filter(TimesheetApproval::billable).forEach(e -> inTheWay.remove(e.id()));
        if (!inTheWay.isEmpty()) {
            events.entriesNotLocked(invoiceRunId, customerId, inTheWay, inTheWay.size() + " of the " + wanted.size()
                    + " entries were reopened in timesheets for correction (or are unknown there): " + inTheWay);
            return false;
        }
        loaded.forEach(TimeEntry::markBilled);
        entries.saveStates(loaded);
        events.entriesLocked(invoiceRunId, customerId, loaded);
        return true;
    }

    /**
     * Locks the entries of an issued invoice as billed, and says so. An entry billed already stays so (the invoice
     * run may ask twice). The invoice is issued and goes forward whatever happens here, so an entry reopened meanwhile
     * is not refused but reported as not billed, for a person to settle.
     *
     * @param alwaysAnswer false when hearing of the invoice: then it answers only with news, entries it locked now or
     *                     could not lock; a run that locked its entries before the invoice ({@link #lockForInvoice})
     *                     heard so already
     */
    public int markBilled(UUID invoiceRunId, UUID customerId, String invoiceNumber, Collection<UUID> entryIds, boolean alwaysAnswer) {
        List<TimeEntry> loaded = entries.lockAll(new LinkedHashSet<>(entryIds));
        List<TimeEntry> billable = loaded.stream().filter(TimesheetApproval::billable).toList();
        List<TimeEntry> newlyLocked = billable.stream().filter(e -> e.status() != EntryStatus.BILLED).toList();
        newlyLocked.forEach(TimeEntry::markBilled);
        entries.saveStates(newlyLocked);
        Set<UUID> notBilled = new LinkedHashSet<>(entryIds);
        billable.forEach(e -> notBilled.remove(e.id()));
        if (alwaysAnswer || !newlyLocked.isEmpty() || !notBilled.isEmpty()) {
            events.entriesBilled(invoiceRunId, customerId, invoiceNumber, billable, notBilled);
        }
        return billable.size();
    }

    private static boolean billable(TimeEntry entry) {
        return entry.status() == EntryStatus.APPROVED || entry.status() == EntryStatus.BILLED;
    }

    /** Billing writes these entries off: approved ones are locked as written off; returns how many are written off now. */
    public int markWrittenOff(Collection<UUID> entryIds) {
        List<TimeEntry> loaded = entries.lockAll(new LinkedHashSet<>(entryIds));
        List<TimeEntry> approved = loaded.stream()
                .filter(e -> e.status() == EntryStatus.APPROVED || e.status() == EntryStatus.WRITTEN_OFF).toList();
        approved.forEach(TimeEntry::markWrittenOff);
        entries.saveStates(approved);
        return approved.size();
    }

    /** Billing gives these entries back (invoice voided, write-off reversed): they are approved and correctable again. */
    public int release(Collection<UUID> entryIds) {
        List<TimeEntry> loaded = entries.lockAll(new LinkedHashSet<>(entryIds));
        List<TimeEntry> locked = loaded.stream()
                .filter(e -> e.status() == EntryStatus.BILLED || e.status() == EntryStatus.WRITTEN_OFF).toList();
        locked.forEach(TimeEntry::release);
        entries.saveStates(locked);
        return locked.size();
    }

    /** Moves the entries, a chunk at a time, and hands each chunk moved to {@code then}; returns how many moved. */
    private int each(Collection<UUID> entryIds, Consumer<TimeEntry> transition, Consumer<List<TimeEntry>> then) {
        int moved = 0;
        for (List<UUID> chunk : chunks(entryIds)) {
            List<TimeEntry> loaded = load(chunk);
            loaded.forEach(transition);
            entries.saveStates(loaded);
            then.accept(loaded);
            moved += loaded.size();
        }
        return moved;
    }

    /**
     * A bulk request is taken {@value #CHUNK} entries at a time, still in its one transaction (all or nothing): a
     * month-end approval of 10,000 entries then keeps a quarter of them in memory at a time, and its objects die young
     * instead of filling the old generation (the service's peak resident memory was reached there). A customer's
     * entries stay together, so that billing hears of them in as few events as before.
     */
    private List<List<UUID>> chunks(Collection<UUID> entryIds) {
        Set<UUID> ids = new LinkedHashSet<>(entryIds);
        List<UUID> existing = entries.existingByCustomer(ids);
        if (existing.size() != ids.size()) throw unknown(ids, existing);
        List<List<UUID>> chunks = new ArrayList<>();
        for (int from = 0; from < existing.size(); from += CHUNK) {
            chunks.add(existing.subList(from, Math.min(existing.size(), from + CHUNK)));
        }
        return chunks;
    }

    private List<TimeEntry> load(Collection<UUID> entryIds) {
        Set<UUID> ids = new LinkedHashSet<>(entryIds);
        List<TimeEntry> loaded = entries.lockAll(ids);
        if (loaded.size() != ids.size()) throw unknown(ids, loaded.stream().map(TimeEntry::id).toList());
        return loaded;
    }

    private static NotFound unknown(Set<UUID> asked, Collection<UUID> found) {
        Set<UUID> missing = new HashSet<>(asked);
        found.forEach(missing::remove);
        return new NotFound("entryIds", "unknown time entries: " + missing.stream().limit(5).toList()
                + (missing.size() > 5 ? " and " + (missing.size() - 5) + " more" : ""));
    }
}
