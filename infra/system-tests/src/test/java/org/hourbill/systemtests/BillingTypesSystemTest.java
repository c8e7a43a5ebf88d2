package org.hourbill.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.hourbill.localstack.Service;
import org.hourbill.testsupport.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.jayway.jsonpath.JsonPath;

/**
 * A bill of each billing type, across the real services, from review to paid: a fixed-price term, time and
 * materials in days at an activity price, a capped project billed up to its cap, a manual bill from the catalog;
 * a not-billed project refused; the billing report counting issued invoices only.
 */
class BillingTypesSystemTest {
    @RegisterExtension
    static final RunningSystem system = RunningSystem.get();
    static final LocalDate october = LocalDate.of(2026, 10, 1);
    static final Duration soon = Duration.ofSeconds(30);

    final MonthEnd monthEnd = new MonthEnd(system);

    @Test
    void a_fixed_price_term_is_billed_once_with_percent_of_order_and_paid() throws Exception {
        var customer = monthEnd.customer("EUR");
        String project = monthEnd.project(customer, "FIXED_PRICE");
        assertThat(send("PUT", billing() + "/projects/" + project + "/billing", "{\"orderAmount\":10000.00}").status()).isEqualTo(200);
        String term = JsonPath.read(ok(Http.post(billing() + "/projects/" + project + "/terms", """
                {"name":"Term 1: kick-off","amount":4000.00,"date":"2026-10-31"}""")), "$.term.id");
        String review = review(customer, project);
        ok(Http.post(billing() + "/reviews/" + review + "/lines", "{\"kind\":\"TERM\",\"termId\":\"%s\"}".formatted(term)));
        // a draft of the next term: it counts in no report until it is issued
        String next = JsonPath.read(ok(Http.post(billing() + "/projects/" + project + "/terms", """
                {"name":"Term 2: go-live","amount":6000.00,"date":"2026-12-31"}""")), "$.term.id");
        ok(Http.post(billing() + "/reviews/" + review(customer, project) + "/lines", "{\"kind\":\"TERM\",\"termId\":\"%s\"}".formatted(next)));

        String invoice = issue(review);
        assertThat(JsonPath.<List<String>>read(invoice, "$.lines[*].kind")).containsExactly("TERM");
        assertThat(JsonPath.<Double>read(invoice, "$.total")).isEqualTo(4800.0);
        assertThat(JsonPath.<Double>read(invoice, "$.percentOfOrder")).isEqualTo(40.0);
        assertThat(JsonPath.<String>read(invoice, "$.bill.billingType")).isEqualTo("FIXED_PRICE");
        String number = JsonPath.read(invoice, "$.number");
        await().atMost(soon).untilAsserted(() -> assertThat(Http.get(billing() + "/projects/" + project + "/terms").body())
                .contains("\"state\":\"BILLED\",\"invoiceNumber\":\"" + number + "\""));
        Http.Response again = Http.post(billing() + "/reviews/" + review(customer, project) + "/lines",
                "{\"kind\":\"TERM\",\"termId\":\"%s\"}".formatted(term));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("a term is billed once");
        assertThat(Http.get(invoices() + "/" + JsonPath.read(invoice, "$.id") + "/factur-x").status()).isEqualTo(200);

        String report = Http.get(monthEnd.url(Service.INVOICE) + "/reports/billing?issuedFrom=" + TestClock.today() + "&issuedTo="
                + TestClock.today()).body();
        assertThat(JsonPath.<List<Double>>read(report, "$[?(@.projectId == '" + project + "')].billed")).containsExactly(4000.0);
        paid(invoice);
    }

    @Test
    void time_and_materials_days_at_an_activity_price_are_billed_and_paid() throws Exception {
        var customer = monthEnd.customer("EUR");
        String project = monthEnd.project(customer, "TIME_AND_MATERIALS");
        List<String> entries = monthEnd.approvedEntries(customer, project, october, 3, "8");
        ok(send("PUT", billing() + "/projects/" + project + "/activity-prices", "{\"activityType\":\"Consulting\",\"dailyPrice\":750.00}"));
        String review = review(customer, project);
        ok(Http.post(billing() + "/reviews/" + review + "/lines", """
                {"kind":"ACTIVITY","resourceId":"%s","activityType":"Consulting","from":"2026-10-01","to":"2026-10-31"}"""
                .formatted(customer.resourceId())));
        String invoice = issue(review);
        assertThat(JsonPath.<List<String>>read(invoice, "$.lines[*].kind")).containsExactly("ACTIVITY");
        assertThat(JsonPath.<List<String>>read(invoice, "$.lines[0].entryIds")).containsExactlyInAnyOrderElementsOf(entries);
        assertThat(JsonPath.<String>read(invoice, "$.lines[0].unit")).isEqualTo("DAY");
        assertThat(JsonPath.<Double>read(invoice, "$.total")).isEqualTo(2700.0);
        await().atMost(soon).untilAsserted(() -> assertThat(entries).allSatisfy(e -> assertThat(monthEnd.entryStatus(e)).isEqualTo("BILLED")));
        paid(invoice);
    }

