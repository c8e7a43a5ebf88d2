package org.hourbill.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.hourbill.localstack.DemoData;
import org.hourbill.localstack.FrontDoor;
import org.hourbill.localstack.Service;
import org.hourbill.testsupport.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.jayway.jsonpath.JsonPath;

/**
 * The demo data of the first start, loaded into the running system as the launcher loads it: every demo customer is
 * invoiced at once in the console (browser script {@code browser/demo-customers.e2e.mjs}), one bill of each billing
 * type the demo holds: hourly work, a fixed-price term, hourly work under a cap, a manual bill from the catalog.
 */
class DemoDataSystemTest {
    @RegisterExtension
    static final RunningSystem system = RunningSystem.get();

    final MonthEnd monthEnd = new MonthEnd(system);

    @Test
    void every_demo_customer_is_invoiced_in_the_console_right_after_the_first_start() throws Exception {
        new DemoData(system::url, RunningSystem.frontDoorUrl(FrontDoor.AUTH_SERVER)).load(YearMonth.from(TestClock.today()).minusMonths(1));
        String customers = Http.get(monthEnd.url(Service.TIMESHEET) + "/customers").body();
        for (String name : List.of("Northwind Logistics GmbH", "Contoso Versicherungen AG")) {
            String pool = monthEnd.url(Service.BILLING) + "/customers/" + idOf(customers, name) + "/unbilled-entries";
            await().atMost(Duration.ofSeconds(30)).until(() -> !JsonPath.<List<Object>>read(Http.get(pool).body(), "$.entries").isEmpty());
        }

        String output = BrowserScript.run("demo-customers.e2e.mjs", 4, Map.of());

        assertThat(buyer(BrowserScript.issued(output, "northwindHours"))).isEqualTo("Northwind Logistics GmbH");
        String term = monthEnd.invoiceByNumber(BrowserScript.issued(output, "northwindTerm"));
        assertThat(JsonPath.<List<String>>read(term, "$.lines[*].description")).containsExactly("Term 1: pilot warehouse");
        assertThat(JsonPath.<Double>read(term, "$.subtotal")).isEqualTo(16000.0);
        assertThat(buyer(BrowserScript.issued(output, "contoso"))).isEqualTo("Contoso Versicherungen AG");
        String workshop = monthEnd.invoiceByNumber(BrowserScript.issued(output, "fabrikam"));
        assertThat(JsonPath.<Double>read(workshop, "$.subtotal")).isEqualTo(2400.0);
        String invoices = Http.get(monthEnd.url(Service.INVOICE) + "/invoices?customerId=" + idOf(customers, "Fabrikam Retail Ltd")).body();
        assertThat(JsonPath.<List<String>>read(invoices, "$.items[*].status")).as("the demo's own invoice, sent and half paid, and the workshop")
                .containsExactlyInAnyOrder("SENT", "ISSUED");
    }

    private String buyer(String number) throws Exception {
        return JsonPath.read(monthEnd.invoiceByNumber(number), "$.buyer.name");
    }

    private static String idOf(String customers, String name) {
        List<String> ids = JsonPath.read(customers, "$[?(@.name=='" + name + "')].id");
        assertThat(ids).as(name).hasSize(1);
        return ids.getFirst();
    }
}
