package org.hourbill.billing.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import org.hourbill.billing.domain.review.BillingReview;
import org.hourbill.billing.domain.review.ReviewStatus;
import org.hourbill.billing.domain.review.Settlement;
import org.hourbill.billing.domain.run.InvoiceRun;
import org.hourbill.billing.domain.run.RunStep;
import org.hourbill.billing.domain.run.InvoiceRun.Transition;
import org.hourbill.billing.domain.run.RunAction;
import org.hourbill.platform.problem.ConflictingState;
import org.hourbill.platform.problem.NotFound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Generate & Issue: starts a review's invoice run and moves it on each answer and timeout. The run ({@link InvoiceRun})
 * decides every move; this only carries out what it asks, storing the run and sending its commands (through the
 * outbox) in one transaction, with the run's row locked.
 */
@Service
@Transactional
public class InvoiceRunner {
    private static final Logger log = LoggerFactory.getLogger(InvoiceRunner.class);

    private final Reviews reviews;
    private final InvoiceRuns runs;
    private final UnbilledPool pool;
    private final InvoiceRunMessenger messenger;
    private final InvoiceRunPolicy policy;
    private final Clock clock;
    private final SagaMeters meters;
    private final ProjectPlans plans;
    private final BillingReviews billingReviews;
    private final TimesheetLocks timesheets;

    InvoiceRunner(Reviews reviews, InvoiceRuns runs, UnbilledPool pool, InvoiceRunMessenger messenger, InvoiceRunPolicy policy,
            Clock clock, ProjectPlans plans, BillingReviews billingReviews, TimesheetLocks timesheets, SagaMeters meters) {
        this.meters = meters;
        this.timesheets = timesheets;
        this.plans = plans;
        this.billingReviews = billingReviews;
        this.reviews = reviews;
        this.runs = runs;
        this.pool = pool;
        this.messenger = messenger;
        this.policy = policy;
        this.clock = clock;
    }

    /**
     * Takes the review's entries and terms out of the pool and what it bills of capped projects out of their caps,
     * then starts its run; returns at once with the run as the handle. The caps are applied again here, with the
     * capped projects locked, so that concurrent bills of one project never exceed its cap together.
     */
    public InvoiceRun generate(UUID reviewId) {
        return start(reviewId).run();
    }

    /** What Generate &amp; Issue started: the run, and the review as it bills (for callers that report its figures). */
    public record Generation(InvoiceRun run, BillingReview review) {
    }

    /** {@link #generate(UUID)}, returning the review too. */
    public Generation start(UUID reviewId) {
        BillingReview review = reviews.lock(reviewId).orElseThrow(() -> new NotFound("no review " + reviewId));
        UUID runId = UUID.randomUUID();
        if (review.status() == ReviewStatus.OPEN) {
            review.applyCaps(billingReviews.capStates(review, true));
        }
        review.startGeneration(runId);
        List<UUID> taken = review.entriesTaken();
        int reserved = pool.reserve(runId, taken);
        if (reserved != taken.size()) {
            throw new ConflictingState((taken.size() - reserved) + " of the " + taken.size() + " entries of this review are no longer"
                    + " unbilled: another review is billing them, or they were reopened. Start a new review.");
        }
        List<UUID> terms = review.termsTaken();
        if (plans.reserveTerms(runId, terms) != terms.size()) {
            throw new ConflictingState("a term of this bill was billed or taken by another bill meanwhile: a term is billed once");
        }
        review.caps().forEach(cap -> plans.useCap(runId, cap.projectId(), cap.thisBill()));
        Settlement settlement = review.settlement();
        Transition start = InvoiceRun.start(runId, reviewId, review.customer().id(), review.options().frameOrderId(),
                LocalDate.now(clock), !settlement.billed().isEmpty(), timing());
        runs.add(start.run(), clock.instant(), settlement);
        reviews.save(review);
        carryOut(start, () -> review, () -> settlement);
        log.info("invoice run {} started for review {} ({} entries, {} other lines billed)", runId, reviewId,
                review.billedEntries().size(), review.billLines().size());
        return new Generation(start.run(), review);
    }

    @Transactional(readOnly = true)
    public InvoiceRun get(UUID runId) {
        return runs.find(runId).orElseThrow(() -> new NotFound("no invoice run " + runId));
    }

    public void drawnDown(UUID runId, String poNumber) {
        move(runId, run -> run.drawnDown(poNumber, timing()));
    }

    public void drawDownRejected(UUID runId, String reason) {
        move(runId, run -> run.drawDownRejected(reason));
    }

    public void drawDownReversed(UUID runId) {
        move(runId, InvoiceRun::drawDownReversed);
    }

    public void invoiceIssued(UUID runId, String number) {
        move(runId, run -> run.invoiceIssued(number, timing()));
    }

    public void invoiceNotIssued(UUID runId, String reason) {
        move(runId, run -> run.invoiceNotIssued(reason, timing()));
    }

