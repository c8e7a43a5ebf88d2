package org.hourbill.timesheet.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.hourbill.platform.problem.ConflictingState;
import org.hourbill.platform.problem.InvalidField;
import org.hourbill.timesheet.domain.TimeEntry.WorkDone;
import org.hourbill.timesheet.events.BillingType;
import org.junit.jupiter.api.Test;

class TimeEntryLifecycleTest {
    private static final LocalDate DAY = LocalDate.of(2026, 10, 14);
    private final Project billed = new Project(UUID.randomUUID(), UUID.randomUUID(), "NW-ERP", "ERP", BillingType.TIME_AND_MATERIALS, false);
    private final Project overhead = new Project(UUID.randomUUID(), UUID.randomUUID(), "INT", "Internal", BillingType.NOT_BILLED, true);

    private TimeEntry draft(String hours) {
        return new TimeEntry(UUID.randomUUID(), billed, UUID.randomUUID(), new WorkDone(DAY, new BigDecimal(hours), "task", null, null));
    }

    @Test
    void a_new_entry_is_a_billable_draft_on_a_billed_project() {
        TimeEntry entry = draft("7.5");
        assertThat(entry.status()).isEqualTo(EntryStatus.DRAFT);
        assertThat(entry.billable()).isTrue();
        assertThat(entry.customerId()).isEqualTo(billed.customerId());
    }

    @Test
    void approval_fixes_rate_and_amount_rounded_to_the_currency() {
        TimeEntry entry = draft("7.33");
        entry.submit();
        entry.approve(new BigDecimal("99.99"), "EUR");
        assertThat(entry.status()).isEqualTo(EntryStatus.APPROVED);
        assertThat(entry.amount()).isEqualByComparingTo("732.93"); // 732.9267 half-even
        TimeEntry yen = draft("1.5");
        yen.submit();
        yen.approve(new BigDecimal("10001"), "JPY");
        assertThat(yen.amount()).isEqualTo(new BigDecimal("15002")); // 15001.5 -> even
    }

    @Test
    void cannot_approve_a_draft() {
        TimeEntry entry = draft("8");
        assertThatThrownBy(() -> entry.approve(BigDecimal.TEN, "EUR")).isInstanceOf(ConflictingState.class)
                .hasMessageContaining("only a submitted entry can be approved");
    }

    @Test
    void cannot_edit_an_approved_entry() {
        TimeEntry entry = draft("8");
        entry.submit();
        entry.approve(BigDecimal.TEN, "EUR");
        assertThatThrownBy(() -> entry.edit(billed, new WorkDone(DAY, BigDecimal.ONE, null, null, null)))
                .isInstanceOf(ConflictingState.class);
    }

    @Test
    void a_rejected_entry_goes_back_to_draft_when_fixed_and_can_be_submitted_again() {
        TimeEntry entry = draft("8");
        entry.submit();
        entry.reject("wrong project");
        assertThat(entry.status()).isEqualTo(EntryStatus.REJECTED);
        assertThat(entry.rejectionReason()).isEqualTo("wrong project");
        entry.edit(billed, new WorkDone(DAY, new BigDecimal("6"), "fixed", null, null));
        assertThat(entry.status()).isEqualTo(EntryStatus.DRAFT);
        entry.submit();
        assertThat(entry.status()).isEqualTo(EntryStatus.SUBMITTED);
        assertThat(entry.rejectionReason()).isNull();
    }

    @Test
    void rejection_needs_a_reason() {
        TimeEntry entry = draft("8");
        entry.submit();
        assertThatThrownBy(() -> entry.reject(" ")).isInstanceOf(InvalidField.class).extracting("field").isEqualTo("reason");
    }

    @Test
    void an_approved_unbilled_entry_can_be_reopened_but_a_billed_one_cannot() {
        TimeEntry entry = draft("8");
        entry.submit();
        entry.approve(BigDecimal.TEN, "EUR");
        entry.reopen();
        assertThat(entry.status()).isEqualTo(EntryStatus.DRAFT);
        assertThat(entry.amount()).isNull();

        TimeEntry billedEntry = draft("8");
        billedEntry.submit();
        billedEntry.approve(BigDecimal.TEN, "EUR");
        billedEntry.markBilled();
        assertThatThrownBy(billedEntry::reopen).isInstanceOf(ConflictingState.class).hasMessageContaining("already billed");
    }

    @Test
    void hours_must_be_positive_and_at_most_a_day() {
        assertThatThrownBy(() -> draft("-1")).isInstanceOf(InvalidField.class).extracting("field").isEqualTo("hours");
        assertThatThrownBy(() -> draft("0")).isInstanceOf(InvalidField.class);
        assertThatThrownBy(() -> draft("24.5")).isInstanceOf(InvalidField.class);
        assertThat(draft("24").hours()).isEqualByComparingTo("24");
    }

    @Test
    void entries_on_a_not_billed_project_cannot_be_billable() {
        assertThatThrownBy(() -> new TimeEntry(UUID.randomUUID(), overhead, UUID.randomUUID(),
                new WorkDone(DAY, BigDecimal.ONE, null, null, true)))
                .isInstanceOf(InvalidField.class).extracting("field").isEqualTo("billable");
        TimeEntry internal = new TimeEntry(UUID.randomUUID(), overhead, UUID.randomUUID(), new WorkDone(DAY, BigDecimal.ONE, null, null, null));
        assertThat(internal.billable()).isFalse();
    }

    @Test
    void a_consultant_cannot_book_more_than_24_hours_in_a_day() {
        assertThatThrownBy(() -> DailyHours.check("Ada", DAY, new BigDecimal("20"), new BigDecimal("4.5")))
                .isInstanceOf(InvalidField.class).hasMessageContaining("24.5 h on 2026-10-14");
        DailyHours.check("Ada", DAY, new BigDecimal("20"), new BigDecimal("4"));
    }

    @Test
    void a_project_rate_for_the_role_wins_over_the_default_rate() {
        Consultant ada = new Consultant(UUID.randomUUID(), "Ada", "Senior", new BigDecimal("120"));
        Consultant bob = new Consultant(UUID.randomUUID(), "Bob", "Junior", new BigDecimal("80"));
        BillRates rates = new BillRates(java.util.List.of(new ProjectRate(UUID.randomUUID(), billed.id(), "Senior", new BigDecimal("150"))));
        assertThat(rates.rateFor(billed.id(), ada)).isEqualByComparingTo("150");
        assertThat(rates.rateFor(billed.id(), bob)).isEqualByComparingTo("80");
        assertThat(rates.rateFor(UUID.randomUUID(), ada)).isEqualByComparingTo("120");
    }
}
