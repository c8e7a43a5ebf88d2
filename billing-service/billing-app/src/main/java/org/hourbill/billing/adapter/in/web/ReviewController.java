package org.hourbill.billing.adapter.in.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.hourbill.billing.application.BillingReviews;
import org.hourbill.billing.application.BillingReviews.EntryDecision;
import org.hourbill.billing.application.InvoiceRunner;
import org.hourbill.billing.domain.review.BillingReview;
import org.hourbill.billing.domain.review.Decision;
import org.hourbill.billing.domain.review.InvoiceOptions;
import org.hourbill.billing.domain.review.ReviewLine;
import org.hourbill.billing.domain.review.ReviewStatus;
import org.hourbill.billing.domain.review.ReviewSummary;
import org.hourbill.billing.domain.run.InvoiceRun;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
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

    ReviewController(BillingReviews reviews, InvoiceRunner runner) {
        this.reviews = reviews;
        this.runner = runner;
    }

    @PostMapping
    ResponseEntity<ReviewView> start(@Valid @RequestBody StartRequest request) {
        BillingReview review = reviews.start(request.customerId(), request.periodFrom(), request.periodTo());
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
                request.paymentTermsDays(), request.poNumber(), request.notes(), request.frameOrderId())));
    }

    @GetMapping("/{id}/preview")
    BillingReviews.Preview preview(@PathVariable UUID id) {
        return reviews.preview(id);
    }

    /** Generate & Issue: returns at once; poll the run until it is ISSUED (with its number) or FAILED (with the reason). */
    @PostMapping("/{id}/generation")
    ResponseEntity<InvoiceRunController.RunView> generate(@PathVariable UUID id) {
        InvoiceRun run = runner.generate(id);
        return ResponseEntity.accepted().location(URI.create("/invoice-runs/" + run.id()))
                .body(InvoiceRunController.RunView.of(run, null, null));
    }

    record StartRequest(@NotNull UUID customerId, LocalDate periodFrom, LocalDate periodTo) {
    }

    record DecisionsRequest(@NotEmpty List<@Valid DecisionRequest> decisions) {
    }

    record DecisionRequest(@NotNull UUID entryId, @NotNull Decision decision, @Size(max = 500) String reason) {
    }

    record OptionsRequest(@NotNull LocalDate periodFrom, @NotNull LocalDate periodTo, @NotNull @PositiveOrZero Integer paymentTermsDays,
            @Size(max = 60) String poNumber, @Size(max = 2000) String notes, UUID frameOrderId) {
    }

    record LineView(UUID entryId, LocalDate date, UUID projectId, String task, String resourceName, String role,
            BigDecimal hours, BigDecimal rate, BigDecimal amount, Decision decision, String writeOffReason) {
        static LineView of(ReviewLine l) {
            var e = l.entry();
            return new LineView(e.entryId(), e.date(), e.projectId(), e.task(), e.resourceName(), e.role(), e.hours(), e.rate(),
                    l.amount(), l.decision(), l.writeOffReason());
        }
    }

    record ReviewView(UUID id, UUID customerId, String customerName, ReviewStatus status, InvoiceOptions options,
            ReviewSummary summary, List<LineView> entries, UUID invoiceRunId) {
        static ReviewView of(BillingReview r) {
            return new ReviewView(r.id(), r.customer().id(), r.customer().name(), r.status(), r.options(), r.summary(),
                    r.lines().stream().map(LineView::of).toList(), r.invoiceRunId());
        }
    }
}
