package org.hourbill.billing.application;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hourbill.billing.domain.BillingCustomer;
import org.hourbill.billing.domain.plan.ActivityPrice;
import org.hourbill.billing.domain.plan.Amounts;
import org.hourbill.billing.domain.plan.BillingProject;
import org.hourbill.billing.domain.plan.CatalogItem;
import org.hourbill.billing.domain.plan.Term;
import org.hourbill.billing.domain.review.BillLine;
import org.hourbill.billing.domain.review.BillingReview;
import org.hourbill.billing.domain.review.CapUse;
import org.hourbill.billing.domain.review.Decision;
import org.hourbill.billing.domain.review.InvoiceOptions;
import org.hourbill.billing.domain.review.Obstacle;
import org.hourbill.billing.domain.review.LineKind;
import org.hourbill.billing.domain.review.ReviewStatus;
import org.hourbill.billing.domain.review.ReviewSummary;
import org.hourbill.platform.problem.ConflictingState;
import org.hourbill.platform.problem.InvalidField;
import org.hourbill.platform.problem.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** The billing review wizard: start, decide per entry or for all, pick the frame order and options, preview. */
@Service
@Transactional
public class BillingReviews {
    private final Reviews reviews;
    private final UnbilledPool pool;
    private final FrameOrderDirectory frameOrders;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final ProjectPlans plans;
    private final CustomerBillingDefaults defaults;
    private final ProductCatalog catalog;

    BillingReviews(Reviews reviews, UnbilledPool pool, FrameOrderDirectory frameOrders, Clock clock, TransactionTemplate transaction,
            ProjectPlans plans, CustomerBillingDefaults defaults, ProductCatalog catalog) {
        this.reviews = reviews;
        this.pool = pool;
        this.frameOrders = frameOrders;
        this.clock = clock;
        this.transaction = transaction;
        this.plans = plans;
        this.defaults = defaults;
        this.catalog = catalog;
    }

    public BillingReview start(UUID customerId, LocalDate from, LocalDate to) {
        return start(customerId, null, from, to);
    }

    /** Starts a bill of the customer's produced work, or of one project (whose billing type decides its lines). */
    public BillingReview start(UUID customerId, UUID projectId, LocalDate from, LocalDate to) {
        if (customerId == null) throw new InvalidField("customerId", "a review is for one customer");
        if (from != null && to != null && to.isBefore(from)) throw new InvalidField("periodTo", "the period ends before it starts");
        BillingCustomer customer = pool.customer(customerId)
                .orElseThrow(() -> new NotFound("customerId", "billing does not know this customer (yet)"));
        BillingProject project = null;
        if (projectId != null) {
            project = plans.project(projectId).orElseThrow(() -> new NotFound("projectId", "billing does not know this project (yet)"));
            if (!project.customerId().equals(customerId)) {
                throw new InvalidField("projectId", "project " + project.code() + " belongs to another customer");
            }
        }
        if (project != null && !project.billingType().billsProducedWork() && from == null && to == null) {
            // a term or manual bill has no hours to date it: it bills the month just closed, unless the clerk says otherwise
            YearMonth closed = YearMonth.now(clock).minusMonths(1);
            from = closed.atDay(1);
            to = closed.atEndOfMonth();
        }
        BillingReview review = BillingReview.start(customer, project, defaults.find(customerId).orElse(null),
                pool.reviewable(customerId, projectId, from, to), from, to);
        review.applyCaps(capStates(review, false));
        reviews.add(review);
        return review;
    }

    /** The review; while it is open, with the caps of its capped projects as they stand now. */
    @Transactional(readOnly = true)
    public BillingReview get(UUID reviewId) {
        BillingReview review = reviews.find(reviewId).orElseThrow(() -> new NotFound("no review " + reviewId));
        if (review.status() == ReviewStatus.OPEN) review.applyCaps(capStates(review, false));
        return review;
    }

