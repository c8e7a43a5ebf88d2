package org.hourbill.billing.adapter.in.web;

import org.hourbill.platform.audit.Audited;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.hourbill.billing.application.BillingReviews;
import org.hourbill.billing.application.BillingReviews.EntryDecision;
import org.hourbill.billing.application.InvoiceRunner;
import org.hourbill.billing.application.InvoiceRuns;
import org.hourbill.billing.application.ReviewClosing;
import org.hourbill.billing.domain.plan.BillingDefaults;
import org.hourbill.billing.domain.plan.BillingProject;
import org.hourbill.billing.domain.review.BillLine;
import org.hourbill.billing.domain.review.BillingReview;
import org.hourbill.billing.domain.review.CapUse;
import org.hourbill.billing.domain.review.Decision;
import org.hourbill.billing.domain.review.InvoiceOptions;
import org.hourbill.billing.domain.review.LineKind;
import org.hourbill.billing.domain.review.ReviewLine;
import org.hourbill.billing.domain.review.ReviewStatus;
import org.hourbill.billing.domain.review.ReviewSummary;
import org.hourbill.billing.domain.run.InvoiceRun;
import org.hourbill.platform.tracing.MessageTracing;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * The billing review wizard: customer -> entries with decisions -> frame order -> preview with options ->
 * Generate & Issue (202 with the invoice run as the handle to poll).
 */
@RestController
@RequestMapping("/reviews")
class ReviewController {
    private final BillingReviews reviews;
    private final InvoiceRunner runner;
    private final MessageTracing tracing;
    private final InvoiceRuns runs;
    private final ReviewClosing closing;

