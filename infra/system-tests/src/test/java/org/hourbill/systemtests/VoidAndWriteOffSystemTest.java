package org.hourbill.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.hourbill.localstack.Service;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.jayway.jsonpath.JsonPath;

/**
 * No entry ends where nothing can move it, across the real services: a void with the entries returned to the pool
 * makes them correctable in timesheets and billable anew; a write-off locks them in timesheets too, and finance can
 * reverse it; a review that bills nothing closes without an invoice.
 */
class VoidAndWriteOffSystemTest {
    @RegisterExtension
    static final RunningSystem system = RunningSystem.get();
    static final LocalDate october = LocalDate.of(2026, 10, 1);
    static final Duration soon = Duration.ofSeconds(30);

    final MonthEnd monthEnd = new MonthEnd(system);

    @Test
    void wrong_hours_are_corrected_by_voiding_reopening_and_billing_again() throws Exception {
        var customer = monthEnd.customer("EUR");
        List<String> entries = monthEnd.approvedEntries(customer, october, 2, "8");
        String first = monthEnd.issuedInvoice(monthEnd.review(customer, null, null));
        await().atMost(soon).until(() -> monthEnd.entryStatus(entries.get(0)).equals("BILLED"));
        assertThat(reopen(entries.get(0)).status()).isEqualTo(409);

        Http.Response voided = Http.post(invoices() + "/" + first + "/voiding", """
                {"reason":"8 h booked instead of 6","entries":"RETURN_TO_POOL"}""");
        assertThat(voided.status()).as(voided.body()).isEqualTo(201);
        await().atMost(soon).until(() -> monthEnd.entryStatus(entries.get(0)).equals("APPROVED"));

        assertThat(reopen(entries.get(0)).status()).isEqualTo(200);
        await().atMost(soon).until(() -> monthEnd.unbilledCount(customer) == 1);
        Http.Response corrected = Http.send("PUT", url(Service.TIMESHEET) + "/time-entries/" + entries.get(0), """
                {"projectId":"%s","resourceId":"%s","date":"%s","hours":6,"task":"Build"}""".formatted(customer.projectId(),
                customer.resourceId(), october), List.of());
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
        monthEnd.transition("submissions", List.of(entries.get(0)));
        monthEnd.transition("approvals", List.of(entries.get(0)));
        await().atMost(soon).until(() -> monthEnd.unbilledCount(customer) == 2);

        String second = Http.get(invoices() + "/" + monthEnd.issuedInvoice(monthEnd.review(customer, null, null))).body();
        assertThat(JsonPath.<Number>read(second, "$.totalHours").doubleValue()).isEqualTo(14.0);
        assertThat(JsonPath.<Number>read(second, "$.subtotal").doubleValue()).isEqualTo(1400.0);
        // the voided invoice keeps what it said when it was issued
        assertThat(JsonPath.<Number>read(Http.get(invoices() + "/" + first).body(), "$.totalHours").doubleValue()).isEqualTo(16.0);
        await().atMost(soon).until(() -> monthEnd.entryStatus(entries.get(0)).equals("BILLED"));

        // the corrected entry's history: the voided invoice, its credit note, and the invoice of the corrected hours
        String history = Http.get(url(Service.INVOICE) + "/time-entries/" + entries.get(0) + "/documents").body();
        assertThat(JsonPath.<List<String>>read(history, "$.documents[*].kind")).containsExactly("INVOICE", "CREDIT_NOTE", "INVOICE");
        assertThat(JsonPath.<List<Number>>read(history, "$.documents[*].quantity")).extracting(Number::doubleValue)
                .containsExactly(8.0, -8.0, 6.0);
        assertThat(JsonPath.<List<String>>read(history, "$.documents[*].status")).containsExactly("VOID", "ISSUED", "ISSUED");
    }

    @Test
    void a_review_that_writes_everything_off_closes_without_an_invoice_and_finance_can_reverse_it() throws Exception {
        var customer = monthEnd.customer("EUR");
        List<String> entries = monthEnd.approvedEntries(customer, october, 2, "4");
        String review = monthEnd.review(customer, null, null);
        Http.Response decided = Http.post(url(Service.BILLING) + "/reviews/" + review + "/decisions", """
                {"decisions":[{"entryId":"%s","decision":"WRITE_OFF","reason":"onboarding, not charged"},
                              {"entryId":"%s","decision":"DEFER"}]}""".formatted(entries.get(0), entries.get(1)));
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        assertThat(monthEnd.generate(review).status()).isEqualTo(409);

        Http.Response closed = Http.post(url(Service.BILLING) + "/reviews/" + review + "/closing", "");
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        assertThat(JsonPath.<String>read(closed.body(), "$.status")).isEqualTo("CLOSED");
        await().atMost(soon).until(() -> monthEnd.entryStatus(entries.get(0)).equals("WRITTEN_OFF"));
        assertThat(monthEnd.entryStatus(entries.get(1))).isEqualTo("APPROVED");
        assertThat(monthEnd.unbilledCount(customer)).isEqualTo(1);
        assertThat(realisation(customer, "writtenOff")).isEqualTo(400.0);
        Http.Response refused = reopen(entries.get(0));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("reverse the write-off first");

        String reversal = url(Service.BILLING) + "/customers/" + customer.id() + "/write-off-reversals";
        String body = """
                {"entryIds":["%s"],"reason":"customer agreed to pay onboarding"}""".formatted(entries.get(0));
        assertThat(Http.as("billing.lead", List.of("billing_clerk"), "POST", reversal, body).status()).isEqualTo(403);
        Http.Response reversed = Http.as("fin.controller", List.of("finance"), "POST", reversal, body);
        assertThat(reversed.status()).as(reversed.body()).isEqualTo(200);
        assertThat(Http.as("fin.controller", List.of("finance"), "POST", reversal, body).status()).isEqualTo(409);
        assertThat(realisation(customer, "writtenOff")).isZero();
        assertThat(monthEnd.unbilledCount(customer)).isEqualTo(2);
        await().atMost(soon).until(() -> monthEnd.entryStatus(entries.get(0)).equals("APPROVED"));
        assertThat(reopen(entries.get(0)).status()).isEqualTo(200);
    }

    private double realisation(MonthEnd.Customer customer, String figure) throws Exception {
        String report = Http.get(url(Service.BILLING) + "/customers/" + customer.id() + "/realisation").body();
        return JsonPath.<Number>read(report, "$." + figure + ".amount").doubleValue();
    }

    private Http.Response reopen(String entry) throws Exception {
        return Http.post(url(Service.TIMESHEET) + "/time-entries/reopenings", "{\"entryIds\":[\"" + entry + "\"]}");
    }

    private String url(Service service) {
        return monthEnd.url(service);
    }

    private String invoices() {
        return url(Service.INVOICE) + "/invoices";
    }
}
