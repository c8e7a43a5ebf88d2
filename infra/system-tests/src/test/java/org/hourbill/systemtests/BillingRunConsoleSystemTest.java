package org.hourbill.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.jayway.jsonpath.JsonPath;

/**
 * A billing run over a handful of customers, in the console (the browser script is {@code browser/billing-run.e2e.mjs}):
 * one customer held (two frame orders fit), one failing on its frame order (closed by a colleague after the preview),
 * two issued. What the browser issued is then read back from invoice- and frame-order-service.
 */
class BillingRunConsoleSystemTest {
    @RegisterExtension
    static final RunningSystem system = RunningSystem.get();

    final MonthEnd monthEnd = new MonthEnd(system);

    @Test
    void a_run_issues_every_customer_it_can_holds_one_fails_one_alone_and_reports_it() throws Exception {
        LocalDate october = LocalDate.of(2026, 10, 5);
        var ok = monthEnd.customer("EUR");
        var closed = monthEnd.customer("EUR");
        var plain = monthEnd.customer("EUR");
        var held = monthEnd.customer("EUR");
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String okOrder = monthEnd.frameOrder(ok, "PO-OK-" + tag, "100", "2026-01-01", "2026-12-31");
        String closedOrder = monthEnd.frameOrder(closed, "PO-CL-" + tag, "100", "2026-01-01", "2026-12-31");
        monthEnd.frameOrder(held, "PO-H1-" + tag, "100", "2026-01-01", "2026-12-31");
        monthEnd.frameOrder(held, "PO-H2-" + tag, "100", "2026-10-01", "2026-10-31");
        for (var customer : new MonthEnd.Customer[] { ok, closed, plain, held }) monthEnd.approvedEntries(customer, october, 3, "8");

        String output = BrowserScript.run("billing-run.e2e.mjs", 3, Map.of(
                "OK_CUSTOMER", ok.name(), "CLOSED_CUSTOMER", closed.name(), "PLAIN_CUSTOMER", plain.name(),
                "HELD_CUSTOMER", held.name(), "CLOSED_PO", "PO-CL-" + tag));

        for (String key : new String[] { "ok", "plain" }) {
            String invoice = monthEnd.invoiceByNumber(BrowserScript.issued(output, key));
            assertThat(JsonPath.<Double>read(invoice, "$.total")).as(key).isEqualTo(2880.0);
            assertThat(JsonPath.<Integer>read(invoice, "$.paymentTermsDays")).as(key).isEqualTo(21);
        }
        assertThat(JsonPath.<Double>read(monthEnd.frameOrderUtilization(okOrder), "$.frameOrder.billedHours")).isEqualTo(24.0);
        assertThat(JsonPath.<Double>read(monthEnd.frameOrderUtilization(closedOrder), "$.frameOrder.billedHours")).isEqualTo(0.0);
        // the failed and the held customer's hours wait in the pool for a person; the issued ones are billed
        await().atMost(Duration.ofSeconds(30)).until(() -> monthEnd.unbilledCount(closed) == 3 && monthEnd.unbilledCount(held) == 3
                && monthEnd.unbilledCount(ok) == 0 && monthEnd.unbilledCount(plain) == 0);
    }
}
