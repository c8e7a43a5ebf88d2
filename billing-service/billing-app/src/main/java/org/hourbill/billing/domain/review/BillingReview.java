package org.hourbill.billing.domain.review;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hourbill.money.Money;
import org.hourbill.billing.domain.BillingCustomer;
import org.hourbill.billing.domain.UnbilledEntry;
import org.hourbill.billing.domain.plan.BillingDefaults;
import org.hourbill.billing.domain.plan.BillingProject;
import org.hourbill.billing.domain.plan.BillingType;
import org.hourbill.platform.problem.ConflictingState;
import org.hourbill.platform.problem.InvalidField;
import org.hourbill.platform.problem.UnprocessableRequest;

/**
 * A bill under review (a draft): of one customer's approved, unbilled time and materials entries, or of one project,
 * whose billing type decides the lines it may have (entries and activity days, terms, or manual lines). The rules of
 * each billing type live beside it: {@link DayLines} (billing in days), {@link ProjectCaps} (capped time and materials),
 * {@link TermAndManualLines} (fixed-price terms, manual lines); this class keeps the review's state and its lifecycle. Every entry
 * starts as BILL; caps of capped projects are applied before the figures are shown and again, under lock, at
 * generation; a review is generated once.
 */
public final class BillingReview {
    private final UUID id;
    private final BillingCustomer customer;
    private final BillingProject project;
    private final Map<UUID, ReviewLine> lines = new LinkedHashMap<>();
    /** The lines as created or restored: a save writes only those that differ (a review has hundreds, a step changes few). */
    private final Map<UUID, ReviewLine> unchanged;
    private final List<BillLine> billLines = new ArrayList<>();
    /** The bill lines as created or restored: a step of the invoice run changes none, and its save skips them. */
    private final List<BillLine> unchangedBillLines;
    private final Map<UUID, CapUse> caps = new LinkedHashMap<>();
    private InvoiceOptions options;
    private ReviewStatus status;
    private UUID invoiceRunId;

    private BillingReview(UUID id, BillingCustomer customer, BillingProject project, Collection<ReviewLine> lines,
            Collection<BillLine> billLines, InvoiceOptions options, ReviewStatus status, UUID invoiceRunId) {
        this.id = id;
        this.customer = customer;
        this.project = project;
        lines.forEach(l -> this.lines.put(l.entry().entryId(), l));
        this.unchanged = Map.copyOf(this.lines);
        this.billLines.addAll(billLines);
        this.unchangedBillLines = List.copyOf(this.billLines);
        this.options = options;
        this.status = status;
        this.invoiceRunId = invoiceRunId;
    }

    /** Starts a review of a customer's time and materials entries, all to be billed, with options defaulted from the customer. */
    public static BillingReview start(BillingCustomer customer, List<UnbilledEntry> entries, LocalDate periodFrom, LocalDate periodTo) {
        return start(customer, null, null, entries, periodFrom, periodTo);
    }

    /**
     * Starts a bill: of all the customer's produced work (project null), or of one project, whose billing type decides
     * what the bill may contain. Options start from the customer, its billing defaults and the project's order.
     */
    public static BillingReview start(BillingCustomer customer, BillingProject project, BillingDefaults defaults,
            List<UnbilledEntry> entries, LocalDate periodFrom, LocalDate periodTo) {
        if (project != null && project.billingType() == BillingType.NOT_BILLED) {
            throw new UnprocessableRequest("projectId", "project " + project.code() + " is not billed (an internal or administrative"
                    + " project): it has no bills");
        }
        boolean producedWork = project == null || project.billingType().billsProducedWork();
        List<UnbilledEntry> reviewed = producedWork ? entries : List.of();
        if (producedWork && reviewed.isEmpty()) {
            throw new ConflictingState((project == null ? "customer " + customer.name() : "project " + project.code())
                    + " has no approved, unbilled time and materials entries" + (periodFrom != null || periodTo != null ? " in this period" : ""));
        }
        LocalDate first = reviewed.stream().map(UnbilledEntry::date).min(Comparator.naturalOrder()).orElse(null);
        LocalDate last = reviewed.stream().map(UnbilledEntry::date).max(Comparator.naturalOrder()).orElse(null);
        var options = new InvoiceOptions(periodFrom != null ? periodFrom : first, periodTo != null ? periodTo : last,
                customer.paymentTermsDays(), null, null, null, defaults == null ? null : defaults.billContact(),
                defaults == null ? null : defaults.paymentRecipient(), null, null, project == null ? null : project.orderAmount());
        return new BillingReview(UUID.randomUUID(), customer, project,
                reviewed.stream().map(e -> new ReviewLine(e, Decision.BILL, null)).toList(), List.of(), options, ReviewStatus.OPEN, null);
    }

