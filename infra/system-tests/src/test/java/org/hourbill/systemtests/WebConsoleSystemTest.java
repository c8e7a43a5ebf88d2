package org.hourbill.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.hourbill.localstack.Service;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.jayway.jsonpath.JsonPath;

/**
 * The web console in a real browser: Playwright (playwright-core from npm) drives Debian's Chromium through the
 * gateway of the running system, signing in at the real provider. The browser script is {@code browser/month-end.e2e.mjs};
 * this test prepares the data over the API, runs it, and checks the outcome over the API once more. Screenshots of
 * each step are kept in {@code target/console-screenshots/month-end}.
 */
class WebConsoleSystemTest {
    @RegisterExtension
    static final RunningSystem system = RunningSystem.get();

    final MonthEnd monthEnd = new MonthEnd(system);

    @Test
    void month_end_in_the_browser_sign_in_approve_review_issue_draw_down_pay_and_a_frame_order_too_small() throws Exception {
        LocalDate october = LocalDate.of(2026, 10, 1);
        var customer = monthEnd.customer("EUR");
        monthEnd.submittedEntries(customer, customer.projectId(), october, 5, "8");
        monthEnd.submittedEntries(customer, customer.projectId(), october.plusDays(19), 1, "8"); // to be rejected
        String po = "PO-WEB-" + customer.id().substring(0, 6);
        String frameOrder = monthEnd.frameOrder(customer, po, "100", "2026-01-01", "2026-12-31");
        var small = monthEnd.customer("EUR");
        monthEnd.approvedEntries(small, october, 3, "8");
        String smallPo = "PO-SMALL-" + small.id().substring(0, 6);
        monthEnd.frameOrder(small, smallPo, "10", "2026-01-01", "2026-12-31");
        var voiding = monthEnd.customer("EUR");
        monthEnd.approvedEntries(voiding, october, 2, "8");
        String voidRun = monthEnd.finishedRun(JsonPath.read(monthEnd.generate(monthEnd.review(voiding, null, null)).body(), "$.id"),
                Duration.ofSeconds(90));
        String toVoid = JsonPath.read(voidRun, "$.invoiceNumber");

        BrowserScript.run("month-end.e2e.mjs", 5, Map.of(
                "CUSTOMER_NAME", customer.name(),
                "FRAME_ORDER_PO", po,
                "SUBMITTED_ENTRIES", "5",
                "SMALL_CUSTOMER_NAME", small.name(),
                "SMALL_FRAME_ORDER_PO", smallPo,
                "SMALL_CUSTOMER_ENTRIES", "3",
                "VOID_CUSTOMER_NAME", voiding.name(),
                "VOID_INVOICE_NUMBER", toVoid));

        // what the browser showed is what the services hold
        String invoices = Http.get(monthEnd.url(Service.INVOICE) + "/invoices?customerId=" + customer.id()).body();
        assertThat(JsonPath.<List<String>>read(invoices, "$.items[*].status")).containsExactly("PAID");
        assertThat(JsonPath.<Double>read(invoices, "$.items[0].total")).isEqualTo(2880.0); // 3 x 8 h x 100, 20 % tax
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                JsonPath.<Double>read(monthEnd.frameOrderUtilization(frameOrder), "$.frameOrder.billedHours")).isEqualTo(24.0));
        assertThat(monthEnd.unbilledCount(small)).isEqualTo(3);
        assertThat(JsonPath.<String>read(monthEnd.invoiceByNumber(toVoid), "$.status")).isEqualTo("VOID");
        assertThat(Http.get(monthEnd.url(Service.INVOICE) + "/invoices?customerId=" + small.id()).body()).contains("\"totalItems\":0");
        try (var shots = Files.list(BrowserScript.screenshots("month-end.e2e.mjs"))) {
            assertThat(shots.filter(p -> p.toString().endsWith(".png")).count()).isEqualTo(21); // one per step, each checked with axe-core and at 1280 px
        }
    }
}
