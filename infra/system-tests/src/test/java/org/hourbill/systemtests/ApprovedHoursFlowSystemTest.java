package org.hourbill.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.hourbill.localstack.Service;
import org.hourbill.testsupport.RawEvents;
import org.hourbill.testsupport.TopicReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.jayway.jsonpath.JsonPath;

/**
 * The first event flow across the services, each a separate process on one real broker and one real
 * PostgreSQL: a customer registered in timesheets reaches all four other services; hours approved over HTTP
 * reach billing's unbilled pool; a redelivered event has no second effect; a poison event is dead-lettered
 * while the flow goes on.
 */
class ApprovedHoursFlowSystemTest {
    @RegisterExtension
    static final RunningSystem system = RunningSystem.get();
    static String timesheet;
    static String billing;

    String customerId;
    String projectId;
    String resourceId;

    @BeforeAll
    static void serviceUrls() {
        timesheet = system.url(Service.TIMESHEET);
        billing = system.url(Service.BILLING);
    }

    void customerWithProject() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        customerId = id(Http.post(timesheet + "/customers", """
                {"name":"Northwind %s","address":"Hamburg","taxId":"DE1","taxRate":19,"currency":"EUR","paymentTermsDays":30}""".formatted(suffix)));
        projectId = id(Http.post(timesheet + "/projects", """
                {"customerId":"%s","code":"P-%s","name":"ERP","billingType":"TIME_AND_MATERIALS"}""".formatted(customerId, suffix)));
        resourceId = id(Http.post(timesheet + "/resources", """
                {"name":"Grace Hopper","role":"Senior","defaultRate":140}"""));
    }

    @Test
    void a_new_customer_reaches_every_service_and_approved_hours_reach_the_billing_pool() throws Exception {
        customerWithProject();
        for (Service service : List.of(Service.BILLING, Service.FRAME_ORDER, Service.INVOICE, Service.PAYMENT)) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(Http.get(system.url(service) + "/customers/" + customerId).status()).as(service.serviceName()).isEqualTo(200));
        }
        String a = entry("2026-10-01", "7.5");
        String b = entry("2026-10-02", "8");
        String stillSubmitted = entry("2026-10-03", "4");
        transition("submissions", a, b, stillSubmitted);
        transition("approvals", a, b);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String pool = unbilled();
            assertThat(JsonPath.<List<String>>read(pool, "$.entries[*].entryId")).containsExactlyInAnyOrder(a, b);
            assertThat(JsonPath.<Double>read(pool, "$.totalHours")).isEqualTo(15.5);
            assertThat(JsonPath.<Double>read(pool, "$.totalAmount")).isEqualTo(2170.0);
        });
    }

    @Test
    void a_redelivered_approval_has_no_second_effect() throws Exception {
        customerWithProject();
        String a = entry("2026-10-06", "6");
        transition("submissions", a);
        transition("approvals", a);
        await().atMost(Duration.ofSeconds(30)).until(() -> unbilled().contains(a));
        var approval = TopicReader.read("timesheet.events", Duration.ofSeconds(30),
                r -> r.stream().anyMatch(x -> "EntriesApproved.v1".equals(x.type()) && x.value().contains(a)))
                .stream().filter(x -> "EntriesApproved.v1".equals(x.type()) && x.value().contains(a)).findFirst().orElseThrow();

        transition("reopenings", a);
        await().atMost(Duration.ofSeconds(30)).until(() -> !unbilled().contains(a));
        // The same approval again (same ce_id): had billing not remembered it, the reopened entry would come back.
        RawEvents.send("timesheet.events", approval.key(), approval.headers().get("ce_id"), approval.type(), approval.value());
        String marker = entry("2026-10-07", "1");
        transition("submissions", marker);
        transition("approvals", marker);
        await().atMost(Duration.ofSeconds(30)).until(() -> unbilled().contains(marker));
        assertThat(unbilled()).doesNotContain(a);
    }

    @Test
    void a_poison_event_is_dead_lettered_and_the_next_approval_still_arrives() throws Exception {
        customerWithProject();
        String poisonId = UUID.randomUUID().toString();
        RawEvents.send("timesheet.events", customerId, poisonId, "EntriesApproved.v1", "{\"customerId\": 42, \"entries\": \"oops\"}");
        String good = entry("2026-10-08", "2");
        transition("submissions", good);
        transition("approvals", good);

        await().atMost(Duration.ofSeconds(30)).until(() -> unbilled().contains(good));
        var dead = TopicReader.read("timesheet.events.billing-service.dlq", Duration.ofSeconds(30),
                r -> r.stream().anyMatch(x -> poisonId.equals(x.headers().get("ce_id"))));
        assertThat(dead).filteredOn(x -> poisonId.equals(x.headers().get("ce_id"))).singleElement()
                .satisfies(x -> assertThat(x.headers().get("x-exception-message")).contains("not readable"));
    }

    @Test
    void bad_input_gets_problem_details_not_a_stack_trace() throws Exception {
        var response = Http.post(timesheet + "/time-entries", "{\"hours\": \"many\"}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body()).contains("\"field\":\"hours\"").doesNotContain("Exception");
    }

    @Test
    void unknown_paths_and_methods_get_problem_details_too() throws Exception {
        for (Service service : Service.values()) {
            var unknown = Http.get(system.url(service) + "/no-such-thing");
            assertThat(unknown.status()).as(service.serviceName()).isEqualTo(404);
            assertThat(unknown.contentType()).startsWith("application/problem+json");
            assertThat(unknown.body()).contains("\"status\":404").doesNotContain("timestamp");
        }
        // a read of a path that only takes writes: past security (reads are open to the role), refused by the API
        var wrongMethod = Http.get(billing + "/reviews/" + java.util.UUID.randomUUID() + "/generation");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.contentType()).startsWith("application/problem+json");
        // a write no access rule names is refused before the API: closed by default
        var unnamedWrite = Http.send("DELETE", timesheet + "/customers", "", List.of());
        assertThat(unnamedWrite.status()).isEqualTo(403);
        assertThat(unnamedWrite.contentType()).startsWith("application/problem+json");
    }

    private String unbilled() throws Exception {
        var response = Http.get(billing + "/customers/" + customerId + "/unbilled-entries");
        return response.status() == 200 ? response.body() : "";
    }

    private String entry(String date, String hours) throws Exception {
        return id(Http.post(timesheet + "/time-entries", """
                {"projectId":"%s","resourceId":"%s","date":"%s","hours":%s,"task":"Build"}""".formatted(projectId, resourceId, date, hours)));
    }

    private void transition(String command, String... ids) throws Exception {
        String list = String.join(",", List.of(ids).stream().map(i -> "\"" + i + "\"").toList());
        var response = Http.post(timesheet + "/time-entries/" + command, "{\"entryIds\":[" + list + "]}");
        assertThat(response.status()).as(command + ": " + response.body()).isEqualTo(200);
    }

    private static String id(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return JsonPath.read(response.body(), "$.id");
    }
}
