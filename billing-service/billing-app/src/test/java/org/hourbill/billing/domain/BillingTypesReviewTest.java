package org.hourbill.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hourbill.billing.domain.plan.BillingProject;
import org.hourbill.billing.domain.plan.BillingType;
import org.hourbill.billing.domain.review.BillLine;
import org.hourbill.billing.domain.review.BillingReview;
import org.hourbill.billing.domain.review.BillingReview.CapState;
import org.hourbill.billing.domain.review.Decision;
import org.hourbill.billing.domain.review.Settlement;
import org.hourbill.billing.domain.review.ReviewStatus;
import org.hourbill.platform.problem.ConflictingState;
import org.hourbill.platform.problem.UnprocessableRequest;
import org.junit.jupiter.api.Test;

/** What each billing type lets a bill contain, and how a cap cuts a bill: plain Java, no Spring. */
class BillingTypesReviewTest {
    final BillingCustomer customer = new BillingCustomer(UUID.randomUUID(), "Fabrikam", "Berlin", "DE1", new BigDecimal("19.00"), "EUR", 30);
    final UUID ada = UUID.randomUUID();

    @Test
    void the_settlement_bills_each_entry_with_what_the_cap_kept_off_and_writes_off_what_it_took_entirely() {
        BillingProject project = project(BillingType.CAPPED_TIME_AND_MATERIALS, null);
        List<UnbilledEntry> entries = List.of(entry(project, "2026-10-01", "8", "100.00"), entry(project, "2026-10-02", "8", "100.00"),
                entry(project, "2026-10-03", "8", "100.00"), entry(project, "2026-10-04", "8", "100.00"),
                entry(project, "2026-10-05", "2", "100.00"));
        BillingReview review = BillingReview.start(customer, project, null, entries, null, null);
        review.decide(entries.get(4).entryId(), Decision.WRITE_OFF, "training time");
        review.applyCaps(Map.of(project.id(), new CapState(new BigDecimal("2000.00"), new BigDecimal("333.33"))));

        Settlement settlement = review.settlement();

        assertThat(settlement.billedEntryIds()).containsExactly(entries.get(0).entryId(), entries.get(1).entryId(), entries.get(2).entryId());
        // each billed entry with the hours the cap kept off it: 8 h, 8 h, then 0.66 h billed of the third
        assertThat(settlement.billed().values()).extracting(h -> h.stripTrailingZeros().toPlainString()).containsExactly("0", "0", "7.34");
        assertThat(settlement.writtenOff()).containsExactly(Map.entry(entries.get(4).entryId(), "training time"),
                Map.entry(entries.get(3).entryId(), "cap"));
        assertThat(settlement.billsTerms()).isFalse();
    }

    @Test
    void the_entry_that_crosses_the_cap_is_billed_up_to_it_and_the_rest_is_capped() {
        BillingProject project = project(BillingType.CAPPED_TIME_AND_MATERIALS, null);
        List<UnbilledEntry> entries = List.of(entry(project, "2026-10-01", "8", "100.00"), entry(project, "2026-10-02", "8", "100.00"),
                entry(project, "2026-10-03", "8", "100.00"));
        BillingReview review = BillingReview.start(customer, project, null, entries, null, null);

        review.applyCaps(Map.of(project.id(), new CapState(new BigDecimal("2000.00"), new BigDecimal("333.33"))));

        // 1,666.67 left: 8 h (800), 8 h (800), then 0.66 h (66.00) of the third; 7.34 h capped
        assertThat(review.lines()).extracting(l -> l.billedHours().stripTrailingZeros().toPlainString()).containsExactly("8", "8", "0.66");
        assertThat(review.summary().subtotal()).isEqualByComparingTo("1666.00");
        assertThat(review.summary().hoursCapped()).isEqualByComparingTo("7.34");
        assertThat(review.summary().amountCapped()).isEqualByComparingTo("734.00");
        assertThat(review.caps().getFirst().leftAfter()).isEqualByComparingTo("0.67");
        assertThat(review.billed()).hasSize(3);

        review.applyCaps(Map.of(project.id(), new CapState(new BigDecimal("2000.00"), new BigDecimal("2000.00"))));
        assertThat(review.billed()).isEmpty();
        assertThat(review.cappedOut()).hasSize(3);
        assertThatThrownBy(() -> review.startGeneration(UUID.randomUUID())).isInstanceOf(ConflictingState.class)
                .hasMessageContaining("beyond the cap");
    }

