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
 * After Generate & Issue, across the real services: an invoice is sent, paid in parts through payment-service and
 * becomes Paid in invoice-service; a voided invoice gives back exactly its hours to the frame order and its
 * entries to billing.
 */
class InvoiceLifecycleSystemTest {
    @RegisterExtension
    static final RunningSystem system = RunningSystem.get();
    static final LocalDate october = LocalDate.of(2026, 10, 1);
    static final Duration soon = Duration.ofSeconds(30);

    final MonthEnd monthEnd = new MonthEnd(system);

    @Test
    void one_invoice_is_issued_sent_paid_in_two_parts_and_becomes_paid_everywhere() throws Exception {
        var customer = monthEnd.customer("EUR");
        monthEnd.approvedEntries(customer, october, 3, "8");
        String invoiceId = issue(customer, null);
        String invoice = Http.get(invoices() + "/" + invoiceId).body();
        assertThat(JsonPath.<Double>read(invoice, "$.total")).isEqualTo(2880.0);

        Http.Response sent = Http.as("billing.lead", List.of("billing_clerk"), "POST", invoices() + "/" + invoiceId + "/sending", """
                {"sentOn":"%s","mode":"PORTAL"}""".formatted(JsonPath.<String>read(invoice, "$.issueDate")));
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);

        await().atMost(soon).until(() -> Http.get(monthEnd.url(Service.PAYMENT) + "/receivables/" + invoiceId).status() == 200);
        assertThat(pay(invoiceId, "1000.00").status()).isEqualTo(201);
        await().atMost(soon).untilAsserted(() -> {
            String now = Http.get(invoices() + "/" + invoiceId).body();
            assertThat(JsonPath.<Double>read(now, "$.amountPaid")).isEqualTo(1000.0);
            assertThat(JsonPath.<Double>read(now, "$.amountOpen")).isEqualTo(1880.0);
            assertThat(JsonPath.<String>read(now, "$.status")).isEqualTo("SENT");
        });
        Http.Response refused = Http.post(invoices() + "/" + invoiceId + "/voiding", """
                {"reason":"wrong","entries":"RETURN_TO_POOL"}""");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("reverse them in payment-service before voiding it");

        assertThat(pay(invoiceId, "1880.00").status()).isEqualTo(201);
        await().atMost(soon).untilAsserted(() -> assertThat(JsonPath.<String>read(Http.get(invoices() + "/" + invoiceId).body(),
                "$.status")).isEqualTo("PAID"));
        String history = Http.get(invoices() + "/" + invoiceId + "/history").body();
        assertThat(JsonPath.<List<String>>read(history, "$[*].to")).containsExactly("ISSUED", "SENT", "PAID");
        assertThat(JsonPath.<List<String>>read(history, "$[*].by")).containsExactly("invoice-service", "billing.lead", "payment-service");
    }

    @Test
    void voiding_after_the_draw_down_returns_exactly_the_hours_to_the_frame_order_and_the_entries_to_billing() throws Exception {
        var customer = monthEnd.customer("EUR");
        List<String> entries = monthEnd.approvedEntries(customer, october, 3, "8");
        String frameOrder = monthEnd.frameOrder(customer, "PO-V", "100", "2026-01-01", "2026-12-31");
        String first = issue(customer, frameOrder);
        await().atMost(soon).untilAsserted(() -> assertThat(remaining(frameOrder)).isEqualTo(76.0));
        assertThat(monthEnd.unbilledCount(customer)).isZero();

        Http.Response voided = Http.post(invoices() + "/" + first + "/voiding", """
                {"reason":"wrong rate","entries":"RETURN_TO_POOL"}""");
        assertThat(voided.status()).as(voided.body()).isEqualTo(201);
        assertThat(JsonPath.<Double>read(voided.body(), "$.total")).isEqualTo(-2880.0);
        await().atMost(soon).untilAsserted(() -> {
            assertThat(remaining(frameOrder)).isEqualTo(100.0);
            assertThat(monthEnd.unbilledCount(customer)).isEqualTo(3);
        });
        await().atMost(soon).until(() -> JsonPath.<String>read(Http.get(monthEnd.url(Service.PAYMENT) + "/receivables/" + first)
                .body(), "$.status").equals("VOID"));

        String second = issue(customer, frameOrder);
        String secondInvoice = Http.get(invoices() + "/" + second).body();
        assertThat(JsonPath.<List<String>>read(secondInvoice, "$.lines[*].entryIds[0]")).containsExactlyInAnyOrderElementsOf(entries);
        await().atMost(soon).untilAsserted(() -> assertThat(remaining(frameOrder)).isEqualTo(76.0));

        assertThat(Http.post(invoices() + "/" + second + "/voiding", """
                {"reason":"client insolvent","entries":"WRITE_OFF"}""").status()).isEqualTo(201);
        await().atMost(soon).untilAsserted(() -> {
            assertThat(remaining(frameOrder)).isEqualTo(100.0);
            String realisation = Http.get(monthEnd.url(Service.BILLING) + "/customers/" + customer.id() + "/realisation").body();
            assertThat(JsonPath.<Number>read(realisation, "$.writtenOff.hours").doubleValue()).isEqualTo(24.0);
            assertThat(JsonPath.<Number>read(realisation, "$.billed.hours").doubleValue()).isZero();
        });
        assertThat(monthEnd.unbilledCount(customer)).isZero();
        String utilization = monthEnd.frameOrderUtilization(frameOrder);
        assertThat(JsonPath.<List<String>>read(utilization, "$.drawDowns[*].status")).containsOnly("REVERSED");
    }

    /** Reviews everything, bills all, links the frame order if given, generates, and returns the invoice id. */
    private String issue(MonthEnd.Customer customer, String frameOrder) throws Exception {
        String review = monthEnd.review(customer, null, null);
        assertThat(monthEnd.options(review, frameOrder).status()).isEqualTo(200);
        Http.Response accepted = monthEnd.generate(review);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        String run = monthEnd.finishedRun(JsonPath.read(accepted.body(), "$.id"), Duration.ofSeconds(90));
        assertThat(JsonPath.<String>read(run, "$.step")).as(run).isEqualTo("COMPLETED");
        return JsonPath.read(monthEnd.invoiceByNumber(JsonPath.read(run, "$.invoiceNumber")), "$.id");
    }

    private Http.Response pay(String invoiceId, String amount) throws Exception {
        return monthEnd.pay(invoiceId, amount);
    }

    private double remaining(String frameOrder) throws Exception {
        return JsonPath.<Number>read(monthEnd.frameOrderUtilization(frameOrder), "$.frameOrder.remainingHours").doubleValue();
    }

    private String invoices() {
        return monthEnd.url(Service.INVOICE) + "/invoices";
    }
}