    public void entriesBilled(UUID runId, List<UUID> notBilled) {
        if (!notBilled.isEmpty()) {
            log.warn("invoice run {}: entries {} are on the invoice but were reopened in timesheets meanwhile", runId, notBilled);
        }
        move(runId, run -> run.entriesLocked(timing()));
    }

    public void entriesLocked(UUID runId) {
        move(runId, run -> run.entriesLocked(timing()));
    }

    public void entriesNotLocked(UUID runId, String reason) {
        move(runId, run -> run.entriesNotLocked("timesheets refused to lock the entries: " + reason, timing()));
    }

    /** Asks again, or turns back, for one run whose deadline has passed. */
    public void timedOut(UUID runId) {
        move(runId, run -> run.deadline() != null && !run.deadline().isAfter(clock.instant()) ? run.timedOut(timing())
                : new Transition(run, false, List.of()));
    }

    /** Answers about runs this service does not know (another billing instance's test data, a deleted run) are ignored. */
    private void move(UUID runId, Function<InvoiceRun, Transition> answer) {
        Optional<InvoiceRun> found = runs.lock(runId);
        if (found.isEmpty()) {
            log.debug("answer for unknown invoice run {} ignored", runId);
            return;
        }
        RunStep from = found.get().step();
        Transition transition = answer.apply(found.get());
        if (!transition.changed()) return;
        runs.save(transition.run(), clock.instant()).ifPresent(time -> meters.stepLeft(from, time));
        if (transition.run().step().finished()) meters.runEnded(transition.run().step());
        UUID reviewId = transition.run().reviewId();
        if (transition.actions().isEmpty()) return;
        InvoiceRun run = transition.run();
        Supplier<BillingReview> review = new Once<>(() -> reviews.find(reviewId).orElseThrow());
        // kept with the run; a run started before settlements were kept takes its review's
        carryOut(transition, review, new Once<>(() -> runs.settlementOf(run.id()).orElseGet(() -> review.get().settlement())));
    }

    /**
     * Carries out the run's actions. The review is read only by the actions that need it (the draw-down's hours, the
     * invoice request, the release); settling and locking the entries take the settlement kept with the run.
     */
    private void carryOut(Transition transition, Supplier<BillingReview> review, Supplier<Settlement> settlement) {
        InvoiceRun run = transition.run();
        for (RunAction action : transition.actions()) {
            switch (action) {
                case RunAction.DrawDown d -> {
                    BillingReview r = review.get();
                    messenger.drawDown(run, r.summary().hoursBilled(), r.options().periodFrom(), r.options().periodTo(),
                            "review " + r.id() + ", " + r.options().periodFrom() + " to " + r.options().periodTo());
                }
                case RunAction.ReverseDrawDown r -> messenger.reverseDrawDown(run, r.reason());
                case RunAction.IssueInvoice i -> messenger.issueInvoice(run, review.get(), review.get().customer());
                case RunAction.WithdrawInvoice w -> messenger.withdrawInvoice(run, w.reason());
                case RunAction.LockEntries l -> messenger.lockEntries(run, settlement.get().billedEntryIds());
                case RunAction.MarkEntriesBilled m ->
                        messenger.markEntriesBilled(run, m.invoiceNumber(), settlement.get().billedEntryIds());
                case RunAction.SettleEntries s -> {
                    Settlement settled = settlement.get();
                    pool.settle(run.id(), s.invoiceNumber(), settled.billed(), settled.writtenOff());
                    timesheets.writtenOff(run.customerId(), settled.writtenOff(), "written off with invoice " + s.invoiceNumber());
                    if (settled.billsTerms()) plans.settleTerms(run.id(), s.invoiceNumber());
                    plans.settleCap(run.id(), s.invoiceNumber());
                    reviews.issued(run.reviewId());
                }
                case RunAction.ReleaseEntries r -> {
                    BillingReview released = review.get();
                    pool.release(run.id());
                    // unlocked in timesheets too: the lock may have happened even if its answer never came
                    if (run.billsEntries()) {
                        timesheets.released(run.customerId(), settlement.get().billedEntryIds(), "invoice run " + run.id()
                                + " failed: " + run.failureReason());
                    }
                    if (!released.termsTaken().isEmpty()) plans.releaseTerms(run.id());
                    plans.releaseCap(run.id());
                    released.failed();
                    reviews.save(released);
                }
            }
        }
    }

    /** A value read at most once, and only if asked for (an answer's review and settlement). */
    private static final class Once<T> implements Supplier<T> {
        private final Supplier<T> read;
        private T value;

        Once(Supplier<T> read) {
            this.read = read;
        }

        @Override
        public T get() {
            if (value == null) value = read.get();
            return value;
        }
    }

    private InvoiceRun.Timing timing() {
        return new InvoiceRun.Timing(clock.instant(), policy.answerTimeout(), policy.maxAttempts());
    }
}