    public static BillingReview restore(UUID id, BillingCustomer customer, Collection<ReviewLine> lines, InvoiceOptions options,
            ReviewStatus status, UUID invoiceRunId) {
        return restore(id, customer, null, lines, List.of(), options, status, invoiceRunId);
    }

    public static BillingReview restore(UUID id, BillingCustomer customer, BillingProject project, Collection<ReviewLine> lines,
            Collection<BillLine> billLines, InvoiceOptions options, ReviewStatus status, UUID invoiceRunId) {
        return new BillingReview(id, customer, project, lines, billLines, options, status, invoiceRunId);
    }

    public void decide(UUID entryId, Decision decision, String writeOffReason) {
        requireOpen();
        ReviewLine line = lines.get(entryId);
        if (line == null) throw new InvalidField("entryId", "the entry is not part of this review");
        if (decision == null) throw new InvalidField("decision", "choose BILL, DEFER or WRITE_OFF");
        if (decision == Decision.WRITE_OFF && (writeOffReason == null || writeOffReason.isBlank())) {
            throw new InvalidField("reason", "a write-off needs a reason");
        }
        DayLines.requireNotCovered(line);
        lines.put(entryId, line.decided(decision, decision == Decision.WRITE_OFF ? writeOffReason.strip() : null));
    }

    /** Bill All or Defer All: every entry that is not written off. */
    public void decideAll(Decision decision) {
        if (decision == Decision.WRITE_OFF) throw new InvalidField("decision", "write-offs are decided entry by entry, with a reason");
        requireOpen();
        for (ReviewLine line : new ArrayList<>(lines.values())) {
            if (line.decision() != Decision.WRITE_OFF && line.hourly()) lines.put(line.entry().entryId(), line.decided(decision, null));
        }
    }

    public void choose(InvoiceOptions options) {
        requireOpen();
        this.options = options;
    }

    /** Adds a line of the kind the billing type allows; an ACTIVITY line takes the resource's billed entries of its period. */
    public BillLine addLine(BillLine draft) {
        requireOpen();
        BillingType type = project == null ? BillingType.TIME_AND_MATERIALS : project.billingType();
        if (project == null && draft.kind() != LineKind.ACTIVITY) {
            throw new InvalidField("kind", "a review of all hourly work bills produced work; " + draft.kind().name().toLowerCase()
                    + " lines belong on the bill of one project (start a review of that project)");
        }
        if (!type.allows(draft.kind())) {
            throw new UnprocessableRequest("kind", "project " + project.code() + " is billed " + type.words() + ", whose bills have no "
                    + draft.kind().name().toLowerCase() + " lines");
        }
        int position = billLines.stream().mapToInt(BillLine::position).max().orElse(0) + 1;
        BillLine line = switch (draft.kind()) {
            case ACTIVITY -> DayLines.cover(position, draft, project, lines);
            case TERM -> TermAndManualLines.term(position, draft, billLines);
            case MANUAL -> TermAndManualLines.manual(position, draft);
            case TIME -> throw new InvalidField("kind", "time entries come from the pool; decide BILL, DEFER or WRITE_OFF on them");
        };
        billLines.add(line);
        return line;
    }

    /** Edits the text of a line before issue (the generated description of an activity line, say). */
    public BillLine describeLine(int position, String description, String detail) {
        requireOpen();
        BillLine line = billLine(position);
        if (description != null && description.isBlank()) throw new InvalidField("description", "a line keeps a description");
        BillLine edited = line.describedAs(description != null ? description.strip() : line.description(),
                detail != null ? (detail.isBlank() ? null : detail.strip()) : line.detail());
        billLines.set(billLines.indexOf(line), edited);
        return edited;
    }

