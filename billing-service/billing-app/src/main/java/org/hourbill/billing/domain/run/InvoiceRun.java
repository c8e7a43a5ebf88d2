package org.hourbill.billing.domain.run;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.hourbill.billing.domain.run.RunAction.DrawDown;
import org.hourbill.billing.domain.run.RunAction.IssueInvoice;
import org.hourbill.billing.domain.run.RunAction.LockEntries;
import org.hourbill.billing.domain.run.RunAction.MarkEntriesBilled;
import org.hourbill.billing.domain.run.RunAction.ReleaseEntries;
import org.hourbill.billing.domain.run.RunAction.ReverseDrawDown;
import org.hourbill.billing.domain.run.RunAction.SettleEntries;
import org.hourbill.billing.domain.run.RunAction.WithdrawInvoice;

/**
 * The Generate & Issue saga of one review, as a state machine: each answer or timeout moves it at most one step and
 * says what to ask next. Timesheets are asked to lock the entries when the run starts, in parallel with its first step,
 * so that the run ends when the invoice is issued: an entry reopened for correction meanwhile turns the run back before
 * the pivot instead of being billed. Answers that do not fit the current step (late, repeated) change nothing. Before the pivot
 * (the invoice number) every step can be undone; after it the run only goes forward. A silent participant is asked
 * again up to {@code maxAttempts} times, then the run turns back; undo and forward steps are asked until answered,
 * so every run ends, COMPLETED or FAILED.
 */
public final class InvoiceRun {
    private final UUID id;
    private final UUID reviewId;
    private final UUID customerId;
    private final UUID frameOrderId;
    private final LocalDate issueDate;
    /** false for a bill of terms or manual lines only: no time entry for timesheets to lock */
    private final boolean billsEntries;
    /** timesheets reported the entries locked (answering the lock, or having heard of the invoice) */
    private boolean entriesLocked;
    private String frameOrderPoNumber;
    private RunStep step;
    private int attempts;
    private Instant deadline;
    private String invoiceNumber;
    private String failureReason;

    public InvoiceRun(UUID id, UUID reviewId, UUID customerId, UUID frameOrderId, LocalDate issueDate, boolean billsEntries,
            boolean entriesLocked, String frameOrderPoNumber, RunStep step, int attempts, Instant deadline, String invoiceNumber,
            String failureReason) {
        this.id = id;
        this.billsEntries = billsEntries;
        this.entriesLocked = entriesLocked;
        this.reviewId = reviewId;
        this.customerId = customerId;
        this.frameOrderId = frameOrderId;
        this.issueDate = issueDate;
        this.frameOrderPoNumber = frameOrderPoNumber;
        this.step = step;
        this.attempts = attempts;
        this.deadline = deadline;
        this.invoiceNumber = invoiceNumber;
        this.failureReason = failureReason;
    }

    /** @param issueDate the invoice's date, fixed when the run starts so that every retry asks for the same invoice */
    public static Transition start(UUID id, UUID reviewId, UUID customerId, UUID frameOrderId, LocalDate issueDate, Timing timing) {
        return start(id, reviewId, customerId, frameOrderId, issueDate, true, timing);
    }

    /** @param billsEntries whether the bill has time entries for timesheets to lock once it is issued */
    public static Transition start(UUID id, UUID reviewId, UUID customerId, UUID frameOrderId, LocalDate issueDate,
            boolean billsEntries, Timing timing) {
        var run = new InvoiceRun(id, reviewId, customerId, frameOrderId, issueDate, billsEntries, false, null, null, 0, null, null, null);
        Transition first = run.moveTo(frameOrderId != null ? RunStep.DRAWING_DOWN : RunStep.ISSUING, timing);
        if (!billsEntries) return first;
        List<RunAction> actions = new java.util.ArrayList<>(first.actions());
        actions.add(new LockEntries());
        return new Transition(run, true, List.copyOf(actions));
    }

    public Transition drawnDown(String poNumber, Timing t) {
        if (step != RunStep.DRAWING_DOWN) return unchanged();
        frameOrderPoNumber = poNumber;
        return moveTo(RunStep.ISSUING, t);
    }

    /** The draw-down was refused, so none exists: only the entries are given back. */
    public Transition drawDownRejected(String reason) {
        return step == RunStep.DRAWING_DOWN ? releaseEntries(reason) : unchanged();
    }

    public Transition drawDownReversed() {
        return step == RunStep.REVERSING_DRAW_DOWN ? releaseEntries(failureReason) : unchanged();
    }

    /**
     * The pivot: from here the run only goes forward. The entries are settled here; the run is complete unless
     * timesheets have not answered the lock yet (they lock what is left when they hear of the invoice themselves).
     */
    public Transition invoiceIssued(String number, Timing t) {
        if (step != RunStep.ISSUING && step != RunStep.WITHDRAWING) return unchanged();
        invoiceNumber = number;
        failureReason = null;
        return moveTo(billsEntries && !entriesLocked ? RunStep.MARKING_BILLED : RunStep.COMPLETED, t, new SettleEntries(number));
    }

    /** The invoice service refused the request, or confirmed it withdrawn: no invoice, undo what was done before. */
    public Transition invoiceNotIssued(String reason, Timing t) {
        if (step != RunStep.ISSUING && step != RunStep.WITHDRAWING) return unchanged();
        return undo(step == RunStep.WITHDRAWING ? failureReason : reason, t);
    }

