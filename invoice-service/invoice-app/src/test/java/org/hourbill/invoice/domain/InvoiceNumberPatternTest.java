package org.hourbill.invoice.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class InvoiceNumberPatternTest {
    static final LocalDate day = LocalDate.of(2026, 3, 9);

    @Test
    void formats_date_parts_and_a_padded_counter() {
        assertThat(new InvoiceNumberPattern("INV-{yyyy}-{seq:5}").format(day, 42)).isEqualTo("INV-2026-00042");
        assertThat(new InvoiceNumberPattern("{yy}{mm}/{seq:3}").format(day, 7)).isEqualTo("2603/007");
        assertThat(new InvoiceNumberPattern("R{seq}").format(day, 123456)).isEqualTo("R123456");
        assertThat(new InvoiceNumberPattern("INV-{seq:2}").format(day, 123)).isEqualTo("INV-123");
    }

    @Test
    void the_counter_period_follows_the_date_parts_the_pattern_shows() {
        assertThat(new InvoiceNumberPattern("INV-{yyyy}-{seq:5}").period(day)).isEqualTo("2026");
        assertThat(new InvoiceNumberPattern("{yy}{mm}/{seq:3}").period(day)).isEqualTo("2026-03");
        assertThat(new InvoiceNumberPattern("R{seq}").period(day)).isEqualTo("-");
    }

    @Test
    void a_pattern_without_counter_or_with_unknown_parts_is_refused() {
        assertThatThrownBy(() -> new InvoiceNumberPattern("INV-{yyyy}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new InvoiceNumberPattern("INV-{dd}-{seq}")).isInstanceOf(IllegalArgumentException.class);
    }
}