    /** Removes a line; the entries an activity line covered are billed by the hour again. */
    public void removeLine(int position) {
        requireOpen();
        BillLine line = billLine(position);
        billLines.remove(line);
        DayLines.uncover(line, lines);
    }

    private BillLine billLine(int position) {
        return billLines.stream().filter(l -> l.position() == position).findFirst()
                .orElseThrow(() -> new InvalidField("position", "this bill has no line " + position));
    }

    /**
     * Applies the caps of capped projects: day lines first, then entries by date, are billed while the cap lasts;
     * the line that crosses it is billed up to the cap (hours or days floored to 0.01), the rest is capped. Nothing
     * is dropped: capped hours are written off with reason "cap" at issue and shown in the summary.
     *
     * @param capState per capped project of this review: its cap and what other bills have used of it
     */
    public void applyCaps(Map<UUID, CapState> capState) {
        caps.clear();
        caps.putAll(ProjectCaps.apply(capState, lines, billLines, customer.currency()));
    }

    /** A capped project's cap and what issued and generating bills have used of it. */
    public record CapState(BigDecimal cap, BigDecimal used) {
    }

    /** The projects of this review whose entries are capped. */
    public java.util.Set<UUID> cappedProjects() {
        return ProjectCaps.cappedProjects(lines.values(), project);
    }

    /** Generate & Issue: allowed once, with something to bill; a fixed-price bill needs a term. */
    public void startGeneration(UUID runId) {
        if (status != ReviewStatus.OPEN) throw new ConflictingState("this review was generated already");
        obstacles().stream().findFirst().ifPresent(o -> {
            throw new ConflictingState(o.message());
        });
        status = ReviewStatus.GENERATING;
        invoiceRunId = runId;
    }

    /** What in the bill itself stops Generate & Issue (caps and frame orders are checked where they are kept). */
    public List<Obstacle> obstacles() {
        List<Obstacle> found = new ArrayList<>();
        if (project != null && project.billingType() == BillingType.FIXED_PRICE
                && billLines.stream().noneMatch(l -> l.kind() == LineKind.TERM)) {
            found.add(new Obstacle(Obstacle.Kind.TERM_MISSING, project.name() + " (" + project.code() + ") is billed at terms:"
                    + " add a term of its billing calendar first", project.id()));
        }
        if (billedEntries().isEmpty() && billLines.isEmpty()) {
            found.add(new Obstacle(Obstacle.Kind.NOTHING_TO_BILL,
                    "nothing to bill: every entry of this review is deferred, written off or beyond the cap", null));
        } else if (summary().subtotal().signum() < 0) {
            found.add(new Obstacle(Obstacle.Kind.NEGATIVE_NET, "the bill's net amount is negative: issue a credit note instead", null));
        }
        return found;
    }

    /**
     * Closes a review that bills nothing, so a month of unbillable hours can be closed: its written-off entries (and
     * those a cap took entirely) are written off for good, deferred ones stay in the pool. Returns the write-offs with
     * their reasons.
     */
    public Map<UUID, String> closeWithoutInvoice() {
        if (status != ReviewStatus.OPEN) throw new ConflictingState("this review is " + status.name().toLowerCase() + " and can no longer change");
        if (!billedEntries().isEmpty() || !billLines.isEmpty()) {
            throw new ConflictingState("this review bills " + billedEntries().size() + " entries and " + billLines.size()
                    + " other lines: issue its invoice with Generate & Issue, or defer or write them off first");
        }
        Map<UUID, String> writtenOff = writeOffs();
        status = ReviewStatus.CLOSED;
        return writtenOff;
    }

