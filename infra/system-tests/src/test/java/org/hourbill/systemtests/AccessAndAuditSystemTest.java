package org.hourbill.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.hourbill.localstack.Service;
import org.hourbill.testsupport.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.jayway.jsonpath.JsonPath;

/**
 * The month-end done by the people whose job it is, each with only their role, on the five running services: each
 * step is refused to the wrong role, and the audit log says who approved, generated, was paid and voided. Fields only
 * the system sets are refused, naming the field.
 */
class AccessAndAuditSystemTest {
    @RegisterExtension
    static final RunningSystem system = RunningSystem.get();
    private static final List<String> APPROVER = List.of("approver");
    private static final List<String> CLERK = List.of("billing_clerk");
    private static final List<String> FINANCE = List.of("finance");
    private static final List<String> AUDITOR = List.of("auditor");
    private final MonthEnd monthEnd = new MonthEnd(system);
    private final Duration soon = Duration.ofSeconds(30);

    @Test
    void each_role_does_its_part_and_the_audit_log_says_who_did_what() throws Exception {
        var customer = monthEnd.customer("EUR");
        String timesheet = monthEnd.url(Service.TIMESHEET);
        List<String> entries = new ArrayList<>();
        for (int day = 0; day < 2; day++) {
            entries.add(MonthEnd.id(Http.as("amelia", APPROVER, "POST", timesheet + "/time-entries", """
                    {"projectId":"%s","resourceId":"%s","date":"%s","hours":8,"task":"Build"}"""
                    .formatted(customer.projectId(), customer.resourceId(), LocalDate.of(2026, 10, 5 + day)))));
        }
        String ids = "{\"entryIds\":[\"" + String.join("\",\"", entries) + "\"]}";
        assertThat(Http.as("amelia", APPROVER, "POST", timesheet + "/time-entries/submissions", ids).status()).isEqualTo(200);
        assertThat(Http.as("arthur", AUDITOR, "POST", timesheet + "/time-entries/approvals", ids).status()).isEqualTo(403);
        assertThat(Http.as("bruno", CLERK, "POST", timesheet + "/time-entries/approvals", ids).status()).isEqualTo(403);
        assertThat(Http.as("amelia", APPROVER, "POST", timesheet + "/time-entries/approvals", ids).status()).isEqualTo(200);
        await().atMost(soon).until(() -> monthEnd.unbilledCount(customer) == 2);

        String billing = monthEnd.url(Service.BILLING);
        assertThat(Http.as("fatima", FINANCE, "POST", billing + "/reviews",
                "{\"customerId\":\"" + customer.id() + "\"}").status()).isEqualTo(403);
        String review = MonthEnd.id(Http.as("bruno", CLERK, "POST", billing + "/reviews", "{\"customerId\":\"" + customer.id() + "\"}"));
        assertThat(Http.as("bruno", CLERK, "POST", billing + "/reviews/" + review + "/bill-all", "").status()).isEqualTo(200);
        assertThat(Http.as("arthur", AUDITOR, "POST", billing + "/reviews/" + review + "/generation", "").status()).isEqualTo(403);
        var accepted = Http.as("bruno", CLERK, "POST", billing + "/reviews/" + review + "/generation", "");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        String run = monthEnd.finishedRun(JsonPath.read(accepted.body(), "$.id"), Duration.ofSeconds(90));
        assertThat(JsonPath.<String>read(run, "$.step")).as(run).isEqualTo("COMPLETED");
        String invoiceId = JsonPath.read(monthEnd.invoiceByNumber(JsonPath.read(run, "$.invoiceNumber")), "$.id");

        String payment = """
                {"invoiceId":"%s","paidOn":"%s","mode":"TRANSFER","currency":"EUR","amount":100.00,"fee":0}"""
                .formatted(invoiceId, TestClock.today());
        await().atMost(soon).until(() -> Http.get(monthEnd.url(Service.PAYMENT) + "/receivables/" + invoiceId).status() == 200);
        assertThat(Http.as("bruno", CLERK, "POST", monthEnd.url(Service.PAYMENT) + "/payments", payment).status()).isEqualTo(403);
        var paid = Http.send("POST", monthEnd.url(Service.PAYMENT) + "/payments", payment, List.of("Authorization",
                "Bearer " + org.hourbill.testsupport.TestIdentity.get().token("fatima", FINANCE), "Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(paid.status()).as(paid.body()).isEqualTo(201);

        String invoices = monthEnd.url(Service.INVOICE) + "/invoices/" + invoiceId;
        String voiding = """
                {"reason":"wrong customer","entries":"RETURN_TO_POOL"}""";
        assertThat(Http.as("bruno", CLERK, "POST", invoices + "/voiding", voiding).status()).isEqualTo(403);

        assertAudited(Service.TIMESHEET, "approve", "amelia", "APPROVER", "/time-entries/approvals");
        assertAudited(Service.BILLING, "generate", "bruno", "BILLING_CLERK", "/reviews/" + review + "/generation");
        assertAudited(Service.PAYMENT, "payment", "fatima", "FINANCE", "/payments");
        assertThat(Http.as("bruno", CLERK, "GET", monthEnd.url(Service.PAYMENT) + "/audit", "").status())
                .as("a billing clerk does not read the audit log").isEqualTo(403);
    }

    @Test
    void finance_voids_and_the_void_is_in_the_audit_log() throws Exception {
        var customer = monthEnd.customer("EUR");
        monthEnd.approvedEntries(customer, LocalDate.of(2026, 10, 12), 1, "4");
        String review = monthEnd.review(customer, null, null);
        var accepted = monthEnd.generate(review);
        String run = monthEnd.finishedRun(JsonPath.read(accepted.body(), "$.id"), Duration.ofSeconds(90));
        String invoiceId = JsonPath.read(monthEnd.invoiceByNumber(JsonPath.read(run, "$.invoiceNumber")), "$.id");
        var voided = Http.as("fatima", FINANCE, "POST", monthEnd.url(Service.INVOICE) + "/invoices/" + invoiceId + "/voiding", """
                {"reason":"duplicate","entries":"RETURN_TO_POOL"}""");
        assertThat(voided.status()).as(voided.body()).isEqualTo(201);
        assertAudited(Service.INVOICE, "void", "fatima", "FINANCE", "/invoices/" + invoiceId + "/voiding");
    }

    @Test
    void fields_only_the_system_sets_are_refused_naming_the_field() throws Exception {
        var customer = monthEnd.customer("EUR");
        var entry = Http.post(monthEnd.url(Service.TIMESHEET) + "/time-entries", """
                {"projectId":"%s","resourceId":"%s","date":"2026-10-01","hours":8,"task":"Build","status":"APPROVED"}"""
                .formatted(customer.projectId(), customer.resourceId()));
        assertSystemField(entry, "status");
        var frameOrder = Http.post(monthEnd.url(Service.FRAME_ORDER) + "/frame-orders", """
                {"customerId":"%s","poNumber":"PO-S","totalHours":100,"billedHours":0,"validFrom":"2026-01-01","validTo":"2026-12-31"}"""
                .formatted(customer.id()));
        assertSystemField(frameOrder, "billedHours");
        monthEnd.approvedEntries(customer, LocalDate.of(2026, 10, 20), 1, "2");
        String review = monthEnd.review(customer, null, null);
        var options = Http.send("PUT", monthEnd.url(Service.BILLING) + "/reviews/" + review + "/options", """
                {"periodFrom":"2026-10-01","periodTo":"2026-10-31","paymentTermsDays":30,"number":"INV-2026-00001"}""", List.of());
        assertSystemField(options, "number");
        var totals = Http.send("PUT", monthEnd.url(Service.BILLING) + "/reviews/" + review + "/options", """
                {"periodFrom":"2026-10-01","periodTo":"2026-10-31","paymentTermsDays":30,"total":1.00}""", List.of());
        assertSystemField(totals, "total");
        var issued = Http.send("PUT", monthEnd.url(Service.BILLING) + "/reviews/" + review + "/options", """
                {"periodFrom":"2026-10-01","periodTo":"2026-10-31","paymentTermsDays":30,"issuedOn":"2026-01-01"}""", List.of());
        assertSystemField(issued, "issuedOn");
        var payment = Http.send("POST", monthEnd.url(Service.PAYMENT) + "/payments", """
                {"invoiceId":"%s","paidOn":"2026-10-01","mode":"TRANSFER","currency":"EUR","amount":1,"fee":0,"status":"SETTLED"}"""
                .formatted(UUID.randomUUID()), List.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertSystemField(payment, "status");
    }

    private static void assertSystemField(Http.Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(JsonPath.<List<String>>read(response.body(), "$.errors[*].field")).as(response.body()).containsExactly(field);
        assertThat(response.body()).contains("set by Hourbill itself");
    }

    private void assertAudited(Service service, String action, String user, String roles, String path) throws Exception {
        var log = Http.as("arthur", AUDITOR, "GET", monthEnd.url(service) + "/audit?action=" + action + "&actor=" + user, "");
        assertThat(log.status()).as(log.body()).isEqualTo(200);
        assertThat(JsonPath.<List<String>>read(log.body(), "$[*].path")).as(log.body()).contains(path);
        assertThat(JsonPath.<List<String>>read(log.body(), "$[?(@.path == '" + path + "')].roles")).containsOnly(roles);
        assertThat(JsonPath.<List<String>>read(log.body(), "$[?(@.path == '" + path + "')].actor")).containsOnly(user);
    }
}