    /**
     * Timesheets locked the run's entries: the answer to the lock asked at the start, or, later, to hearing of the
     * invoice. Before the pivot it is kept, and the invoice's answer then completes the run.
     */
    public Transition entriesLocked(Timing t) {
        if (step == RunStep.MARKING_BILLED) return moveTo(RunStep.COMPLETED, t);
        boolean beforeThePivot = step == RunStep.DRAWING_DOWN || step == RunStep.ISSUING || step == RunStep.WITHDRAWING;
        if (beforeThePivot && billsEntries && !entriesLocked) {
            entriesLocked = true;
            return new Transition(this, true, List.of());
        }
        return unchanged();
    }

    /**
     * Timesheets refused the lock (an entry was reopened for correction, none is locked). Before the pivot the run
     * turns back, withdrawing its invoice request if one was sent; once the invoice is issued it stands, and timesheets
     * report the entries they could not lock when they hear of it.
     */
    public Transition entriesNotLocked(String reason, Timing t) {
        return switch (step) {
            case DRAWING_DOWN -> undo(reason, t);
            case ISSUING -> {
                failureReason = reason;
                yield moveTo(RunStep.WITHDRAWING, t);
            }
            default -> unchanged();
        };
    }

    /** No answer before the deadline: ask again, or turn back when a step before the pivot has been asked often enough. */
    public Transition timedOut(Timing t) {
        if (step.finished()) return unchanged();
        if (attempts < t.maxAttempts() || !step.givenUpWhenSilent()) return again(t);
        return switch (step) {
            // the draw-down may have happened without its answer reaching us: undo it to be sure
            case DRAWING_DOWN -> undo("frame-order-service did not answer", t);
            case ISSUING -> {
                failureReason = "invoice-service did not answer after " + attempts + " attempts";
                yield moveTo(RunStep.WITHDRAWING, t);
            }
            default -> again(t);
        };
    }

    /**
     * Turns back before the pivot: the draw-down is reversed (or barred, if it has not arrived) when the run has a frame
     * order, and then the entries are released; without one, the entries at once.
     */
    private Transition undo(String reason, Timing t) {
        failureReason = reason;
        return frameOrderId != null ? moveTo(RunStep.REVERSING_DRAW_DOWN, t) : releaseEntries(reason);
    }

    /**
     * What each step asks of its participant, declared once: sent when the step is entered (unless the participant
     * acts on the event before it, see {@link RunStep#askedWhenEntered()}) and again when its answer is late. Forward
     * steps first, then the compensations before the pivot.
     */
    private RunAction command() {
        return switch (step) {
            case DRAWING_DOWN -> new DrawDown();
            case ISSUING -> new IssueInvoice();
            case MARKING_BILLED -> new MarkEntriesBilled(invoiceNumber);
            case WITHDRAWING -> new WithdrawInvoice(failureReason);
            case REVERSING_DRAW_DOWN -> new ReverseDrawDown(failureReason);
            case COMPLETED, FAILED -> throw new IllegalStateException("a finished run asks nothing");
        };
    }

    /** The last compensation: the run's entries go back to the pool and the run has failed, with the reason. */
    private Transition releaseEntries(String reason) {
        return fail(reason, new ReleaseEntries());
    }

    private Transition fail(String reason, RunAction... actions) {
        failureReason = reason;
        step = RunStep.FAILED;
        deadline = null;
        return new Transition(this, true, List.of(actions));
    }

    /** Enters the next step: its command is sent (after the local actions), and its deadline starts. */
    private Transition moveTo(RunStep next, Timing t, RunAction... local) {
        step = next;
        attempts = next.finished() ? 0 : 1;
        deadline = next.finished() ? null : t.now().plus(t.answerTimeout());
        List<RunAction> actions = new java.util.ArrayList<>(List.of(local));
        if (!next.finished() && next.askedWhenEntered()) actions.add(command());
        return new Transition(this, true, List.copyOf(actions));
    }

    private Transition again(Timing t) {
        attempts++;
        deadline = t.now().plus(t.answerTimeout().multipliedBy(Math.min(attempts, 6)));
        return new Transition(this, true, List.of(command()));
    }

    private Transition unchanged() {
        return new Transition(this, false, List.of());
    }

    /** The clock and patience of the run. */
    public record Timing(Instant now, Duration answerTimeout, int maxAttempts) {
    }

    /** @param changed false when the answer did not fit the current step and was ignored */
    public record Transition(InvoiceRun run, boolean changed, List<RunAction> actions) {
    }

    /** What a person sees: still running, issued (with its number), or failed (with the reason). */
    public String outcome() {
        if (invoiceNumber != null) return "ISSUED";
        return step == RunStep.FAILED ? "FAILED" : "RUNNING";
    }

    public UUID id() { return id; }
    public UUID reviewId() { return reviewId; }
    public UUID customerId() { return customerId; }
    public UUID frameOrderId() { return frameOrderId; }
    public LocalDate issueDate() { return issueDate; }
    public boolean billsEntries() { return billsEntries; }
    public boolean entriesLocked() { return entriesLocked; }
    public String frameOrderPoNumber() { return frameOrderPoNumber; }
    public RunStep step() { return step; }
    public int attempts() { return attempts; }
    public Instant deadline() { return deadline; }
    public String invoiceNumber() { return invoiceNumber; }
    public String failureReason() { return failureReason; }
}
