package org.hourbill.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.hourbill.localstack.Service;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.jayway.jsonpath.JsonPath;

/** What operations rely on, on every running service: probes, metrics, API docs, correlation ids. */
class OperationsSystemTest {
    @RegisterExtension
    static final RunningSystem system = RunningSystem.get();

    @ParameterizedTest
    @EnumSource(Service.class)
    void probes_report_database_and_broker_on_the_management_port_without_a_token(Service service) throws Exception {
        String management = system.managementUrl(service);
        assertThat(Http.anonymous(management + "/actuator/health/liveness").status()).isEqualTo(200);
        var readiness = Http.anonymous(management + "/actuator/health/readiness");
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(JsonPath.<String>read(readiness.body(), "$.components.db.status")).isEqualTo("UP");
        assertThat(JsonPath.<String>read(readiness.body(), "$.components.kafka.status")).isEqualTo("UP");
        // ready means taking part in the sagas: every consumer binding has joined its group (one instance: all partitions)
        assertThat(JsonPath.<String>read(readiness.body(), "$.components.consumers.status")).isEqualTo("UP");
        assertThat(JsonPath.<List<String>>read(readiness.body(), "$.components.consumers.details.partitions")).isNotEmpty();
        // liveness is the JVM alone: an instance waiting for its database or broker is not restarted for it
        var liveness = Http.anonymous(management + "/actuator/health/liveness").body();
        assertThat(liveness).doesNotContain("\"db\"").doesNotContain("\"kafka\"").doesNotContain("\"consumers\"");
    }

    @ParameterizedTest
    @EnumSource(Service.class)
    void health_and_metrics_are_not_served_on_the_api_port(Service service) throws Exception {
        for (String path : List.of("/actuator/health", "/actuator/prometheus", "/actuator/metrics")) {
            var anonymous = Http.anonymous(system.url(service) + path);
            assertThat(anonymous.status()).as(path).isEqualTo(401);
            assertThat(anonymous.body()).as(path).doesNotContain("UP").doesNotContain("jvm_");
            assertThat(Http.get(system.url(service) + path).status()).as(path + " with a token").isIn(403, 404);
        }
    }

    @ParameterizedTest
    @EnumSource(Service.class)
    void metrics_carry_application_and_instance_tags_and_the_outbox_lag(Service service) throws Exception {
        var metrics = Http.anonymous(system.managementUrl(service) + "/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("application=\"" + service.serviceName() + "\"").contains("instance=\"")
                .contains("outbox_pending").contains("outbox_oldest_age_seconds");
    }

    @ParameterizedTest
    @EnumSource(Service.class)
    void every_service_publishes_its_api_document(Service service) throws Exception {
        var docs = Http.anonymous(system.url(service) + "/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(JsonPath.<String>read(docs.body(), "$.openapi")).startsWith("3.");
        assertThat(JsonPath.<Object>read(docs.body(), "$.paths")).asString().contains("/customers");
        assertThat(Http.anonymous(system.url(service) + "/swagger-ui/index.html").status()).isEqualTo(200);
    }

    @Test
    void a_correlation_id_travels_from_the_request_through_the_event_into_the_consumers_log() throws Exception {
        String timesheet = system.url(Service.TIMESHEET);
        String correlation = "month-end-" + UUID.randomUUID().toString().substring(0, 8);
        String customer = JsonPath.read(Http.post(timesheet + "/customers", """
                {"name":"Tailspin Toys","taxRate":20,"currency":"GBP","paymentTermsDays":14}""").body(), "$.id");
        String project = JsonPath.read(Http.post(timesheet + "/projects", """
                {"customerId":"%s","code":"TT-%s","name":"Toys","billingType":"TIME_AND_MATERIALS"}""".formatted(customer, correlation)).body(), "$.id");
        String resource = JsonPath.read(Http.post(timesheet + "/resources", """
                {"name":"Alan Turing","role":"Consultant","defaultRate":100}""").body(), "$.id");
        String entry = JsonPath.read(Http.post(timesheet + "/time-entries", """
                {"projectId":"%s","resourceId":"%s","date":"2026-10-20","hours":3}""".formatted(project, resource)).body(), "$.id");
        Http.post(timesheet + "/time-entries/submissions", "{\"entryIds\":[\"" + entry + "\"]}");

        var approved = Http.send("POST", timesheet + "/time-entries/approvals", "{\"entryIds\":[\"" + entry + "\"]}",
                List.of("X-Correlation-Id", correlation));
        assertThat(approved.status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(Files.readString(system.log(Service.BILLING)))
                // the consumer's line carries the trace id too (the trace of the approval request) beside the correlation id
                .containsPattern("\\[billing-service,[0-9a-f]{32}," + correlation + "\\] .*approved entries of customer " + customer));
    }
}
