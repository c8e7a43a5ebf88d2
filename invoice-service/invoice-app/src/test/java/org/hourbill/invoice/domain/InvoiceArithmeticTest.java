package org.hourbill.invoice.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The EN 16931 arithmetic: rounded lines, sums of rounded lines, tax rounded once, in any currency's minor unit. */
class InvoiceArithmeticTest {
    static final Seller seller = new Seller("Seller", null, null, null, null, null);

    @Test
    void lines_are_rounded_to_the_minor_unit_and_totals_are_their_sums() {
        Invoice invoice = issue("EUR", "19", line("7.25", "133.33"), line("0.1", "0.05"), line("1", "99.99"));
        assertThat(invoice.lines()).extracting(InvoiceLine::amount).containsExactly(bd("966.64"), bd("0.01"), bd("99.99"));
        assertThat(invoice.subtotal()).isEqualTo(bd("1066.64"));
        assertThat(invoice.taxAmount()).isEqualTo(bd("202.66"));
        assertThat(invoice.total()).isEqualTo(bd("1269.30"));
        assertThat(invoice.totalHours()).isEqualByComparingTo("8.35");
        assertThat(invoice.dueDate()).isEqualTo(LocalDate.of(2026, 12, 2));
    }

    @Test
    void yen_has_no_decimals_and_kuwaiti_dinar_three() {
        Invoice yen = issue("JPY", "10", line("1.5", "1001"));
        assertThat(yen.lines().getFirst().amount()).isEqualTo(bd("1502"));
        assertThat(yen.taxAmount()).isEqualTo(bd("150"));
        Invoice dinar = issue("KWD", "0", line("2.25", "10.4445"));
        assertThat(dinar.lines().getFirst().amount()).isEqualTo(bd("23.500"));
        assertThat(dinar.total()).isEqualTo(bd("23.500"));
    }

