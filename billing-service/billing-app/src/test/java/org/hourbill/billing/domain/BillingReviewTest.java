package org.hourbill.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.hourbill.billing.domain.review.BillingReview;
import org.hourbill.billing.domain.review.Decision;
import org.hourbill.billing.domain.review.ReviewStatus;
import org.hourbill.platform.problem.ConflictingState;
import org.hourbill.platform.problem.InvalidField;
import org.junit.jupiter.api.Test;

class BillingReviewTest {
    final BillingCustomer customer = new BillingCustomer(UUID.randomUUID(), "Contoso", "Zurich", "CHE-1", new BigDecimal("8.10"),
            "CHF", 45);
    final UnbilledEntry a = entry("2026-10-01", "7.25", "133.33"), b = entry("2026-10-02", "8", "150"), c = entry("2026-10-20", "0.1", "0.05");

    @Test
    void a_review_bills_everything_at_first_with_period_and_terms_from_entries_and_customer() {
        BillingReview review = BillingReview.start(customer, List.of(a, b, c), null, null);
        assertThat(review.lines()).allMatch(l -> l.decision() == Decision.BILL);
        assertThat(review.options().periodFrom()).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(review.options().periodTo()).isEqualTo(LocalDate.of(2026, 10, 20));
        assertThat(review.options().paymentTermsDays()).isEqualTo(45);
        var summary = review.summary();
        // lines rounded first (966.64 + 1200.00 + 0.01), tax once on the sum: the figures the invoice will carry
        assertThat(summary.subtotal()).isEqualTo(new BigDecimal("2166.65"));
        assertThat(summary.taxAmount()).isEqualTo(new BigDecimal("175.50"));
        assertThat(summary.total()).isEqualTo(new BigDecimal("2342.15"));
        assertThat(summary.hoursBilled()).isEqualByComparingTo("15.35");
    }

    @Test
    void decisions_move_hours_between_the_tiles_and_bill_all_keeps_write_offs() {
        BillingReview review = BillingReview.start(customer, List.of(a, b, c), null, null);
        review.decide(a.entryId(), Decision.WRITE_OFF, " onboarding ");
        review.decideAll(Decision.DEFER);
        var summary = review.summary();
        assertThat(summary.hoursBilled()).isZero();
        assertThat(summary.hoursDeferred()).isEqualByComparingTo("8.1");
        assertThat(summary.hoursWrittenOff()).isEqualByComparingTo("7.25");
        assertThat(summary.amountWrittenOff()).isEqualTo(new BigDecimal("966.64"));
        assertThat(review.lines().getFirst().writeOffReason()).isEqualTo("onboarding");
        review.decideAll(Decision.BILL);
        assertThat(review.billed()).hasSize(2);
        assertThat(review.entriesTaken()).containsExactlyInAnyOrder(a.entryId(), b.entryId(), c.entryId());
    }

    /** What a save writes: only the lines that differ from the restored ones, however many the review has. */
    @Test
    void a_restored_review_reports_only_the_lines_changed_since() {
        BillingReview started = BillingReview.start(customer, List.of(a, b, c), null, null);
        BillingReview review = BillingReview.restore(started.id(), customer, started.lines(), started.options(), ReviewStatus.OPEN, null);
        assertThat(review.changedLines()).isEmpty();

        review.decide(b.entryId(), Decision.DEFER, null);
        review.decideAll(Decision.BILL); // b back to BILL, as restored: unchanged again
        review.decide(c.entryId(), Decision.WRITE_OFF, "rounding");
        assertThat(review.changedLines()).extracting(l -> l.entry().entryId()).containsExactly(c.entryId());
        assertThat(review.changedLines().getFirst().writeOffReason()).isEqualTo("rounding");
    }

    @Test
    void rules_name_the_field_at_fault_and_a_review_is_generated_once() {
        BillingReview review = BillingReview.start(customer, List.of(a), null, null);
        assertThatThrownBy(() -> review.decide(a.entryId(), Decision.WRITE_OFF, " ")).isInstanceOf(InvalidField.class)
                .extracting("field").isEqualTo("reason");
        assertThatThrownBy(() -> review.decide(UUID.randomUUID(), Decision.BILL, null)).extracting("field").isEqualTo("entryId");
        assertThatThrownBy(() -> review.decideAll(Decision.WRITE_OFF)).extracting("field").isEqualTo("decision");
        review.decideAll(Decision.DEFER);
        assertThatThrownBy(() -> review.startGeneration(UUID.randomUUID())).isInstanceOf(ConflictingState.class)
                .hasMessageContaining("nothing to bill");
        review.decideAll(Decision.BILL);
        UUID run = UUID.randomUUID();
        review.startGeneration(run);
        assertThat(review.status()).isEqualTo(ReviewStatus.GENERATING);
        assertThatThrownBy(() -> review.startGeneration(UUID.randomUUID())).hasMessageContaining("generated already")
                .hasMessageNotContaining(run.toString()); // messages reach people: no ids
        assertThatThrownBy(() -> review.decide(a.entryId(), Decision.DEFER, null)).isInstanceOf(ConflictingState.class);
    }

    @Test
    void a_customer_without_unbilled_entries_has_nothing_to_review() {
        assertThatThrownBy(() -> BillingReview.start(customer, List.of(), null, null)).isInstanceOf(ConflictingState.class)
                .hasMessageContaining("no approved, unbilled time and materials entries");
    }

    private UnbilledEntry entry(String date, String hours, String rate) {
        return new UnbilledEntry(UUID.randomUUID(), customer.id(), UUID.randomUUID(), "TIME_AND_MATERIALS", UUID.randomUUID(), "Ada",
                "Senior", "Build", LocalDate.parse(date), new BigDecimal(hours), new BigDecimal(rate), BigDecimal.ZERO, "CHF", null);
    }
}
