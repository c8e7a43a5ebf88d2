package org.hourbill.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.YearMonth;
import java.util.List;

import org.hourbill.localstack.DemoData;
import org.hourbill.localstack.FrontDoor;
import org.hourbill.localstack.Service;
import org.hourbill.testsupport.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.jayway.jsonpath.JsonPath;

/**
 * The demo data of the first start, loaded into the running system as the launcher loads it: every demo customer can
 * be invoiced at once (Fabrikam's invoice is issued by the demo itself; Northwind and Contoso by a review here).
 */
class DemoDataSystemTest {
    @RegisterExtension
    static final RunningSystem system = RunningSystem.get();

    final MonthEnd monthEnd = new MonthEnd(system);

    @Test
    void every_demo_customer_can_be_invoiced_right_after_the_first_start() throws Exception {
        new DemoData(system::url, RunningSystem.frontDoorUrl(FrontDoor.AUTH_SERVER)).load(YearMonth.from(TestClock.today()).minusMonths(1));

        String customers = Http.get(monthEnd.url(Service.TIMESHEET) + "/customers").body();
        for (String name : List.of("Northwind Logistics GmbH", "Contoso Versicherungen AG")) {
            List<String> ids = JsonPath.read(customers, "$[?(@.name=='" + name + "')].id");
            assertThat(ids).as(name).hasSize(1);
            String pool = monthEnd.url(Service.BILLING) + "/customers/" + ids.getFirst() + "/unbilled-entries";
            await().atMost(Duration.ofSeconds(30)).until(() -> !JsonPath.<List<Object>>read(Http.get(pool).body(), "$.entries").isEmpty());
            String review = MonthEnd.id(Http.post(monthEnd.url(Service.BILLING) + "/reviews", "{\"customerId\":\"" + ids.getFirst() + "\"}"));
            String invoice = Http.get(monthEnd.url(Service.INVOICE) + "/invoices/" + monthEnd.issuedInvoice(review)).body();
            assertThat(JsonPath.<String>read(invoice, "$.buyer.name")).isEqualTo(name);
        }
        List<String> fabrikam = JsonPath.read(customers, "$[?(@.name=='Fabrikam Retail Ltd')].id");
        String invoices = Http.get(monthEnd.url(Service.INVOICE) + "/invoices?customerId=" + fabrikam.getFirst()).body();
        assertThat(JsonPath.<List<String>>read(invoices, "$.items[*].status")).as("Fabrikam's invoice, issued, sent and half paid by the demo")
                .containsExactly("SENT");
    }
}
