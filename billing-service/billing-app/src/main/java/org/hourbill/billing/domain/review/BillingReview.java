package org.hourbill.billing.domain.review;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hourbill.billing.domain.BillingCustomer;
import org.hourbill.billing.domain.UnbilledEntry;
import org.hourbill.platform.problem.ConflictingState;
import org.hourbill.platform.problem.InvalidField;

/**
 * A month-end billing review of one customer: its approved, unbilled time and materials entries, a decision on
 * each, and the options of the invoice to generate. Every entry starts as BILL; a review is generated once.
 */
public final class BillingReview {
    private final UUID id;
    private final BillingCustomer customer;
    private final Map<UUID, ReviewLine> lines = new LinkedHashMap<>();
    private InvoiceOptions options;
    private ReviewStatus status;
    private UUID invoiceRunId;

    private BillingReview(UUID id, BillingCustomer customer, Collection<ReviewLine> lines, InvoiceOptions options,
            ReviewStatus status, UUID invoiceRunId) {
        this.id = id;
        this.customer = customer;
        lines.forEach(l -> this.lines.put(l.entry().entryId(), l));
        this.options = options;
        this.status = status;
        this.invoiceRunId = invoiceRunId;
    }

    /** Starts a review over the given entries, all to be billed, with options defaulted from the customer and the entries. */
    public static BillingReview start(BillingCustomer customer, List<UnbilledEntry> entries, LocalDate periodFrom, LocalDate periodTo) {
        if (entries.isEmpty()) {
            throw new ConflictingState("customer " + customer.name() + " has no approved, unbilled time and materials entries"
                    + (periodFrom != null || periodTo != null ? " in this period" : ""));
        }
        LocalDate first = entries.stream().map(UnbilledEntry::date).min(Comparator.naturalOrder()).orElseThrow();
        LocalDate last = entries.stream().map(UnbilledEntry::date).max(Comparator.naturalOrder()).orElseThrow();
        var options = new InvoiceOptions(periodFrom != null ? periodFrom : first, periodTo != null ? periodTo : last,
                customer.paymentTermsDays(), null, null, null);
        return new BillingReview(UUID.randomUUID(), customer,
                entries.stream().map(e -> new ReviewLine(e, Decision.BILL, null)).toList(), options, ReviewStatus.OPEN, null);
    }

    public static BillingReview restore(UUID id, BillingCustomer customer, Collection<ReviewLine> lines, InvoiceOptions options,
            ReviewStatus status, UUID invoiceRunId) {
        return new BillingReview(id, customer, lines, options, status, invoiceRunId);
    }

    public void decide(UUID entryId, Decision decision, String writeOffReason) {
        requireOpen();
        ReviewLine line = lines.get(entryId);
        if (line == null) throw new InvalidField("entryId", "entry " + entryId + " is not part of this review");
        if (decision == null) throw new InvalidField("decision", "choose BILL, DEFER or WRITE_OFF");
        if (decision == Decision.WRITE_OFF && (writeOffReason == null || writeOffReason.isBlank())) {
            throw new InvalidField("reason", "a write-off needs a reason");
        }
        lines.put(entryId, new ReviewLine(line.entry(), decision, decision == Decision.WRITE_OFF ? writeOffReason.strip() : null));
    }

    /** Bill All or Defer All: every entry that is not written off. */
    public void decideAll(Decision decision) {
        if (decision == Decision.WRITE_OFF) throw new InvalidField("decision", "write-offs are decided entry by entry, with a reason");
        requireOpen();
        for (ReviewLine line : new ArrayList<>(lines.values())) {
            if (line.decision() != Decision.WRITE_OFF) lines.put(line.entry().entryId(), new ReviewLine(line.entry(), decision, null));
        }
    }

    public void choose(InvoiceOptions options) {
        requireOpen();
        this.options = options;
    }

    /** Generate & Issue: allowed once, with something to bill. */
    public void startGeneration(UUID runId) {
        if (status != ReviewStatus.OPEN) {
            throw new ConflictingState("review " + id + " was generated already" + (invoiceRunId == null ? "" : " (invoice run " + invoiceRunId + ")"));
        }
        if (billed().isEmpty()) throw new ConflictingState("nothing to bill: every entry of this review is deferred or written off");
        status = ReviewStatus.GENERATING;
        invoiceRunId = runId;
    }

    public void issued() {
        status = ReviewStatus.ISSUED;
    }

    public void failed() {
        status = ReviewStatus.FAILED;
    }

    public ReviewSummary summary() {
        String currency = customer.currency();
        BigDecimal subtotal = Money.zero(currency);
        BigDecimal billedHours = BigDecimal.ZERO, deferred = BigDecimal.ZERO, writtenOff = BigDecimal.ZERO;
        BigDecimal writtenOffAmount = Money.zero(currency);
        for (ReviewLine line : lines.values()) {
            switch (line.decision()) {
                case BILL -> {
                    billedHours = billedHours.add(line.entry().hours());
                    subtotal = subtotal.add(line.amount());
                }
                case DEFER -> deferred = deferred.add(line.entry().hours());
                case WRITE_OFF -> {
                    writtenOff = writtenOff.add(line.entry().hours());
                    writtenOffAmount = writtenOffAmount.add(line.amount());
                }
            }
        }
        BigDecimal tax = Money.tax(subtotal, customer.taxRate(), currency);
        return new ReviewSummary(lines.size(), billedHours, deferred, writtenOff, writtenOffAmount, subtotal, customer.taxRate(),
                tax, subtotal.add(tax), currency);
    }

    public List<ReviewLine> billed() {
        return lines.values().stream().filter(l -> l.decision() == Decision.BILL).toList();
    }

    /** The entries the invoice run takes out of the pool: billed and written off ones (deferred ones stay). */
    public List<UUID> entriesTaken() {
        return lines.values().stream().filter(l -> l.decision() != Decision.DEFER).map(l -> l.entry().entryId()).toList();
    }

    private void requireOpen() {
        if (status != ReviewStatus.OPEN) throw new ConflictingState("review " + id + " is " + status + " and can no longer change");
    }

    public UUID id() { return id; }
    public BillingCustomer customer() { return customer; }
    public List<ReviewLine> lines() { return List.copyOf(lines.values()); }
    public InvoiceOptions options() { return options; }
    public ReviewStatus status() { return status; }
    public UUID invoiceRunId() { return invoiceRunId; }
}