    @Test
    void totals_always_reconcile_over_random_hours_rates_tax_rates_and_currencies() {
        Random random = new Random(20261122);
        for (int run = 0; run < 2_000; run++) {
            String currency = List.of("EUR", "CHF", "JPY", "KWD", "USD").get(random.nextInt(5));
            int minor = java.util.Currency.getInstance(currency).getDefaultFractionDigits();
            List<InvoiceRequest.RequestedLine> lines = new ArrayList<>();
            for (int n = 1 + random.nextInt(60); n > 0; n--) {
                lines.add(line(BigDecimal.valueOf(1 + random.nextInt(2400), 2).toPlainString(),
                        BigDecimal.valueOf(random.nextInt(5_000_000), random.nextInt(4)).toPlainString()));
            }
            String taxRate = BigDecimal.valueOf(random.nextInt(2700), 2).toPlainString();
            Invoice invoice = issue(currency, taxRate, lines.toArray(InvoiceRequest.RequestedLine[]::new));

            BigDecimal sumOfLines = invoice.lines().stream().map(InvoiceLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(invoice.lines()).allSatisfy(l -> {
                assertThat(l.amount().scale()).isEqualTo(minor);
                assertThat(l.amount()).isEqualTo(l.quantity().multiply(l.unitPrice()).setScale(minor, RoundingMode.HALF_UP));
            });
            assertThat(invoice.subtotal()).isEqualByComparingTo(sumOfLines);
            assertThat(invoice.taxAmount()).isEqualTo(invoice.subtotal().multiply(new BigDecimal(taxRate)).movePointLeft(2)
                    .setScale(minor, RoundingMode.HALF_UP));
            assertThat(invoice.total()).isEqualTo(invoice.subtotal().add(invoice.taxAmount()));
            assertThat(invoice.total().scale()).isEqualTo(minor);

            // Its credit note cancels it exactly: every line, the tax and the total, negated.
            CreditNote note = CreditNote.cancelling(invoice, "CN", "CN-1", invoice.issueDate(), "test", invoice.issuedAt());
            assertThat(note.lines().stream().map(InvoiceLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                    .isEqualByComparingTo(note.subtotal());
            assertThat(note.subtotal().add(invoice.subtotal()).signum()).isZero();
            assertThat(note.taxAmount().add(invoice.taxAmount()).signum()).isZero();
            assertThat(note.total()).isEqualTo(note.subtotal().add(note.taxAmount())).isEqualTo(invoice.total().negate());
        }
    }

    @Test
    void what_cannot_be_invoiced_is_refused_with_a_reason() {
        assertThatThrownBy(() -> issue("EUR", "19")).isInstanceOf(InvoiceRefused.class).hasMessage("the invoice has no lines");
        assertThatThrownBy(() -> issue("XYZ", "19", line("1", "1"))).hasMessageContaining("ISO 4217");
        var twice = line("1", "1");
        assertThatThrownBy(() -> issue("EUR", "19", twice, twice)).hasMessageContaining("billed twice");
        assertThatThrownBy(() -> issue("EUR", "19", line("0", "1"))).hasMessageContaining("line 1 (TIME) has no quantity");
        assertThatThrownBy(() -> issue("EUR", "120", line("1", "1"))).hasMessageContaining("tax rate");
    }

    @Test
    void each_kind_of_line_keeps_its_own_rules() {
        assertThatThrownBy(() -> issue("EUR", "19", other(LineKind.TERM, "2", "C62", "5000", false)))
                .hasMessage("line 1 (TERM) bills its term once: quantity 1");
        assertThatThrownBy(() -> issue("EUR", "19", other(LineKind.MANUAL, "-1", "C62", "100", false)))
                .hasMessage("line 1 (MANUAL): only an amendment may have a negative quantity");
        assertThatThrownBy(() -> issue("EUR", "19", other(LineKind.MANUAL, "-1", "C62", "100", true)))
                .hasMessage("the bill's net amount is negative: that is a credit note, not an invoice");
        assertThatThrownBy(() -> issue("EUR", "19", other(LineKind.ACTIVITY, "2", "HUR", "900", false)))
                .hasMessage("line 1 (ACTIVITY) is counted in DAY, not HUR");
        Invoice manual = issue("EUR", "19", other(LineKind.MANUAL, "1.2345", "C62", "10.00", false),
                other(LineKind.MANUAL, "-0.5", "C62", "10.00", true));
        assertThat(manual.lines()).extracting(InvoiceLine::amount).containsExactly(new BigDecimal("12.35"), new BigDecimal("-5.00"));
        assertThat(manual.subtotal()).isEqualByComparingTo("7.35");
        assertThat(manual.totalHours()).isEqualByComparingTo("0");
    }

    static InvoiceRequest.RequestedLine other(LineKind kind, String quantity, String unit, String price, boolean amendment) {
        return new InvoiceRequest.RequestedLine(kind, List.of(), null, null, null, null, null, null, "a " + kind + " line", null,
                new BigDecimal(quantity), unit, new BigDecimal(price), amendment, kind == LineKind.TERM ? UUID.randomUUID() : null);
    }

    static Invoice issue(String currency, String taxRate, InvoiceRequest.RequestedLine... lines) {
        var request = new InvoiceRequest(UUID.randomUUID(), null, new Party(UUID.randomUUID(), "Buyer", null, null), currency,
                new BigDecimal(taxRate), LocalDate.of(2026, 11, 2), LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), 30,
                null, null, null, null, List.of(lines));
        return Invoice.draft(request).issue("INV", "INV-1", seller, Instant.now());
    }

    static InvoiceRequest.RequestedLine line(String hours, String rate) {
        return InvoiceRequest.RequestedLine.time(UUID.randomUUID(), LocalDate.of(2026, 10, 1), null, "task", "Ada", "role", null,
                new BigDecimal(hours), new BigDecimal(rate));
    }

    static BigDecimal bd(String s) {
        return new BigDecimal(s);
    }
}
