package org.hourbill.frameorder.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import org.hourbill.platform.problem.InvalidField;
import org.junit.jupiter.api.Test;

class FrameOrderTest {
    static final Clock clock = Clock.fixed(Instant.parse("2026-11-01T09:00:00Z"), ZoneOffset.UTC);
    static final LocalDate oct31 = LocalDate.of(2026, 10, 31);
    final UUID customer = UUID.randomUUID();
    final FrameOrder po7 = FrameOrder.open(customer, "PO-7", new BigDecimal("100.00"), LocalDate.of(2026, 1, 1),
            LocalDate.of(2026, 12, 31));

    @Test
    void a_draw_down_takes_hours_and_the_last_hour_exhausts_the_order() {
        DrawDown first = po7.drawDown(UUID.randomUUID(), customer, oct31, new BigDecimal("87.5"), "October", clock);
        assertThat(first.status()).isEqualTo(DrawDownStatus.DRAWN);
        assertThat(po7.remainingHours()).isEqualByComparingTo("12.5");
        assertThat(po7.utilizationPercent()).isEqualByComparingTo("87.5");
        assertThat(po7.status()).isEqualTo(FrameOrderStatus.OPEN);

        po7.drawDown(UUID.randomUUID(), customer, oct31, new BigDecimal("12.5"), "November", clock);
        assertThat(po7.remainingHours()).isZero();
        assertThat(po7.status()).isEqualTo(FrameOrderStatus.EXHAUSTED);
    }

    @Test
    void never_beyond_the_remaining_hours_and_the_reason_names_both_figures() {
        po7.drawDown(UUID.randomUUID(), customer, oct31, new BigDecimal("87.50"), "October", clock);
        assertThatThrownBy(() -> po7.drawDown(UUID.randomUUID(), customer, oct31, new BigDecimal("40"), "November", clock))
                .isInstanceOf(DrawDownRefused.class)
                .hasMessage("frame order PO-7 has 12.5 h left, this invoice needs 40 h");
        assertThat(po7.billedHours()).isEqualByComparingTo("87.5");
    }

    @Test
    void the_order_must_be_valid_for_the_work_drawn_not_only_on_the_invoice_date() {
        FrameOrder december = FrameOrder.open(customer, "PO-DEC", new BigDecimal("100.00"), LocalDate.of(2026, 12, 1),
                LocalDate.of(2027, 11, 30));
        assertThatThrownBy(() -> december.drawDown(UUID.randomUUID(), customer, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30),
                BigDecimal.TEN, "November", clock)).isInstanceOf(DrawDownRefused.class)
                .hasMessage("frame order PO-DEC is valid from 2026-12-01 to 2027-11-30, not for work done from 2026-11-01 to 2026-11-30");
        assertThat(december.billedHours()).isZero();
        december.drawDown(UUID.randomUUID(), customer, LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31), BigDecimal.TEN, "December", clock);
        assertThat(december.billedHours()).isEqualByComparingTo("10");
    }

    @Test
    void never_outside_validity_never_for_another_customer_never_when_closed() {
        assertThatThrownBy(() -> po7.drawDown(UUID.randomUUID(), customer, LocalDate.of(2027, 1, 1), BigDecimal.ONE, "x", clock))
                .isInstanceOf(DrawDownRefused.class).hasMessageContaining("valid from 2026-01-01 to 2026-12-31, not on 2027-01-01");
        assertThatThrownBy(() -> po7.drawDown(UUID.randomUUID(), UUID.randomUUID(), oct31, BigDecimal.ONE, "x", clock))
                .isInstanceOf(DrawDownRefused.class).hasMessageContaining("another customer");
        assertThatThrownBy(() -> po7.drawDown(UUID.randomUUID(), customer, oct31, BigDecimal.ZERO, "x", clock))
                .isInstanceOf(DrawDownRefused.class);
        po7.close();
        assertThatThrownBy(() -> po7.drawDown(UUID.randomUUID(), customer, oct31, BigDecimal.ONE, "x", clock))
                .isInstanceOf(DrawDownRefused.class).hasMessage("frame order PO-7 is closed");
        assertThat(po7.billedHours()).isZero();
    }

    @Test
    void a_reversal_gives_the_hours_back_once_and_reopens_an_exhausted_order() {
        DrawDown all = po7.drawDown(UUID.randomUUID(), customer, oct31, new BigDecimal("100"), "October", clock);
        assertThat(po7.status()).isEqualTo(FrameOrderStatus.EXHAUSTED);

        DrawDown reversed = po7.reverse(all, "invoice voided");
        assertThat(reversed.status()).isEqualTo(DrawDownStatus.REVERSED);
        assertThat(reversed.note()).isEqualTo("invoice voided");
        assertThat(po7.remainingHours()).isEqualByComparingTo("100");
        assertThat(po7.status()).isEqualTo(FrameOrderStatus.OPEN);

        po7.reverse(reversed, "again");
        assertThat(po7.remainingHours()).isEqualByComparingTo("100");
    }

    @Test
    void opening_checks_its_fields() {
        LocalDate d = LocalDate.of(2026, 1, 1);
        assertThatThrownBy(() -> FrameOrder.open(customer, " ", BigDecimal.TEN, d, d)).isInstanceOf(InvalidField.class)
                .extracting("field").isEqualTo("poNumber");
        assertThatThrownBy(() -> FrameOrder.open(customer, "PO", BigDecimal.ZERO, d, d)).extracting("field").isEqualTo("totalHours");
        assertThatThrownBy(() -> FrameOrder.open(customer, "PO", BigDecimal.TEN, d, d.minusDays(1))).extracting("field").isEqualTo("validTo");
    }
}