    @Test
    void an_activity_line_bills_the_resources_entries_of_its_period_in_days() {
        BillingProject project = project(BillingType.TIME_AND_MATERIALS, null);
        List<UnbilledEntry> entries = List.of(entry(project, "2026-10-01", "8", "120"), entry(project, "2026-10-02", "4", "120"),
                entry(project, "2026-10-09", "8", "120"));
        BillingReview review = BillingReview.start(customer, project, null, entries, null, null);
        BillLine line = review.addLine(BillLine.activity(project.id(), ada, "Consulting", LocalDate.of(2026, 10, 1),
                LocalDate.of(2026, 10, 7), null, null, null, new BigDecimal("900.00")));

        assertThat(line.quantity()).isEqualByComparingTo("1.50");
        assertThat(line.description()).isEqualTo("Ada Lovelace - Consulting, 2026-10-01 to 2026-10-07");
        assertThat(line.coveredEntryIds()).containsExactly(entries.get(0).entryId(), entries.get(1).entryId());
        assertThat(review.summary().subtotal()).isEqualByComparingTo("2310.00"); // 1.5 d x 900 + 8 h x 120
        assertThat(review.summary().hoursBilled()).isEqualByComparingTo("20");
        assertThat(review.billedEntries()).hasSize(3);

        review.removeLine(1);
        assertThat(review.summary().subtotal()).isEqualByComparingTo("2400.00");
    }

    @Test
    void a_restored_bill_knows_whether_its_lines_changed_so_a_step_of_its_run_rewrites_none() {
        BillingProject manualProject = project(BillingType.MANUAL, null);
        BillingReview drafted = BillingReview.start(customer, manualProject, null, List.of(), null, null);
        drafted.addLine(manual("2"));
        assertThat(drafted.billLinesChanged()).isTrue();

        BillingReview generated = BillingReview.restore(drafted.id(), customer, manualProject, drafted.lines(), drafted.billLines(),
                drafted.options(), ReviewStatus.GENERATING, UUID.randomUUID());
        generated.issued();
        assertThat(generated.billLinesChanged()).isFalse();

        BillingReview open = BillingReview.restore(drafted.id(), customer, manualProject, drafted.lines(), drafted.billLines(),
                drafted.options(), ReviewStatus.OPEN, null);
        assertThat(open.billLinesChanged()).isFalse();
        open.describeLine(1, "Licence, October", null);
        assertThat(open.billLinesChanged()).isTrue();
    }

    @Test
    void each_billing_type_takes_only_its_own_lines() {
        BillingProject fixed = project(BillingType.FIXED_PRICE, new BigDecimal("48000"));
        BillingReview review = BillingReview.start(customer, fixed, null, List.of(), null, null);
        assertThat(review.options().orderAmount()).isEqualByComparingTo("48000");
        assertThatThrownBy(() -> review.startGeneration(UUID.randomUUID())).hasMessageContaining("billed at terms: add a term");
        assertThatThrownBy(() -> review.addLine(manual("1"))).isInstanceOf(UnprocessableRequest.class).extracting("field").isEqualTo("kind");
        review.addLine(BillLine.term(fixed.id(), UUID.randomUUID(), LocalDate.of(2026, 10, 31), "Term 1", null,
                new BigDecimal("12000.00")));
        assertThat(review.percentOfOrder()).isEqualByComparingTo("25.00");
        review.startGeneration(UUID.randomUUID());

        BillingReview manualBill = BillingReview.start(customer, project(BillingType.MANUAL, null), null, List.of(), null, null);
        assertThatThrownBy(() -> manualBill.addLine(manual("-1"))).hasMessage("only an amendment may have a negative quantity");
        manualBill.addLine(manual("2"));
        assertThat(manualBill.summary().subtotal()).isEqualByComparingTo("700.00");

        assertThatThrownBy(() -> BillingReview.start(customer, project(BillingType.NOT_BILLED, null), null, List.of(), null, null))
                .isInstanceOf(UnprocessableRequest.class).hasMessageContaining("is not billed");
    }

    private BillLine manual(String quantity) {
        return BillLine.manual(null, "Licence", null, new BigDecimal(quantity), "C62", new BigDecimal("350.00"), false, null);
    }

    private BillingProject project(BillingType type, BigDecimal orderAmount) {
        return new BillingProject(UUID.randomUUID(), customer.id(), type.name().substring(0, 3) + "-1", "Project", type, orderAmount, null);
    }

    private UnbilledEntry entry(BillingProject project, String date, String hours, String rate) {
        return new UnbilledEntry(UUID.randomUUID(), customer.id(), project.id(), project.billingType().name(), ada, "Ada Lovelace", "Senior",
                "Build", LocalDate.parse(date), new BigDecimal(hours), new BigDecimal(rate), new BigDecimal(hours).multiply(new BigDecimal(rate)),
                "EUR", null);
    }
}