    /**
     * The cap and its use of each capped project of the review. With {@code lock}, the projects are locked (in id
     * order, so that two bills never wait on each other) and a missing cap is refused; without, it is left out.
     */
    public Map<UUID, BillingReview.CapState> capStates(BillingReview review, boolean lock) {
        Map<UUID, BillingReview.CapState> states = new LinkedHashMap<>();
        for (UUID projectId : review.cappedProjects().stream().sorted().toList()) {
            BillingProject project = (lock ? plans.lockProject(projectId) : plans.project(projectId)).orElse(null);
            if (project == null || project.validatedWorkAmount() == null) {
                if (lock) throw new ConflictingState(capMissing(project, projectId).message());
                continue;
            }
            states.put(projectId, new BillingReview.CapState(project.validatedWorkAmount(), plans.capUsed(projectId)));
        }
        return states;
    }

    private static Obstacle capMissing(BillingProject project, UUID projectId) {
        String named = project == null ? "a capped project of this bill" : project.name() + " (" + project.code() + ")";
        return new Obstacle(Obstacle.Kind.CAP_MISSING, named + " is billed on capped time and materials but has no cap"
                + " (validated work amount) yet: set its cap in the project's billing settings", projectId);
    }

    /**
     * Everything that would stop Generate & Issue now: the bill's own obstacles, a capped project without its cap, a
     * chosen frame order too small or not valid for the bill (when frame-order-service can say).
     */
    private List<Obstacle> obstacles(BillingReview review, FrameOrderStep step) {
        List<Obstacle> found = new ArrayList<>(review.obstacles());
        for (UUID projectId : review.cappedProjects().stream().sorted().toList()) {
            BillingProject project = plans.project(projectId).orElse(null);
            if (project == null || project.validatedWorkAmount() == null) found.add(capMissing(project, projectId));
        }
        UUID chosen = review.options().frameOrderId();
        if (chosen != null && step != null && step.available()) {
            step.frameOrders().stream().filter(f -> f.frameOrderId().equals(chosen)).findFirst().ifPresentOrElse(f -> {
                if (!f.sufficient()) {
                    found.add(new Obstacle(Obstacle.Kind.FRAME_ORDER_TOO_SMALL, "frame order " + f.poNumber() + " has "
                            + f.availableHours().toPlainString() + " h left, but this bill draws " + f.hoursDrawn().toPlainString()
                            + " h: choose another frame order, none, or bill fewer hours", null));
                }
            }, () -> found.add(new Obstacle(Obstacle.Kind.FRAME_ORDER_NOT_VALID, "the chosen frame order is closed or not valid"
                    + " for the bill's service period: choose another frame order or none", null)));
        }
        return found;
    }

    /** Adds a term, an activity line or a manual line, completed from the term, the activity price or the catalog. */
    public BillingReview addLine(UUID reviewId, NewLine line) {
        BillingReview review = locked(reviewId);
        if (line.kind() == null) throw new InvalidField("kind", "TERM, ACTIVITY or MANUAL");
        UUID projectId = review.project() != null ? review.project().id() : line.projectId();
        BillLine draft = switch (line.kind()) {
            case TERM -> {
                if (line.termId() == null) throw new InvalidField("termId", "choose a term of the project's billing calendar");
                Term term = plans.term(line.termId()).filter(t -> t.projectId().equals(projectId))
                        .orElseThrow(() -> new InvalidField("termId", "the term is not on this project's billing calendar"));
                term.requireBillable();
                yield BillLine.term(projectId, term.id(), term.date(), or(line.description(), term.name()), line.detail(), term.amount());
            }
            case ACTIVITY -> {
                if (projectId == null) throw new InvalidField("projectId", "an activity line bills work on one project");
                if (line.resourceId() == null) throw new InvalidField("resourceId", "whose days does the line bill?");
                if (line.activityType() == null) throw new InvalidField("activityType", "which activity's daily price?");
                ActivityPrice price = plans.price(projectId, line.activityType()).orElseThrow(() -> new InvalidField("activityType",
                        "the project has no daily price for activity " + line.activityType()));
                yield BillLine.activity(projectId, line.resourceId(), line.activityType(), line.from(), line.to(), line.description(),
                        line.detail(), line.quantity(), price.dailyPrice());
            }
            case MANUAL -> {
                CatalogItem item = line.catalogItemId() == null ? null : catalog.find(line.catalogItemId())
                        .orElseThrow(() -> new InvalidField("catalogItemId", "the catalog has no such item"));
                if (item != null) item.requireOffered();
                String unit = line.unit() != null ? line.unit() : item != null ? item.unit() : "C62";
                Amounts.requireUnit(unit);
                yield BillLine.manual(projectId, or(line.description(), item == null ? null : item.name()),
                        or(line.detail(), item == null ? null : item.description()), line.quantity(), unit,
                        line.unitPrice() != null ? line.unitPrice() : item == null ? null : item.unitPrice(),
                        Boolean.TRUE.equals(line.amendment()), item == null ? null : item.id());
            }
            case TIME -> throw new InvalidField("kind", "time entries come from the pool; decide BILL, DEFER or WRITE_OFF on them");
        };
        review.addLine(draft);
        review.applyCaps(capStates(review, false));
        reviews.save(review);
        return review;
    }