    @Test
    void a_capped_project_is_billed_up_to_its_cap_the_rest_written_off_as_cap_and_paid() throws Exception {
        var customer = monthEnd.customer("EUR");
        String project = monthEnd.project(customer, "CAPPED_TIME_AND_MATERIALS");
        monthEnd.approvedEntries(customer, project, october, 3, "8");
        ok(send("PUT", billing() + "/projects/" + project + "/billing", "{\"validatedWorkAmount\":2000.00}"));
        String review = review(customer, project);
        String preview = Http.get(billing() + "/reviews/" + review + "/preview").body();
        assertThat(JsonPath.<Double>read(preview, "$.caps[0].leftBefore")).isEqualTo(2000.0);
        assertThat(JsonPath.<Double>read(preview, "$.summary.hoursCapped")).isEqualTo(4.0);
        assertThat(JsonPath.<Double>read(preview, "$.summary.subtotal")).isEqualTo(2000.0);

        String invoice = issue(review);
        assertThat(JsonPath.<Double>read(invoice, "$.subtotal")).isEqualTo(2000.0);
        assertThat(JsonPath.<Double>read(invoice, "$.totalHours")).isEqualTo(20.0);
        assertThat(JsonPath.<List<String>>read(invoice, "$.lines[*].detail")).contains("capped: 4.00 of 8.00 h billed, the rest is beyond the project's cap");
        await().atMost(soon).untilAsserted(() -> {
            String realisation = Http.get(billing() + "/customers/" + customer.id() + "/realisation").body();
            assertThat(JsonPath.<Double>read(realisation, "$.writtenOff.hours")).isEqualTo(4.0);
            assertThat(JsonPath.<Double>read(realisation, "$.billed.hours")).isEqualTo(20.0);
            assertThat(JsonPath.<Double>read(realisation, "$.worked.hours")).isEqualTo(24.0);
        });
        assertThat(JsonPath.<Double>read(Http.get(billing() + "/projects/" + project + "/billing").body(), "$.capLeft")).isEqualTo(0.0);
        paid(invoice);
    }

    @Test
    void a_manual_bill_from_the_catalog_with_an_amendment_is_paid_and_a_not_billed_project_has_no_bill() throws Exception {
        var customer = monthEnd.customer("EUR");
        String project = monthEnd.project(customer, "MANUAL");
        String item = JsonPath.read(ok(Http.post(billing() + "/catalog", """
                {"name":"Workshop %s","type":"SERVICE","description":"On-site workshop","unitPrice":1200.00,"unit":"DAY"}"""
                .formatted(UUID.randomUUID()))), "$.id");
        String review = review(customer, project);
        ok(Http.post(billing() + "/reviews/" + review + "/lines", "{\"kind\":\"MANUAL\",\"catalogItemId\":\"%s\",\"quantity\":2}".formatted(item)));
        ok(Http.post(billing() + "/reviews/" + review + "/lines", """
                {"kind":"MANUAL","description":"Travel billed twice in September","quantity":-1,"unitPrice":100.00,"amendment":true}"""));
        String invoice = issue(review);
        assertThat(JsonPath.<List<Boolean>>read(invoice, "$.lines[*].amendment")).containsExactly(false, true);
        assertThat(JsonPath.<Double>read(invoice, "$.total")).isEqualTo(2760.0);
        paid(invoice);

        String internal = monthEnd.project(customer, "NOT_BILLED");
        Http.Response refused = Http.post(billing() + "/reviews", "{\"customerId\":\"%s\",\"projectId\":\"%s\"}".formatted(customer.id(), internal));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("\"field\":\"projectId\"", "is not billed");
    }

    private String review(MonthEnd.Customer customer, String project) throws Exception {
        return MonthEnd.id(Http.post(billing() + "/reviews", "{\"customerId\":\"%s\",\"projectId\":\"%s\"}".formatted(customer.id(), project)));
    }

    /** Generate & Issue, waited for; returns the issued invoice as invoice-service shows it. */
    private String issue(String review) throws Exception {
        Http.Response accepted = monthEnd.generate(review);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        String run = monthEnd.finishedRun(JsonPath.read(accepted.body(), "$.id"), Duration.ofSeconds(90));
        assertThat(JsonPath.<String>read(run, "$.step")).as(run).isEqualTo("COMPLETED");
        return monthEnd.invoiceByNumber(JsonPath.read(run, "$.invoiceNumber"));
    }

    /** Pays the invoice's total through payment-service and waits until invoice-service shows it Paid. */
    private void paid(String invoice) throws Exception {
        String id = JsonPath.read(invoice, "$.id");
        await().atMost(soon).until(() -> Http.get(monthEnd.url(Service.PAYMENT) + "/receivables/" + id).status() == 200);
        Http.Response payment = monthEnd.pay(id, JsonPath.<Number>read(invoice, "$.total").toString());
        assertThat(payment.status()).as(payment.body()).isEqualTo(201);
        await().atMost(soon).untilAsserted(() -> assertThat(JsonPath.<String>read(Http.get(invoices() + "/" + id).body(), "$.status"))
                .isEqualTo("PAID"));
    }

    private static Http.Response send(String method, String url, String body) throws Exception {
        return Http.send(method, url, body, List.of());
    }

    private static String ok(Http.Response response) {
        assertThat(response.status()).as(response.body()).isBetween(200, 299);
        return response.body();
    }

    private String billing() {
        return monthEnd.url(Service.BILLING);
    }

    private String invoices() {
        return monthEnd.url(Service.INVOICE) + "/invoices";
    }
}
