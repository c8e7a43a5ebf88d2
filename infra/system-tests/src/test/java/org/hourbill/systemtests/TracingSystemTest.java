package org.hourbill.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.hourbill.localstack.FrontDoor;
import org.hourbill.localstack.Service;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.jayway.jsonpath.JsonPath;

/**
 * One Generate & Issue, and one billing run, are each one trace in Zipkin: from the gateway through every service and
 * every Kafka hop (outbox write, relay send, consumer), found by the invoice's number or the run's id, with the trace id
 * in the services' log lines.
 */
class TracingSystemTest {
    @RegisterExtension
    static final RunningSystem system = RunningSystem.get();
    static final LocalDate october = LocalDate.of(2026, 10, 1);

    final MonthEnd monthEnd = new MonthEnd(system);

    @Test
    void one_generate_and_issue_through_the_gateway_is_one_trace_found_by_the_invoice_number() throws Exception {
        var customer = monthEnd.customer("EUR");
        monthEnd.approvedEntries(customer, october, 2, "8");
        String frameOrder = monthEnd.frameOrder(customer, "PO-TRACE", "100", "2026-01-01", "2026-12-31");
        String review = monthEnd.review(customer, null, null);
        assertThat(monthEnd.options(review, frameOrder).status()).isEqualTo(200);

        Http.Response accepted = Http.post(RunningSystem.frontDoorUrl(FrontDoor.GATEWAY) + "/api/billing/reviews/" + review + "/generation", "");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        String run = monthEnd.finishedRun(JsonPath.read(accepted.body(), "$.id"), Duration.ofSeconds(90));
        assertThat(JsonPath.<String>read(run, "$.step")).as(run).isEqualTo("COMPLETED");
        String number = JsonPath.read(run, "$.invoiceNumber");

        // spans leave each JVM in batches every few seconds: wait until the whole saga has arrived
        String[] trace = new String[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            List<String> traces = traces("invoice.number=" + number);
            assertThat(traces).as("traces tagged with invoice %s", number).hasSize(1);
            trace[0] = traces.getFirst();
            assertThat(services(trace[0])).containsAll(List.of("gateway", "billing-service", "frame-order-service",
                    "invoice-service", "timesheet-service", "payment-service"));
            // every hop: the request, each outbox write, each relay send, each consumer (Zipkin lower-cases names); the lock
            // of the entries runs beside the draw-down
            assertThat(JsonPath.<List<String>>read(trace[0], "$[*].name")).contains("http post /api/billing/**",
                    "http post /reviews/{id}/generation", "outbox write", "send frame-order.commands",
                    "frame-order-service drawdownframeorder.v1", "send invoice.commands", "invoice-service issueinvoice.v2",
                    "send invoice.events", "payment-service invoiceissued.v1",
                    "send timesheet.commands", "timesheet-service lockentries.v1", "send timesheet.events",
                    "billing-service entrieslocked.v1", "timesheet-service invoiceissued.v1");
        });
        assertThat(JsonPath.<List<String>>read(trace[0], "$[?(@.tags['invoice.run.id'])].tags['invoice.run.id']"))
                .contains(JsonPath.<String>read(run, "$.id"));
        String traceId = JsonPath.<List<String>>read(trace[0], "$[*].traceId").getFirst();
        assertThat(Files.readString(system.log(Service.BILLING))).as("billing-service logs the start with the trace id")
                .containsPattern("\\[billing-service," + traceId + ",[^\\]]+\\] .*invoice run " + JsonPath.read(run, "$.id") + " started");

        BrowserScript.run("trace.e2e.mjs", 1, Map.of("ZIPKIN_URL", system.tracesUrl(), "TRACE_ID", traceId));
    }

    @Test
    void a_billing_run_is_one_trace_with_every_customer_invoice_in_it() throws Exception {
        var first = monthEnd.customer("EUR");
        var second = monthEnd.customer("EUR");
        monthEnd.approvedEntries(first, october, 1, "6");
        monthEnd.approvedEntries(second, october, 1, "4");
        Http.Response draft = Http.post(monthEnd.url(Service.BILLING) + "/billing-runs", """
                {"periodFrom":"2026-10-01","periodTo":"2026-10-31","customerIds":["%s","%s"]}""".formatted(first.id(), second.id()));
        String runId = MonthEnd.id(draft);
        assertThat(Http.post(monthEnd.url(Service.BILLING) + "/billing-runs/" + runId + "/start", "").status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() ->
                "FINISHED".equals(JsonPath.read(Http.get(monthEnd.url(Service.BILLING) + "/billing-runs/" + runId).body(), "$.status")));
        List<String> numbers = JsonPath.read(Http.get(monthEnd.url(Service.BILLING) + "/billing-runs/" + runId).body(),
                "$.customers[*].invoiceNumber");
        assertThat(numbers).hasSize(2).doesNotContainNull();

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            List<String> traces = traces("billing.run.id=" + runId);
            assertThat(traces).as("traces tagged with billing run %s", runId).hasSize(1);
            assertThat(JsonPath.<List<String>>read(traces.getFirst(), "$[?(@.tags['invoice.number'])].tags['invoice.number']"))
                    .containsAll(numbers);
        });
    }

    /** The traces (each a JSON array of spans) that have a span with this tag, as Zipkin's search finds them. */
    private static List<String> traces(String tag) throws Exception {
        String url = system.tracesUrl() + "/api/v2/traces?limit=10&lookback=3600000&annotationQuery="
                + URLEncoder.encode(tag, StandardCharsets.UTF_8);
        String body = Http.anonymous(url).body();
        List<Object> traces = JsonPath.read(body, "$");
        return traces.stream().map(t -> com.jayway.jsonpath.JsonPath.parse(t).jsonString()).toList();
    }

    private static Set<String> services(String trace) {
        return new TreeSet<>(JsonPath.<List<String>>read(trace, "$[*].localEndpoint.serviceName"));
    }
}
