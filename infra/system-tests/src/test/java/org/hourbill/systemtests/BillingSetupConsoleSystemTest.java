package org.hourbill.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hourbill.localstack.Service;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.jayway.jsonpath.JsonPath;

/**
 * Every billing type set up in the console and issued from it, by a finance user who never sees the API (the browser
 * script is {@code browser/billing-setup.e2e.mjs}): only the customer, its projects and their approved hours are
 * prepared here. What the browser issued is then read back from invoice-service.
 */
class BillingSetupConsoleSystemTest {
    @RegisterExtension
    static final RunningSystem system = RunningSystem.get();

    final MonthEnd monthEnd = new MonthEnd(system);

    @Test
    void every_billing_type_is_set_up_and_issued_in_the_console_and_a_review_is_done_with_the_keyboard_alone() throws Exception {
        LocalDate october = LocalDate.of(2026, 10, 1);
        var customer = monthEnd.customer("EUR");
        monthEnd.project(customer, "FIXED_PRICE");
        String capped = monthEnd.project(customer, "CAPPED_TIME_AND_MATERIALS");
        // billed on hours when created; the console makes it a manual project (no hours of it are approved)
        Http.post(monthEnd.url(Service.TIMESHEET) + "/projects", """
                {"customerId":"%s","code":"TRAIN-%s","name":"Training","billingType":"TIME_AND_MATERIALS"}"""
                .formatted(customer.id(), customer.id().substring(0, 6)));
        monthEnd.approvedEntries(customer, capped, october, 3, "8");
        monthEnd.approvedEntries(customer, customer.projectId(), october, 3, "8");
        String item = "Workshop " + UUID.randomUUID().toString().substring(0, 8);
        var keyboard = monthEnd.customer("EUR");
        monthEnd.approvedEntries(keyboard, october, 3, "8");

        String output = BrowserScript.run("billing-setup.e2e.mjs", 5, Map.of(
                "CUSTOMER_NAME", customer.name(),
                "FIXED_PROJECT", "FIXED_PRICE work",
                "CAPPED_PROJECT", "CAPPED_TIME_AND_MATERIALS work",
                "HOURLY_PROJECT", "Delivery",
                "MANUAL_PROJECT", "Training",
                "CATALOG_ITEM", item,
                "KEYBOARD_CUSTOMER_NAME", keyboard.name()));

        // net amounts as set up in the browser, 20 % tax
        assertIssued(output, "fixed", "FIXED_PRICE", List.of("TERM"), 5400.0);  // the term, changed from 4,000 to 4,500
        assertIssued(output, "capped", "CAPPED_TIME_AND_MATERIALS", List.of("TIME", "TIME", "TIME"), 2400.0); // 2,400 of work, cap 2,000
        assertIssued(output, "hourly", "TIME_AND_MATERIALS", List.of("ACTIVITY"), 2700.0); // 3 days at 750
        assertIssued(output, "manual", "MANUAL", List.of("MANUAL"), 3000.0); // 2 days at the changed 1,250
        // keyboard only: one of three entries deferred, two billed at 100 an hour
        String typed = monthEnd.invoiceByNumber(BrowserScript.issued(output, "keyboard"));
        assertThat(JsonPath.<Double>read(typed, "$.total")).isEqualTo(1920.0);
        await().atMost(Duration.ofSeconds(30)).until(() -> monthEnd.unbilledCount(keyboard) == 1);
        String manual = monthEnd.invoiceByNumber(BrowserScript.issued(output, "manual"));
        assertThat(JsonPath.<List<String>>read(manual, "$.lines[*].description")).containsExactly(item);
    }

    private void assertIssued(String output, String key, String billingType, List<String> kinds, double total) throws Exception {
        String invoice = monthEnd.invoiceByNumber(BrowserScript.issued(output, key));
        assertThat(JsonPath.<String>read(invoice, "$.bill.billingType")).as(key).isEqualTo(billingType);
        assertThat(JsonPath.<List<String>>read(invoice, "$.lines[*].kind")).as(key).containsExactlyElementsOf(kinds);
        assertThat(JsonPath.<Double>read(invoice, "$.total")).as(key).isEqualTo(total);
    }
}
