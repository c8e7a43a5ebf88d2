package org.hourbill.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void a_tie_is_rounded_away_from_zero_to_the_currencys_minor_unit() {
        assertThat(Money.amount(new BigDecimal("0.5"), new BigDecimal("133.33"), "EUR")).isEqualTo(new BigDecimal("66.67"));
        assertThat(Money.amount(new BigDecimal("0.5"), new BigDecimal("9997"), "JPY")).isEqualTo(new BigDecimal("4999"));
        assertThat(Money.amount(new BigDecimal("0.25"), new BigDecimal("0.01"), "KWD")).isEqualTo(new BigDecimal("0.003"));
        assertThat(Money.amount(new BigDecimal("-0.5"), new BigDecimal("133.33"), "CHF")).isEqualTo(new BigDecimal("-66.67"));
    }

    @Test
    void tax_is_a_percentage_of_the_sum_rounded_once() {
        assertThat(Money.percentOf(new BigDecimal("66.67"), new BigDecimal("8.1"), "CHF")).isEqualTo(new BigDecimal("5.40"));
        assertThat(Money.percentOf(new BigDecimal("4999"), new BigDecimal("10"), "JPY")).isEqualTo(new BigDecimal("500"));
    }

    @Test
    void stored_amounts_are_shown_with_exactly_the_currencys_decimals() {
        assertThat(Money.inMinorUnits(new BigDecimal("900.0000"), "JPY")).isEqualTo(new BigDecimal("900"));
        assertThat(Money.inMinorUnits(new BigDecimal("177.330"), "EUR")).isEqualTo(new BigDecimal("177.33"));
        assertThat(Money.zero("JPY")).isEqualTo(new BigDecimal("0"));
        assertThatThrownBy(() -> Money.inMinorUnits(new BigDecimal("177.335"), "EUR")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Money.shown(new BigDecimal("48000.000"), "EUR")).isEqualTo(new BigDecimal("48000.00"));
        assertThat(Money.shown(new BigDecimal("48000.000"), "JPY")).isEqualTo(new BigDecimal("48000"));
        assertThat(Money.shown(new BigDecimal("0.001"), "EUR")).isEqualTo(new BigDecimal("0.001"));
    }
}
