package org.hourbill.invoice.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.hourbill.platform.problem.ConflictingState;
import org.hourbill.platform.problem.InvalidField;
import org.junit.jupiter.api.Test;

/** The invoice lifecycle as plain Java: which moves are legal, what each records, and what money does to it. */
class InvoiceStateTest {
    static final Instant AT = Instant.parse("2026-11-05T10:00:00Z");
    final InvoiceState issued = new InvoiceState(UUID.randomUUID(), "INV-1", LocalDate.of(2026, 11, 2), "EUR",
            new BigDecimal("100.00"), InvoiceStatus.ISSUED, null, null, new BigDecimal("0.00"), null, null);

    @Test
    void sending_records_who_when_and_how_and_happens_once() {
        InvoiceState.Moved sent = issued.send(LocalDate.of(2026, 11, 3), SendMode.PORTAL, "j.doe", AT);
        assertThat(sent.state().status()).isEqualTo(InvoiceStatus.SENT);
        assertThat(sent.change()).isEqualTo(new StatusChange(issued.invoiceId(), AT, "j.doe", InvoiceStatus.ISSUED, InvoiceStatus.SENT,
                "sent by portal on 2026-11-03"));
        assertThatThrownBy(() -> sent.state().send(LocalDate.of(2026, 11, 4), SendMode.EMAIL, "j.doe", AT))
                .isInstanceOf(ConflictingState.class).hasMessageContaining("sent already (on 2026-11-03)");
        assertThatThrownBy(() -> issued.send(LocalDate.of(2026, 11, 1), SendMode.EMAIL, "j.doe", AT))
                .isInstanceOf(InvalidField.class).hasMessageContaining("issued on 2026-11-02");
        assertThatThrownBy(() -> issued.send(LocalDate.of(2026, 11, 3), SendMode.EMAIL, " ", AT)).isInstanceOf(InvalidField.class);
    }

    @Test
    void payments_make_it_paid_and_a_reversal_reopens_it_to_where_it_was() {
        InvoiceState sent = issued.send(LocalDate.of(2026, 11, 3), SendMode.EMAIL, "j.doe", AT).state();
        InvoiceState part = sent.paymentsChanged(new BigDecimal("40.00"), "payment 1 recorded", AT).state();
        assertThat(part.status()).isEqualTo(InvoiceStatus.SENT);
        assertThat(part.amountOpen()).isEqualByComparingTo("60.00");

        InvoiceState.Moved paid = part.paid(LocalDate.of(2026, 11, 20), new BigDecimal("100.00"), AT);
        assertThat(paid.state().status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(paid.change().by()).isEqualTo("payment-service");
        assertThat(paid.state().paid(LocalDate.of(2026, 11, 21), new BigDecimal("100.00"), AT).change()).as("paid once").isNull();

        InvoiceState.Moved reopened = paid.state().paymentsChanged(new BigDecimal("60.00"), "payment 1 reversed: bounced", AT);
        assertThat(reopened.state().status()).isEqualTo(InvoiceStatus.SENT);
        assertThat(reopened.state().paidOn()).isNull();
        assertThat(reopened.change().detail()).isEqualTo("payment 1 reversed: bounced");
    }

    @Test
    void an_invoice_is_voided_once_and_never_with_payments_on_it() {
        UUID creditNote = UUID.randomUUID();
        InvoiceState.Moved voided = issued.voidBy(creditNote, "CN-1", "wrong rate", "j.doe", AT);
        assertThat(voided.state().status()).isEqualTo(InvoiceStatus.VOID);
        assertThat(voided.state().creditNoteId()).isEqualTo(creditNote);
        assertThat(voided.state().amountOpen()).isEqualByComparingTo("0");
        assertThat(voided.change().detail()).isEqualTo("voided by credit note CN-1: wrong rate");
        assertThatThrownBy(voided.state()::ensureVoidable).isInstanceOf(ConflictingState.class).hasMessage("invoice INV-1 is void already");
        assertThat(voided.state().paid(LocalDate.of(2026, 11, 20), new BigDecimal("100.00"), AT).state().status())
                .isEqualTo(InvoiceStatus.VOID);

        InvoiceState withPayment = issued.paymentsChanged(new BigDecimal("0.01"), "payment recorded", AT).state();
        assertThatThrownBy(withPayment::ensureVoidable).isInstanceOf(ConflictingState.class)
                .hasMessage("invoice INV-1 has payments of EUR 0.01; reverse them in payment-service before voiding it");
    }

    @Test
    void only_issued_and_sent_invoices_past_their_due_date_are_overdue() {
        LocalDate due = LocalDate.of(2026, 12, 2);
        assertThat(issued.overdue(LocalDate.of(2026, 12, 3), due)).isTrue();
        assertThat(issued.overdue(due, due)).isFalse();
        assertThat(issued.voidBy(UUID.randomUUID(), "CN-1", "x", "j.doe", AT).state().overdue(LocalDate.of(2027, 1, 1), due)).isFalse();
    }
}
