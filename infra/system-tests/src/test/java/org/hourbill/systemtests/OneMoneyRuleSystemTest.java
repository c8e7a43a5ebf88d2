package org.hourbill.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.hourbill.localstack.Service;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.jayway.jsonpath.JsonPath;

/**
 * One money rule across the services: for random hours and rates in EUR, CHF and JPY (seeded, with the .5 ties that
 * half-even and half-up round apart), an entry's amount is the same figure in timesheets, billing's pool, the review,
 * the preview's net, the invoice line, its PDF and the e-invoice, and is hours x rate rounded half up to the currency's
 * minor unit; the realisation
 * report's billed amount equals the invoices' net less credit notes, through a void and a rebill.
 */
class OneMoneyRuleSystemTest {
    @RegisterExtension
    static final RunningSystem system = RunningSystem.get();
    static final long SEED = 20261203L;
    static final LocalDate october = LocalDate.of(2026, 10, 1);
    static final Duration soon = Duration.ofSeconds(30);

    final MonthEnd monthEnd = new MonthEnd(system);

    @Test
    void an_entrys_amount_is_one_figure_in_every_service_and_document() throws Exception {
        Random random = new Random(SEED);
        for (String currency : List.of("EUR", "CHF", "JPY")) {
            int minor = java.util.Currency.getInstance(currency).getDefaultFractionDigits();
            var customer = monthEnd.customer(currency);
            // the ties first: 0.5 h at 133.33 is 66.665 (66.67 half up, 66.66 half even); 0.5 h at JPY 9,997 is 4,998.5
            List<BigDecimal> rates = new ArrayList<>(List.of(new BigDecimal(minor == 0 ? "9997" : "133.33")));
            for (int i = 0; i < 3; i++) rates.add(BigDecimal.valueOf(1 + random.nextInt(2_500_00), 2).setScale(minor == 0 ? 0 : 2, RoundingMode.DOWN));
            Map<String, BigDecimal> expected = new LinkedHashMap<>();
            Map<String, String> pdfRow = new LinkedHashMap<>();
            for (BigDecimal rate : rates) {
                String resource = MonthEnd.id(Http.post(url(Service.TIMESHEET) + "/resources", """
                        {"name":"Rate %s","role":"Senior","defaultRate":%s}""".formatted(rate, rate.toPlainString())));
                List<BigDecimal> hours = new ArrayList<>(List.of(new BigDecimal("0.5")));
                for (int i = 0; i < 2; i++) hours.add(BigDecimal.valueOf(1 + random.nextInt(40), 2).multiply(BigDecimal.valueOf(25)).stripTrailingZeros());
                for (int d = 0; d < hours.size(); d++) {
                    String entry = MonthEnd.id(Http.post(url(Service.TIMESHEET) + "/time-entries", """
                            {"projectId":"%s","resourceId":"%s","date":"%s","hours":%s,"task":"Build"}"""
                            .formatted(customer.projectId(), resource, october.plusDays(d), hours.get(d).toPlainString())));
                    expected.put(entry, hours.get(d).multiply(rate).setScale(minor, RoundingMode.HALF_UP));
                    pdfRow.put(entry, printed(hours.get(d), 2) + " h " + printed(rate, Math.max(2, rate.stripTrailingZeros().scale())) + " "
                            + printed(expected.get(entry), minor));
                }
            }
            List<String> ids = List.copyOf(expected.keySet());
            monthEnd.transition("submissions", ids);
            monthEnd.transition("approvals", ids);
            await().atMost(soon).until(() -> monthEnd.unbilledCount(customer) == ids.size());

            for (String entry : ids) {
                assertAmount(currency + " timesheet " + entry, Http.get(url(Service.TIMESHEET) + "/time-entries/" + entry).body(), "$.amount",
                        expected.get(entry));
            }
            String pool = Http.get(url(Service.BILLING) + "/customers/" + customer.id() + "/unbilled-entries").body();
            String review = monthEnd.review(customer, null, null);
            String reviewed = Http.get(url(Service.BILLING) + "/reviews/" + review).body();
            for (String entry : ids) {
                assertAmount(currency + " pool", pool, "$.entries[?(@.entryId=='" + entry + "')].amount", expected.get(entry));
                assertAmount(currency + " review", reviewed, "$.entries[?(@.entryId=='" + entry + "')].amount", expected.get(entry));
            }

            String preview = Http.get(url(Service.BILLING) + "/reviews/" + review + "/preview").body();
            assertAmount(currency + " preview net", preview, "$.summary.subtotal", expectedSum(expected));
            String invoiceId = monthEnd.issuedInvoice(review);
            String invoice = Http.get(url(Service.INVOICE) + "/invoices/" + invoiceId).body();
            BigDecimal subtotal = BigDecimal.ZERO;
            for (String entry : ids) {
                assertAmount(currency + " invoice line", invoice, "$.lines[?(@.entryIds[0]=='" + entry + "')].amount", expected.get(entry));
                subtotal = subtotal.add(expected.get(entry));
            }
            assertAmount(currency + " subtotal", invoice, "$.subtotal", subtotal);
            String pdf = pdfText(Http.bytes(url(Service.INVOICE) + "/invoices/" + invoiceId + "/pdf"));
            for (String entry : ids) {
                assertThat(pdf).as(currency + " PDF line of " + entry).contains(pdfRow.get(entry));
            }
            assertThat(pdf).as(currency + " PDF subtotal").contains("Subtotal " + currency + " " + printed(subtotal, minor));
            assertThat(Http.send("PUT", url(Service.INVOICE) + "/customers/" + customer.id() + "/e-invoicing", """
                    {"scheme":"EM","address":"ap@customer.example"}""", List.of()).status()).isEqualTo(200);
            String xml = Http.get(url(Service.INVOICE) + "/invoices/" + invoiceId + "/xrechnung").body();
            assertThat(xml).as(currency + " e-invoice net total").contains(">" + subtotal.setScale(2).toPlainString() + "<");
            await().atMost(soon).untilAsserted(() -> assertAmount(currency + " realisation billed", realisation(customer), "$.billed.amount",
                    expectedSum(expected)));
        }
    }