    public BillingReview describeLine(UUID reviewId, int position, String description, String detail) {
        BillingReview review = locked(reviewId);
        review.describeLine(position, description, detail);
        reviews.save(review);
        return review;
    }

    public BillingReview removeLine(UUID reviewId, int position) {
        BillingReview review = locked(reviewId);
        review.removeLine(position);
        review.applyCaps(capStates(review, false));
        reviews.save(review);
        return review;
    }

    private static String or(String given, String fallback) {
        return given != null && !given.isBlank() ? given.strip() : fallback;
    }

    /** A line to add; what is not given comes from the term, the activity price or the catalog item. */
    public record NewLine(LineKind kind, UUID projectId, UUID termId, UUID resourceId, String activityType, LocalDate from,
            LocalDate to, BigDecimal quantity, String description, String detail, BigDecimal unitPrice, String unit,
            Boolean amendment, UUID catalogItemId) {
    }

    public BillingReview decide(UUID reviewId, List<EntryDecision> decisions) {
        BillingReview review = locked(reviewId);
        decisions.forEach(d -> review.decide(d.entryId(), d.decision(), d.reason()));
        reviews.save(review);
        return review;
    }

    public BillingReview decideAll(UUID reviewId, Decision decision) {
        BillingReview review = locked(reviewId);
        review.decideAll(decision);
        reviews.save(review);
        return review;
    }

    /**
     * Sets the invoice options. A chosen frame order is checked when frame-order-service can say (customer, validity);
     * when it cannot, the choice stands and the invoice run's draw-down still guards it.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public BillingReview choose(UUID reviewId, InvoiceOptions options) {
        // ask frame-order-service before taking the review's row lock: a slow answer must not hold it
        if (options.frameOrderId() != null) {
            UUID customerId = reviews.customerOf(reviewId).orElseThrow(() -> new NotFound("no review " + reviewId));
            checkFrameOrder(pool.customer(customerId).orElseThrow(), options);
        }
        return transaction.execute(status -> {
            BillingReview review = locked(reviewId);
            review.choose(options);
            reviews.save(review);
            return review;
        });
    }

    /** Checks the chosen frame order when frame-order-service can say; when it cannot, the run's draw-down will. */
    private void checkFrameOrder(BillingCustomer customer, InvoiceOptions options) {
        FrameOrderDirectory.Lookup lookup = frameOrders.openFrameOrders(customer.id());
        if (!lookup.available()) return;
        var chosen = lookup.frameOrders().stream().filter(f -> f.frameOrderId().equals(options.frameOrderId())).findFirst()
                .orElseThrow(() -> new InvalidField("frameOrderId", customer.name() + " has no such open frame order"));
        LocalDate from = workedFrom(options), to = workedTo(options);
        if (!chosen.validFor(from, to)) {
            throw new InvalidField("frameOrderId", "frame order " + chosen.poNumber() + " is valid from " + chosen.validFrom()
                    + " to " + chosen.validTo() + ", not for work done from " + from + " to " + to);
        }
    }