    ReviewController(BillingReviews reviews, InvoiceRunner runner, InvoiceRuns runs, ReviewClosing closing, MessageTracing tracing) {
        this.tracing = tracing;
        this.closing = closing;
        this.reviews = reviews;
        this.runner = runner;
        this.runs = runs;
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    ResponseEntity<ReviewView> start(@Valid @RequestBody StartRequest request) {
        BillingReview review = reviews.start(request.customerId(), request.projectId(), request.periodFrom(), request.periodTo());
        return ResponseEntity.created(URI.create("/reviews/" + review.id())).body(ReviewView.of(review));
    }

    @GetMapping("/{id}")
    ReviewView get(@PathVariable UUID id) {
        return ReviewView.of(reviews.get(id));
    }

    @PostMapping("/{id}/decisions")
    ReviewView decide(@PathVariable UUID id, @Valid @RequestBody DecisionsRequest request) {
        return ReviewView.of(reviews.decide(id, request.decisions().stream()
                .map(d -> new EntryDecision(d.entryId(), d.decision(), d.reason())).toList()));
    }

    @PostMapping("/{id}/bill-all")
    ReviewView billAll(@PathVariable UUID id) {
        return ReviewView.of(reviews.decideAll(id, Decision.BILL));
    }

    @PostMapping("/{id}/defer-all")
    ReviewView deferAll(@PathVariable UUID id) {
        return ReviewView.of(reviews.decideAll(id, Decision.DEFER));
    }

    @GetMapping("/{id}/frame-orders")
    BillingReviews.FrameOrderStep frameOrders(@PathVariable UUID id) {
        return reviews.frameOrderStep(id);
    }

    @PutMapping("/{id}/options")
    ReviewView options(@PathVariable UUID id, @Valid @RequestBody OptionsRequest request) {
        return ReviewView.of(reviews.choose(id, new InvoiceOptions(request.periodFrom(), request.periodTo(),
                request.paymentTermsDays(), request.poNumber(), request.notes(), request.frameOrderId(), request.billContact(),
                request.paymentRecipient(), request.responsible(), request.comments(), request.orderAmount())));
    }

    /** Adds a term (fixed price), an activity line (days at a daily price) or a manual line (free or from the catalog). */
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/{id}/lines")
    ResponseEntity<ReviewView> addLine(@PathVariable UUID id, @Valid @RequestBody LineRequest r) {
        BillingReview review = reviews.addLine(id, new BillingReviews.NewLine(r.kind(), r.projectId(), r.termId(), r.resourceId(),
                r.activityType(), r.from(), r.to(), r.quantity(), r.description(), r.detail(), r.unitPrice(), r.unit(), r.amendment(),
                r.catalogItemId()));
        return ResponseEntity.status(201).body(ReviewView.of(review));
    }

    /** Edits a line's description or detail before issue (say, the generated description of an activity line). */
    @PatchMapping("/{id}/lines/{position}")
    ReviewView describeLine(@PathVariable UUID id, @PathVariable int position, @Valid @RequestBody LineText r) {
        return ReviewView.of(reviews.describeLine(id, position, r.description(), r.detail()));
    }

    @DeleteMapping("/{id}/lines/{position}")
    ReviewView removeLine(@PathVariable UUID id, @PathVariable int position) {
        return ReviewView.of(reviews.removeLine(id, position));
    }

    @GetMapping("/{id}/preview")
    BillingReviews.Preview preview(@PathVariable UUID id) {
        return reviews.preview(id);
    }

    /** A review that bills nothing (all deferred or written off) is closed without an invoice; its write-offs take effect. */
    @Audited("close-review")
    @PostMapping("/{id}/closing")
    ReviewView close(@PathVariable UUID id) {
        return ReviewView.of(closing.close(id));
    }

    /** Generate & Issue: returns at once; poll the run until it is ISSUED (with its number) or FAILED (with the reason). */
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Audited("generate")
    @PostMapping("/{id}/generation")
    ResponseEntity<InvoiceRunController.RunView> generate(@PathVariable UUID id) {
        InvoiceRun run = runner.generate(id);
        tracing.tagCurrent("invoice.run.id", run.id().toString());
        return ResponseEntity.accepted().location(URI.create("/invoice-runs/" + run.id()))
                .body(InvoiceRunController.RunView.of(run, runs.startedAt(run.id()).orElse(null), null));
    }

    /** @param projectId null: all the customer's produced work; else the bill of that project, as its billing type says */
    record StartRequest(@NotNull UUID customerId, UUID projectId, LocalDate periodFrom, LocalDate periodTo) {
    }

    record LineRequest(@NotNull LineKind kind, UUID projectId, UUID termId, UUID resourceId, @Size(max = 100) String activityType,
            LocalDate from, LocalDate to, BigDecimal quantity, @Size(max = 1000) String description, @Size(max = 1000) String detail,
            BigDecimal unitPrice, @Size(max = 3) String unit, Boolean amendment, UUID catalogItemId) {
    }

    record LineText(@Size(max = 1000) String description, @Size(max = 1000) String detail) {
    }

    record DecisionsRequest(@NotEmpty List<@Valid DecisionRequest> decisions) {
    }

    record DecisionRequest(@NotNull UUID entryId, @NotNull Decision decision, @Size(max = 500) String reason) {
    }

    record OptionsRequest(@NotNull LocalDate periodFrom, @NotNull LocalDate periodTo, @NotNull @PositiveOrZero Integer paymentTermsDays,
            @Size(max = 60) String poNumber, @Size(max = 2000) String notes, UUID frameOrderId,
            @Valid BillingDefaults.Contact billContact, @Valid BillingDefaults.PaymentRecipient paymentRecipient,
            @Size(max = 200) String responsible, @Size(max = 2000) String comments, BigDecimal orderAmount) {
    }

    /**
     * @param cappedHours hours a project's cap keeps off the bill
     * @param billedInLine the activity line that bills the entry in days, or null
     */
    record LineView(UUID entryId, LocalDate date, UUID projectId, String billingType, String task, UUID resourceId, String resourceName,
            String role, BigDecimal hours, BigDecimal rate, BigDecimal amount, Decision decision, String writeOffReason, BigDecimal cappedHours,
            Integer billedInLine) {
        static LineView of(ReviewLine l) {
            var e = l.entry();
            return new LineView(e.entryId(), e.date(), e.projectId(), e.billingType(), e.task(), e.resourceId(), e.resourceName(), e.role(), e.hours(),
                    e.rate(), l.amount(), l.decision(), l.writeOffReason(), l.cappedHours(), l.coveredBy());
        }
    }

    record BillLineView(int position, LineKind kind, UUID projectId, UUID termId, String resourceName, String activityType,
            LocalDate from, LocalDate to, String description, String detail, BigDecimal quantity, BigDecimal cappedQuantity,
            String unit, BigDecimal unitPrice, BigDecimal amount, boolean amendment, UUID catalogItemId, List<UUID> coveredEntryIds) {
        static BillLineView of(BillLine l, String currency) {
            return new BillLineView(l.position(), l.kind(), l.projectId(), l.termId(), l.resourceName(), l.activityType(), l.from(),
                    l.to(), l.description(), l.detail(), l.quantity(), l.cappedQuantity(), l.unit(), l.unitPrice(), l.amount(currency),
                    l.amendment(), l.catalogItemId(), l.coveredEntryIds());
        }
    }

    /**
     * @param project the project billed, with its billing type; null for a customer-wide review of produced work
     * @param caps    per capped project: cap, used by earlier bills, billed now, kept off by the cap, and left after
     */
    record ReviewView(UUID id, UUID customerId, String customerName, BillingProject project, ReviewStatus status,
            InvoiceOptions options, ReviewSummary summary, List<LineView> entries, List<BillLineView> lines, List<CapUse> caps,
            BigDecimal percentOfOrder, UUID invoiceRunId) {
        static ReviewView of(BillingReview r) {
            String currency = r.customer().currency();
            return new ReviewView(r.id(), r.customer().id(), r.customer().name(), r.project(), r.status(), r.options(), r.summary(),
                    r.lines().stream().map(LineView::of).toList(), r.billLines().stream().map(l -> BillLineView.of(l, currency)).toList(),
                    r.caps(), r.percentOfOrder(), r.invoiceRunId());
        }
    }
}
