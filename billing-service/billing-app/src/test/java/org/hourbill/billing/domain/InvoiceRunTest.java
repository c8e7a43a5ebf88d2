package org.hourbill.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.hourbill.billing.domain.run.InvoiceRun;
import org.hourbill.billing.domain.run.InvoiceRun.Timing;
import org.hourbill.billing.domain.run.RunAction;
import org.hourbill.billing.domain.run.RunStep;
import org.junit.jupiter.api.Test;

/** The Generate & Issue saga without Kafka or a database: every path ends, completed or compensated. */
class InvoiceRunTest {
    Instant now = Instant.parse("2026-11-02T08:00:00Z");
    Timing timing = new Timing(now, Duration.ofSeconds(10), 3);
    UUID frameOrder = UUID.randomUUID();

    InvoiceRun withFrameOrder() {
        var start = InvoiceRun.start(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), frameOrder, java.time.LocalDate.of(2026, 11, 2), timing);
        // timesheets lock the entries in parallel with the draw-down
        assertThat(start.actions()).containsExactly(new RunAction.DrawDown(), new RunAction.LockEntries());
        assertThat(start.run().step()).isEqualTo(RunStep.DRAWING_DOWN);
        assertThat(start.run().deadline()).isEqualTo(now.plusSeconds(10));
        return start.run();
    }

    @Test
    void the_happy_path_locks_the_entries_beside_the_draw_down_and_ends_when_the_invoice_is_issued() {
        InvoiceRun run = withFrameOrder();
        var locked = run.entriesLocked(timing);
        assertThat(locked.changed()).isTrue();
        assertThat(locked.actions()).isEmpty();
        assertThat(run.step()).isEqualTo(RunStep.DRAWING_DOWN);
        assertThat(run.drawnDown("PO-7", timing).actions()).containsExactly(new RunAction.IssueInvoice());
        assertThat(run.entriesLocked(timing).changed()).isFalse();
        assertThat(run.invoiceIssued("INV-2026-00003", timing).actions()).containsExactly(new RunAction.SettleEntries("INV-2026-00003"));
        assertThat(run.outcome()).isEqualTo("ISSUED");
        assertThat(run.step()).isEqualTo(RunStep.COMPLETED);
        assertThat(run.deadline()).isNull();
    }

    /** The lock's answer is late: the run settles at the invoice and waits for it (timesheets lock on the invoice too). */
    @Test
    void a_lock_answered_after_the_invoice_is_waited_for() {
        InvoiceRun run = withFrameOrder();
        assertThat(run.drawnDown("PO-7", timing).actions()).containsExactly(new RunAction.IssueInvoice());
        assertThat(run.invoiceIssued("INV-2026-00001", timing).actions()).containsExactly(new RunAction.SettleEntries("INV-2026-00001"));
        assertThat(run.outcome()).isEqualTo("ISSUED");
        assertThat(run.step()).isEqualTo(RunStep.MARKING_BILLED);
        assertThat(run.deadline()).isEqualTo(now.plusSeconds(10));
        assertThat(run.entriesLocked(timing).changed()).isTrue();
        assertThat(run.step()).isEqualTo(RunStep.COMPLETED);
        assertThat(run.deadline()).isNull();
    }

    /** The lock answered while the invoice was being issued: kept, the invoice's answer completes the run. */
    @Test
    void entries_locked_during_the_issue_complete_the_run_at_the_invoice() {
        InvoiceRun run = withFrameOrder();
        run.drawnDown("PO-7", timing);
        var early = run.entriesLocked(timing);
        assertThat(early.changed()).isTrue();
        assertThat(early.actions()).isEmpty();
        assertThat(run.entriesLocked()).isTrue();
        assertThat(run.step()).isEqualTo(RunStep.ISSUING);
        assertThat(run.entriesLocked(timing).changed()).isFalse();

        assertThat(run.invoiceIssued("INV-2026-00002", timing).actions()).containsExactly(new RunAction.SettleEntries("INV-2026-00002"));
        assertThat(run.step()).isEqualTo(RunStep.COMPLETED);
        assertThat(run.deadline()).isNull();
    }

    /** An entry reopened for correction before the invoice: the run turns back, and no invoice bills it. */
    @Test
    void a_lock_refused_during_the_draw_down_reverses_it_and_releases_the_entries_with_the_reason() {
        InvoiceRun run = withFrameOrder();
        assertThat(run.entriesNotLocked("1 of the 50 entries was reopened", timing).actions())
                .containsExactly(new RunAction.ReverseDrawDown("1 of the 50 entries was reopened"));
        assertThat(run.step()).isEqualTo(RunStep.REVERSING_DRAW_DOWN);
        assertThat(run.drawnDown("PO-7", timing).changed()).isFalse();
        assertThat(run.drawDownReversed().actions()).containsExactly(new RunAction.ReleaseEntries());
        assertThat(run.outcome()).isEqualTo("FAILED");
        assertThat(run.failureReason()).isEqualTo("1 of the 50 entries was reopened");
    }

    @Test
    void a_lock_refused_while_issuing_withdraws_the_request_and_an_invoice_issued_meanwhile_still_wins() {
        var start = InvoiceRun.start(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), null, java.time.LocalDate.of(2026, 11, 2), timing);
        InvoiceRun withdrawn = start.run();
        assertThat(withdrawn.entriesNotLocked("reopened", timing).actions()).containsExactly(new RunAction.WithdrawInvoice("reopened"));
        assertThat(withdrawn.step()).isEqualTo(RunStep.WITHDRAWING);
        assertThat(withdrawn.invoiceNotIssued("withdrawn as asked", timing).actions()).containsExactly(new RunAction.ReleaseEntries());
        assertThat(withdrawn.outcome()).isEqualTo("FAILED");
        assertThat(withdrawn.failureReason()).isEqualTo("reopened");

        InvoiceRun issued = InvoiceRun.start(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), null,
                java.time.LocalDate.of(2026, 11, 2), timing).run();
        issued.entriesNotLocked("reopened", timing);
        assertThat(issued.invoiceIssued("INV-2026-00011", timing).actions()).containsExactly(new RunAction.SettleEntries("INV-2026-00011"));
        // the invoice stands; timesheets report the entries they could not lock when they hear of it
        assertThat(issued.step()).isEqualTo(RunStep.MARKING_BILLED);
        assertThat(issued.failureReason()).isNull();
        assertThat(issued.entriesNotLocked("late", timing).changed()).isFalse();
        assertThat(issued.entriesLocked(timing).changed()).isTrue();
        assertThat(issued.step()).isEqualTo(RunStep.COMPLETED);
    }

    @Test
    void a_bill_without_time_entries_is_completed_at_its_invoice_by_the_run_itself() {
        var start = InvoiceRun.start(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), null, java.time.LocalDate.of(2026, 11, 2),
                false, timing);
        assertThat(start.actions()).containsExactly(new RunAction.IssueInvoice());
        var issued = start.run().invoiceIssued("INV-2026-00009", timing);
        assertThat(issued.actions()).containsExactly(new RunAction.SettleEntries("INV-2026-00009"));
        assertThat(start.run().step()).isEqualTo(RunStep.COMPLETED);
        assertThat(start.run().deadline()).isNull();
    }

    @Test
    void each_step_asks_the_same_command_when_entered_and_when_asked_again() {
        InvoiceRun run = withFrameOrder();
        assertThat(run.timedOut(later(1)).actions()).containsExactly(new RunAction.DrawDown());
        run.drawnDown("PO-7", timing);
        assertThat(run.timedOut(later(2)).actions()).containsExactly(new RunAction.IssueInvoice());
        run.invoiceIssued("INV-2026-00010", timing);
        assertThat(run.timedOut(later(3)).actions()).containsExactly(new RunAction.MarkEntriesBilled("INV-2026-00010"));
        // after the pivot, asked until answered: never given up
        for (int i = 0; i < 10; i++) assertThat(run.timedOut(later(4 + i)).actions()).hasSize(1);
        assertThat(run.step()).isEqualTo(RunStep.MARKING_BILLED);
    }

    private Timing later(int minutes) {
        return new Timing(now.plusSeconds(60L * minutes), Duration.ofSeconds(10), 3);
    }

    @Test
    void without_frame_order_the_run_starts_with_the_invoice() {
        var start = InvoiceRun.start(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), null, java.time.LocalDate.of(2026, 11, 2), timing);
        assertThat(start.actions()).containsExactly(new RunAction.IssueInvoice(), new RunAction.LockEntries());
        var refused = start.run().invoiceNotIssued("the invoice has no lines", timing);
        assertThat(refused.actions()).containsExactly(new RunAction.ReleaseEntries());
        assertThat(start.run().outcome()).isEqualTo("FAILED");
        assertThat(start.run().failureReason()).isEqualTo("the invoice has no lines");
    }

    @Test
    void a_rejected_draw_down_releases_the_entries_with_the_reason() {
        InvoiceRun run = withFrameOrder();
        var t = run.drawDownRejected("frame order PO-7 has 12.5 h left, this invoice needs 40 h");
        assertThat(t.actions()).containsExactly(new RunAction.ReleaseEntries());
        assertThat(run.step()).isEqualTo(RunStep.FAILED);
        assertThat(run.failureReason()).isEqualTo("frame order PO-7 has 12.5 h left, this invoice needs 40 h");
    }

    @Test
    void a_refused_invoice_reverses_the_draw_down_before_releasing_the_entries() {
        InvoiceRun run = withFrameOrder();
        run.drawnDown("PO-7", timing);
        assertThat(run.invoiceNotIssued("'EURO' is not a currency", timing).actions())
                .containsExactly(new RunAction.ReverseDrawDown("'EURO' is not a currency"));
        assertThat(run.outcome()).isEqualTo("RUNNING");
        assertThat(run.drawDownReversed().actions()).containsExactly(new RunAction.ReleaseEntries());
        assertThat(run.outcome()).isEqualTo("FAILED");
        assertThat(run.failureReason()).isEqualTo("'EURO' is not a currency");
    }

    @Test
    void repeated_and_late_answers_change_nothing() {
        InvoiceRun run = withFrameOrder();
        run.drawnDown("PO-7", timing);
        assertThat(run.drawnDown("PO-7", timing).changed()).isFalse();
        assertThat(run.drawDownRejected("late").changed()).isFalse();
        run.invoiceIssued("INV-1", timing);
        assertThat(run.invoiceIssued("INV-1", timing).changed()).isFalse();
        assertThat(run.invoiceNotIssued("late", timing).changed()).isFalse();
        assertThat(run.drawDownReversed().changed()).isFalse();
        assertThat(run.invoiceNumber()).isEqualTo("INV-1");
    }

    @Test
    void a_silent_frame_order_service_is_asked_again_then_the_draw_down_is_barred() {
        InvoiceRun run = withFrameOrder();
        assertThat(run.timedOut(timing).actions()).containsExactly(new RunAction.DrawDown());
        assertThat(run.timedOut(timing).actions()).containsExactly(new RunAction.DrawDown());
        assertThat(run.attempts()).isEqualTo(3);
        assertThat(run.timedOut(timing).actions()).containsExactly(new RunAction.ReverseDrawDown("frame-order-service did not answer"));
        // the reversal is asked until answered: the run cannot end while the frame order might still draw
        assertThat(run.timedOut(timing).actions()).hasSize(1).first().isInstanceOf(RunAction.ReverseDrawDown.class);
        assertThat(run.drawnDown("PO-7", timing).changed()).isFalse();
        run.drawDownReversed();
        assertThat(run.step()).isEqualTo(RunStep.FAILED);
        assertThat(run.failureReason()).isEqualTo("frame-order-service did not answer");
    }

    @Test
    void a_silent_invoice_service_is_asked_to_withdraw_and_an_invoice_issued_meanwhile_still_wins() {
        InvoiceRun run = withFrameOrder();
        run.drawnDown("PO-7", timing);
        run.timedOut(timing);
        run.timedOut(timing);
        assertThat(run.timedOut(timing).actions()).hasSize(1).first().isInstanceOf(RunAction.WithdrawInvoice.class);
        assertThat(run.step()).isEqualTo(RunStep.WITHDRAWING);
        assertThat(run.invoiceIssued("INV-7", timing).actions()).containsExactly(new RunAction.SettleEntries("INV-7"));
        assertThat(run.step()).isEqualTo(RunStep.MARKING_BILLED);
        assertThat(run.outcome()).isEqualTo("ISSUED");
        assertThat(run.failureReason()).isNull();
    }

    @Test
    void a_withdrawn_request_turns_the_run_back_with_the_timeout_as_reason() {
        InvoiceRun run = withFrameOrder();
        run.drawnDown("PO-7", timing);
        for (int i = 0; i < 3; i++) run.timedOut(timing);
        assertThat(run.invoiceNotIssued("withdrawn", timing).actions()).hasSize(1).first()
                .isInstanceOf(RunAction.ReverseDrawDown.class);
        run.drawDownReversed();
        assertThat(run.failureReason()).isEqualTo("invoice-service did not answer after 3 attempts");
    }

    @Test
    void after_the_pivot_the_run_only_goes_forward() {
        InvoiceRun run = withFrameOrder();
        run.drawnDown("PO-7", timing);
        run.invoiceIssued("INV-9", timing);
        for (int i = 0; i < 10; i++) {
            assertThat(run.timedOut(timing).actions()).containsExactly(new RunAction.MarkEntriesBilled("INV-9"));
        }
        assertThat(run.step()).isEqualTo(RunStep.MARKING_BILLED);
        run.entriesLocked(timing);
        assertThat(run.timedOut(timing).changed()).isFalse();
    }
}