    /** The work a bill covers: its service period, or today where it has none. */
    private LocalDate workedFrom(InvoiceOptions options) {
        return options.periodFrom() != null ? options.periodFrom() : LocalDate.now(clock);
    }

    private LocalDate workedTo(InvoiceOptions options) {
        return options.periodTo() != null ? options.periodTo() : LocalDate.now(clock);
    }

    /** The frame order step: each open frame order valid for the bill's service period, with what it would draw and leave. */
    @Transactional(readOnly = true)
    public FrameOrderStep frameOrderStep(UUID reviewId) {
        return frameOrderStep(get(reviewId));
    }

    private FrameOrderStep frameOrderStep(BillingReview review) {
        BigDecimal hours = review.summary().hoursBilled();
        FrameOrderDirectory.Lookup lookup = frameOrders.openFrameOrders(review.customer().id());
        LocalDate from = workedFrom(review.options()), to = workedTo(review.options());
        List<FrameOrderImpact> impacts = lookup.frameOrders().stream().filter(f -> f.validFor(from, to))
                .map(f -> new FrameOrderImpact(f.frameOrderId(), f.poNumber(), f.totalHours(), f.remainingHours(), hours,
                        f.remainingHours().subtract(hours), f.remainingHours().compareTo(hours) >= 0, f.validFrom(), f.validTo(),
                        f.totalHours().signum() == 0 ? null
                                : hours.movePointRight(2).divide(f.totalHours(), 2, java.math.RoundingMode.HALF_UP)))
                .toList();
        return new FrameOrderStep(lookup.available(), lookup.unavailable(), review.options().frameOrderId(), impacts);
    }

    @Transactional(readOnly = true)
    public Preview preview(UUID reviewId) {
        BillingReview review = get(reviewId);
        ReviewSummary summary = review.summary();
        InvoiceOptions o = review.options();
        LocalDate issueDate = LocalDate.now(clock);
        FrameOrderImpact impact = null;
        String frameOrderNote = null;
        FrameOrderStep step = null;
        if (o.frameOrderId() != null) {
            step = frameOrderStep(review);
            impact = step.frameOrders().stream().filter(f -> f.frameOrderId().equals(o.frameOrderId())).findFirst().orElse(null);
            if (!step.available()) frameOrderNote = step.unavailable();
        }
        return new Preview(review.customer(), review.project(), o, issueDate, issueDate.plusDays(o.paymentTermsDays()), summary,
                review.billLines(), review.caps(), review.percentOfOrder(), impact, frameOrderNote, obstacles(review, step));
    }

    private BillingReview locked(UUID reviewId) {
        return reviews.lock(reviewId).orElseThrow(() -> new NotFound("no review " + reviewId));
    }

    public record EntryDecision(UUID entryId, Decision decision, String reason) {
    }

    /**
     * @param percentOfFrameOrder "% of order" for a frame order, which is a pool of hours: the hours this bill draws over
     *                            the frame order's total hours
     */
    public record FrameOrderImpact(UUID frameOrderId, String poNumber, BigDecimal totalHours, BigDecimal availableHours,
            BigDecimal hoursDrawn, BigDecimal remainingAfter, boolean sufficient, LocalDate validFrom, LocalDate validTo,
            BigDecimal percentOfFrameOrder) {
    }

    /** @param unavailable why frame-order-service could not be asked (the draw-down is still checked at generation) */
    public record FrameOrderStep(boolean available, String unavailable, UUID chosenFrameOrderId, List<FrameOrderImpact> frameOrders) {
    }

    /**
     * @param caps           per capped project: the cap, what earlier bills used, what this one bills and what it keeps off
     * @param percentOfOrder the net amount over the order amount, in percent (null without order amount)
     * @param obstacles      what would stop Generate & Issue now; empty when it may start
     */
    public record Preview(BillingCustomer customer, BillingProject project, InvoiceOptions options, LocalDate issueDate,
            LocalDate dueDate, ReviewSummary summary, List<BillLine> lines, List<CapUse> caps, BigDecimal percentOfOrder,
            FrameOrderImpact frameOrder, String frameOrderNote, List<Obstacle> obstacles) {
    }
}
