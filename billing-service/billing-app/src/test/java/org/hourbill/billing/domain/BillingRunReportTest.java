package org.hourbill.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.hourbill.billing.domain.billingrun.BillingRun;
import org.hourbill.billing.domain.billingrun.RunCustomer;
import org.hourbill.billing.domain.billingrun.RunCustomer.Figures;
import org.hourbill.billing.domain.billingrun.RunCustomer.Outcome;
import org.hourbill.billing.domain.billingrun.RunReport;
import org.hourbill.platform.problem.ConflictingState;
import org.hourbill.platform.problem.InvalidField;
import org.junit.jupiter.api.Test;

class BillingRunReportTest {
    static final Instant NOW = Instant.parse("2026-11-20T09:00:00Z");
    final BillingRun draft = BillingRun.draft(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), null, " ", NOW);

    @Test
    void a_customer_is_held_waiting_issued_or_failed_as_its_invoice_run_says() {
        assertThat(included(null, null, false).outcome()).isEqualTo(Outcome.WAITING);
        assertThat(included(UUID.randomUUID(), null, false).outcome()).isEqualTo(Outcome.WAITING);
        assertThat(included(UUID.randomUUID(), "INV-1", false).outcome()).isEqualTo(Outcome.ISSUED);
        assertThat(failed(UUID.randomUUID(), "frame order closed", true).outcome()).isEqualTo(Outcome.FAILED);
        assertThat(failed(null, "review generated meanwhile", false).outcome()).isEqualTo(Outcome.FAILED);
        RunCustomer held = RunCustomer.held(UUID.randomUUID(), "Held", null, false, null, "two frame orders fit");
        assertThat(held.outcome()).isEqualTo(Outcome.HELD);
        assertThat(held.reason()).isEqualTo("two frame orders fit");
    }

    @Test
    void a_draft_totals_the_bills_to_issue_and_a_started_run_the_invoices_issued_per_currency() {
        List<RunCustomer> customers = List.of(figures(included(null, null, false), "EUR", "100.00"),
                figures(included(null, null, false), "EUR", "50.50"), figures(included(null, null, false), "CHF", "10.00"),
                RunCustomer.held(UUID.randomUUID(), "Held", null, false, null, "why"));
        RunReport preview = RunReport.of(draft, customers);
        assertThat(preview.progress()).isEqualTo(new RunReport.Progress(3, 0, 0, 3, 1));
        assertThat(preview.totals()).extracting(RunReport.CurrencyTotal::currency, RunReport.CurrencyTotal::bills,
                RunReport.CurrencyTotal::net).containsExactly(org.assertj.core.groups.Tuple.tuple("CHF", 1, new BigDecimal("10.00")),
                org.assertj.core.groups.Tuple.tuple("EUR", 2, new BigDecimal("150.50")));

        BillingRun started = draft.start(3, NOW);
        List<RunCustomer> later = List.of(figures(included(UUID.randomUUID(), "INV-1", false), "EUR", "100.00"),
                figures(failed(UUID.randomUUID(), "closed", true), "EUR", "50.50"), figures(included(UUID.randomUUID(), null, false), "CHF", "10.00"));
        RunReport running = RunReport.of(started, later);
        assertThat(running.progress()).isEqualTo(new RunReport.Progress(3, 1, 1, 1, 0));
        assertThat(running.progress().finished()).isFalse();
        assertThat(running.totals()).singleElement().satisfies(t -> {
            assertThat(t.currency()).isEqualTo("EUR");
            assertThat(t.total()).isEqualByComparingTo("120.00");
        });
    }

    @Test
    void a_run_bills_one_period_of_at_most_a_quarter_and_starts_once_with_a_customer_to_bill() {
        assertThat(draft.notes()).isNull();
        assertThatThrownBy(() -> BillingRun.draft(LocalDate.of(2026, 10, 31), LocalDate.of(2026, 10, 1), null, null, NOW))
                .isInstanceOf(InvalidField.class).hasMessageContaining("ends before it starts");
        assertThatThrownBy(() -> BillingRun.draft(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), null, null, NOW))
                .isInstanceOf(InvalidField.class).hasMessageContaining("at most a quarter");
        assertThatThrownBy(() -> BillingRun.draft(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), -1, null, NOW))
                .isInstanceOf(InvalidField.class);
        assertThatThrownBy(() -> draft.start(0, NOW)).isInstanceOf(ConflictingState.class).hasMessageContaining("held customers");
        assertThatThrownBy(() -> draft.start(2, NOW).start(2, NOW)).isInstanceOf(ConflictingState.class)
                .hasMessageContaining("started already");
    }

    private static RunCustomer included(UUID invoiceRunId, String number, boolean failed) {
        return new RunCustomer(UUID.randomUUID(), "C", UUID.randomUUID(), false, null, null, null, invoiceRunId, number, null, failed);
    }

    private static RunCustomer failed(UUID invoiceRunId, String reason, boolean runFailed) {
        return new RunCustomer(UUID.randomUUID(), "C", UUID.randomUUID(), false, null, null, null, invoiceRunId, null, reason, runFailed);
    }

    private static RunCustomer figures(RunCustomer c, String currency, String net) {
        BigDecimal n = new BigDecimal(net), tax = n.multiply(new BigDecimal("0.2")).setScale(2);
        return new RunCustomer(c.customerId(), c.customerName(), c.reviewId(), c.reviewReused(), c.heldReason(),
                new Figures(currency, BigDecimal.TEN, n, tax, n.add(tax)), c.frameOrder(), c.invoiceRunId(), c.invoiceNumber(),
                c.failureReason(), c.runFailed());
    }
}