    @Test
    void the_realisation_report_reconciles_with_the_invoices_and_credit_notes_of_a_month_with_a_void() throws Exception {
        var customer = monthEnd.customer("CHF");
        String resource = MonthEnd.id(Http.post(url(Service.TIMESHEET) + "/resources", """
                {"name":"Tie","role":"Senior","defaultRate":133.33}"""));
        List<String> entries = new ArrayList<>();
        for (int d = 0; d < 3; d++) {
            entries.add(MonthEnd.id(Http.post(url(Service.TIMESHEET) + "/time-entries", """
                    {"projectId":"%s","resourceId":"%s","date":"%s","hours":%s,"task":"Build"}"""
                    .formatted(customer.projectId(), resource, october.plusDays(d), d == 0 ? "0.5" : "7.25"))));
        }
        monthEnd.transition("submissions", entries);
        monthEnd.transition("approvals", entries);
        await().atMost(soon).until(() -> monthEnd.unbilledCount(customer) == 3);
        String first = monthEnd.issuedInvoice(monthEnd.review(customer, null, null));
        assertThat(Http.post(url(Service.INVOICE) + "/invoices/" + first + "/voiding", """
                {"reason":"rate agreed after issue","entries":"RETURN_TO_POOL"}""").status()).isEqualTo(201);
        await().atMost(soon).until(() -> monthEnd.unbilledCount(customer) == 3);
        String second = monthEnd.issuedInvoice(monthEnd.review(customer, null, null));

        BigDecimal net = new BigDecimal(JsonPath.<Object>read(Http.get(url(Service.INVOICE) + "/invoices/" + second).body(), "$.subtotal").toString());
        assertThat(net).isEqualByComparingTo("1999.95"); // 66.67 + 966.64 + 966.64, each line rounded once
        String report = Http.get(url(Service.INVOICE) + "/reports/billing?issuedFrom=" + org.hourbill.testsupport.TestClock.today()
                + "&issuedTo=" + org.hourbill.testsupport.TestClock.today()).body();
        List<Object> rows = JsonPath.read(report, "$[?(@.projectId=='" + customer.projectId() + "')]");
        assertThat(rows).hasSize(1);
        assertAmount("billed less credited", report, "$[?(@.projectId=='" + customer.projectId() + "')].net", net);
        assertAmount("realisation billed", realisation(customer), "$.billed.amount", net);
    }

    /** As the PDF prints an amount: grouped thousands, the currency's decimals. */
    private static String printed(BigDecimal amount, int minor) {
        var format = new java.text.DecimalFormat("#,##0", java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ENGLISH));
        format.setMinimumFractionDigits(minor);
        format.setMaximumFractionDigits(minor);
        return format.format(amount);
    }

    private static String pdfText(byte[] pdf) throws Exception {
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("[ \\t]+", " ");
        }
    }

    private static BigDecimal expectedSum(Map<String, BigDecimal> amounts) {
        return amounts.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static void assertAmount(String where, String json, String path, BigDecimal expected) {
        Object found = JsonPath.read(json, path);
        if (found instanceof List<?> list) {
            assertThat(list).as(where + " " + path).hasSize(1);
            found = list.getFirst();
        }
        assertThat(new BigDecimal(String.valueOf(found))).as(where + " " + path).isEqualByComparingTo(expected);
    }

    private String realisation(MonthEnd.Customer customer) throws Exception {
        return Http.get(url(Service.BILLING) + "/customers/" + customer.id() + "/realisation").body();
    }

    private String url(Service service) {
        return monthEnd.url(service);
    }
}
