package org.hourbill.billing.domain.run;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.hourbill.billing.domain.run.RunAction.DrawDown;
import org.hourbill.billing.domain.run.RunAction.IssueInvoice;
import org.hourbill.billing.domain.run.RunAction.MarkEntriesBilled;
import org.hourbill.billing.domain.run.RunAction.ReleaseEntries;
import org.hourbill.billing.domain.run.RunAction.ReverseDrawDown;
import org.hourbill.billing.domain.run.RunAction.SettleEntries;
import org.hourbill.billing.domain.run.RunAction.WithdrawInvoice;

/**
 * The Generate & Issue saga of one review, as a state machine: each answer or timeout moves it at most one step and
 * says what to ask next. Answers that do not fit the current step (late, repeated) change nothing. Before the pivot
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
    private String frameOrderPoNumber;
    private RunStep step;
    private int attempts;
    private Instant deadline;
    private String invoiceNumber;
    private String failureReason;

    public InvoiceRun(UUID id, UUID reviewId, UUID customerId, UUID frameOrderId, LocalDate issueDate, String frameOrderPoNumber,
            RunStep step, int attempts, Instant deadline, String invoiceNumber, String failureReason) {
        this.id = id;
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
        var run = new InvoiceRun(id, reviewId, customerId, frameOrderId, issueDate, null, null, 0, null, null, null);
        return frameOrderId != null ? run.moveTo(RunStep.DRAWING_DOWN, timing, new DrawDown())
                : run.moveTo(RunStep.ISSUING, timing, new IssueInvoice());
    }

    public Transition drawnDown(String poNumber, Timing t) {
        if (step != RunStep.DRAWING_DOWN) return unchanged();
        frameOrderPoNumber = poNumber;
        return moveTo(RunStep.ISSUING, t, new IssueInvoice());
    }

    public Transition drawDownRejected(String reason) {
        return step == RunStep.DRAWING_DOWN ? fail(reason, new ReleaseEntries()) : unchanged();
    }

    public Transition drawDownReversed() {
        return step == RunStep.REVERSING_DRAW_DOWN ? fail(failureReason, new ReleaseEntries()) : unchanged();
    }

    public Transition invoiceIssued(String number, Timing t) {
        if (step != RunStep.ISSUING && step != RunStep.WITHDRAWING) return unchanged();
        invoiceNumber = number;
        failureReason = null;
        return moveTo(RunStep.MARKING_BILLED, t, new SettleEntries(number), new MarkEntriesBilled(number));
    }

    /** The invoice service refused the request, or confirmed it withdrawn: no invoice, undo the draw-down. */
    public Transition invoiceNotIssued(String reason, Timing t) {
        if (step != RunStep.ISSUING && step != RunStep.WITHDRAWING) return unchanged();
        String why = step == RunStep.WITHDRAWING ? failureReason : reason;
        if (frameOrderId == null) return fail(why, new ReleaseEntries());
        failureReason = why;
        return moveTo(RunStep.REVERSING_DRAW_DOWN, t, new ReverseDrawDown(why));
    }

    public Transition entriesBilled(Timing t) {
        return step == RunStep.MARKING_BILLED ? moveTo(RunStep.COMPLETED, t) : unchanged();
    }

    /** No answer before the deadline: ask again, or turn back when a step before the pivot has been asked often enough. */
    public Transition timedOut(Timing t) {
        boolean retry = attempts < t.maxAttempts();
        return switch (step) {
            case DRAWING_DOWN -> retry ? again(t, new DrawDown()) : turnBack("frame-order-service did not answer", t);
            case ISSUING -> retry ? again(t, new IssueInvoice())
                    : withdraw("invoice-service did not answer after " + attempts + " attempts", t);
            case WITHDRAWING -> again(t, new WithdrawInvoice(failureReason));
            case REVERSING_DRAW_DOWN -> again(t, new ReverseDrawDown(failureReason));
            case MARKING_BILLED -> again(t, new MarkEntriesBilled(invoiceNumber));
            case COMPLETED, FAILED -> unchanged();
        };
    }

    private Transition turnBack(String reason, Timing t) {
        failureReason = reason;
        return moveTo(RunStep.REVERSING_DRAW_DOWN, t, new ReverseDrawDown(reason));
    }

    private Transition withdraw(String reason, Timing t) {
        failureReason = reason;
        return moveTo(RunStep.WITHDRAWING, t, new WithdrawInvoice(reason));
    }

    private Transition fail(String reason, RunAction... actions) {
        failureReason = reason;
        step = RunStep.FAILED;
        deadline = null;
        return new Transition(this, true, List.of(actions));
    }

    private Transition moveTo(RunStep next, Timing t, RunAction... actions) {
        step = next;
        attempts = next.finished() ? 0 : 1;
        deadline = next.finished() ? null : t.now().plus(t.answerTimeout());
        return new Transition(this, true, List.of(actions));
    }

    private Transition again(Timing t, RunAction action) {
        attempts++;
        deadline = t.now().plus(t.answerTimeout().multipliedBy(Math.min(attempts, 6)));
        return new Transition(this, true, List.of(action));
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
    public String frameOrderPoNumber() { return frameOrderPoNumber; }
    public RunStep step() { return step; }
    public int attempts() { return attempts; }
    public Instant deadline() { return deadline; }
    public String invoiceNumber() { return invoiceNumber; }
    public String failureReason() { return failureReason; }
}