    /** The entries written off with their reasons: decided so, or billed ones a cap took entirely ("cap"). */
    private Map<UUID, String> writeOffs() {
        Map<UUID, String> writtenOff = new LinkedHashMap<>();
        lines.values().stream().filter(l -> l.decision() == Decision.WRITE_OFF)
                .forEach(l -> writtenOff.put(l.entry().entryId(), l.writeOffReason()));
        cappedOut().forEach(l -> writtenOff.put(l.entry().entryId(), "cap"));
        return writtenOff;
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
        BigDecimal billedHours = BigDecimal.ZERO, deferred = BigDecimal.ZERO, writtenOff = BigDecimal.ZERO, cappedHours = BigDecimal.ZERO;
        BigDecimal writtenOffAmount = Money.zero(currency), cappedAmount = Money.zero(currency);
        for (ReviewLine line : lines.values()) {
            switch (line.decision()) {
                case BILL -> {
                    billedHours = billedHours.add(line.billedHours());
                    cappedHours = cappedHours.add(line.cappedHours());
                    if (line.hourly()) {
                        subtotal = subtotal.add(line.amount());
                        cappedAmount = cappedAmount.add(line.cappedAmount());
                    }
                }
                case DEFER -> deferred = deferred.add(line.entry().hours());
                case WRITE_OFF -> {
                    writtenOff = writtenOff.add(line.entry().hours());
                    writtenOffAmount = writtenOffAmount.add(line.amount());
                }
            }
        }
        for (BillLine line : billLines) {
            subtotal = subtotal.add(line.amount(currency));
            cappedAmount = cappedAmount.add(line.cappedAmount(currency));
        }
        BigDecimal tax = Money.percentOf(subtotal, customer.taxRate(), currency);
        return new ReviewSummary(lines.size(), billedHours, deferred, writtenOff, writtenOffAmount, cappedHours, cappedAmount,
                billLines.size(), subtotal, customer.taxRate(), tax, subtotal.add(tax), currency);
    }

    /** Entries billed by the hour, with hours left after capping. */
    public List<ReviewLine> billed() {
        return lines.values().stream().filter(l -> l.decision() == Decision.BILL && l.hourly() && l.billedHours().signum() > 0).toList();
    }

    /** Every entry the invoice bills: by the hour, or in days within an activity line. */
    public List<ReviewLine> billedEntries() {
        return lines.values().stream().filter(l -> l.decision() == Decision.BILL && (!l.hourly() || l.billedHours().signum() > 0)).toList();
    }

    /** Entries to bill whose hours the cap took entirely: written off with reason "cap". */
    public List<ReviewLine> cappedOut() {
        return lines.values().stream().filter(l -> l.decision() == Decision.BILL && l.hourly() && l.billedHours().signum() == 0).toList();
    }

    /** What issuing this bill will settle: decided when its run starts, carried out when the invoice is issued. */
    public Settlement settlement() {
        Map<UUID, BigDecimal> billed = new LinkedHashMap<>();
        billedEntries().forEach(l -> billed.put(l.entry().entryId(), l.cappedHours()));
        return new Settlement(billed, writeOffs(), !termsTaken().isEmpty());
    }

    /** The entries the invoice run takes out of the pool: billed and written off ones (deferred ones stay). */
    public List<UUID> entriesTaken() {
        return lines.values().stream().filter(l -> l.decision() != Decision.DEFER).map(l -> l.entry().entryId()).toList();
    }

    public List<UUID> termsTaken() {
        return billLines.stream().filter(l -> l.kind() == LineKind.TERM).map(BillLine::termId).toList();
    }

    /** "% of order": the net amount over the order amount, in percent; null without an order amount. */
    public BigDecimal percentOfOrder() {
        BigDecimal order = options.orderAmount();
        if (order == null) return null;
        return summary().subtotal().movePointRight(2).divide(order, 2, RoundingMode.HALF_UP);
    }

    private void requireOpen() {
        if (status != ReviewStatus.OPEN) throw new ConflictingState("this review is " + status.name().toLowerCase() + " and can no longer change");
    }

    public UUID id() { return id; }
    public BillingCustomer customer() { return customer; }
    public BillingProject project() { return project; }
    public List<BillLine> billLines() { return List.copyOf(billLines); }
    public List<CapUse> caps() { return List.copyOf(caps.values()); }
    public List<ReviewLine> lines() { return List.copyOf(lines.values()); }
    /** The lines decided, capped or covered differently since this review was created or restored. */
    public List<ReviewLine> changedLines() {
        return lines.values().stream().filter(l -> !l.equals(unchanged.get(l.entry().entryId()))).toList();
    }
    public boolean billLinesChanged() {
        return !billLines.equals(unchangedBillLines);
    }
    public InvoiceOptions options() { return options; }
    public ReviewStatus status() { return status; }
    public UUID invoiceRunId() { return invoiceRunId; }
}
