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

import com.jayway.jsonpath.JsonPath;

/** The month-end flow over HTTP against the running services, as a billing team's client would drive it. */
final class MonthEnd {
    private final RunningSystem system;

    MonthEnd(RunningSystem system) {
        this.system = system;
    }

    record Customer(String id, String name, String projectId, String resourceId) {
    }

    /** A customer with one T&M project and one consultant at 100 an hour, known to every service. */
    Customer customer(String currency) throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String name = "Customer " + suffix;
        String customer = id(Http.post(url(Service.TIMESHEET) + "/customers", """
                {"name":"%s","address":"Main Street 1","taxId":"TX-%s","taxRate":20,"currency":"%s","paymentTermsDays":30}"""
                .formatted(name, suffix, currency)));
        String project = id(Http.post(url(Service.TIMESHEET) + "/projects", """
                {"customerId":"%s","code":"P-%s","name":"Delivery","billingType":"TIME_AND_MATERIALS"}""".formatted(customer, suffix)));
        String resource = id(Http.post(url(Service.TIMESHEET) + "/resources", """
                {"name":"Consultant %s","role":"Senior","defaultRate":100}""".formatted(suffix)));
        for (Service service : List.of(Service.BILLING, Service.FRAME_ORDER)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> Http.get(url(service) + "/customers/" + customer).status() == 200);
        }
        return new Customer(customer, name, project, resource);
    }

    /** Another project of the customer, billed as {@code billingType}, once billing knows it. */
    String project(Customer c, String billingType) throws Exception {
        String project = id(Http.post(url(Service.TIMESHEET) + "/projects", """
                {"customerId":"%s","code":"%s-%s","name":"%s work","billingType":"%s"}""".formatted(c.id(),
                billingType.substring(0, 3), UUID.randomUUID().toString().substring(0, 6), billingType, billingType)));
        await().atMost(Duration.ofSeconds(30)).until(() -> Http.get(url(Service.BILLING) + "/projects/" + project + "/billing").status() == 200);
        return project;
    }

    /** One approved entry of {@code hours} per day from {@code first}, waited for until they are all in billing's pool. */
    List<String> approvedEntries(Customer c, LocalDate first, int days, String hours) throws Exception {
        return approvedEntries(c, c.projectId(), first, days, hours);
    }

    List<String> approvedEntries(Customer c, String projectId, LocalDate first, int days, String hours) throws Exception {
        List<String> ids = submittedEntries(c, projectId, first, days, hours);
        transition("approvals", ids);
        await().atMost(Duration.ofSeconds(30)).until(() -> unbilledCount(c) >= ids.size());
        return ids;
    }

    /** One entry of {@code hours} per day from {@code first}, submitted and waiting for an approver. */
    List<String> submittedEntries(Customer c, String projectId, LocalDate first, int days, String hours) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            ids.add(id(Http.post(url(Service.TIMESHEET) + "/time-entries", """
                    {"projectId":"%s","resourceId":"%s","date":"%s","hours":%s,"task":"Build"}"""
                    .formatted(projectId, c.resourceId(), first.plusDays(d), hours))));
        }
        transition("submissions", ids);
        return ids;
    }

    int unbilledCount(Customer c) throws Exception {
        return JsonPath.<List<String>>read(Http.get(url(Service.BILLING) + "/customers/" + c.id() + "/unbilled-entries").body(),
                "$.entries[*].entryId").size();
    }

    String frameOrder(Customer c, String po, String hours, String from, String to) throws Exception {
        return id(Http.post(url(Service.FRAME_ORDER) + "/frame-orders", """
                {"customerId":"%s","poNumber":"%s","totalHours":%s,"validFrom":"%s","validTo":"%s"}""".formatted(c.id(), po, hours, from, to)));
    }

    String review(Customer c, String from, String to) throws Exception {
        String body = from == null ? "{\"customerId\":\"%s\"}".formatted(c.id())
                : "{\"customerId\":\"%s\",\"periodFrom\":\"%s\",\"periodTo\":\"%s\"}".formatted(c.id(), from, to);
        return id(Http.post(url(Service.BILLING) + "/reviews", body));
    }

    Http.Response options(String review, String frameOrderId) throws Exception {
        return Http.send("PUT", url(Service.BILLING) + "/reviews/" + review + "/options", """
                {"periodFrom":"2026-10-01","periodTo":"2026-10-31","paymentTermsDays":30,"poNumber":null,"notes":"October",
                 "frameOrderId":%s}""".formatted(frameOrderId == null ? "null" : "\"" + frameOrderId + "\""), List.of());
    }

    Http.Response generate(String review) throws Exception {
        return Http.post(url(Service.BILLING) + "/reviews/" + review + "/generation", "");
    }

    /** Waits until the run has ended (COMPLETED or FAILED) and returns it. */
    String finishedRun(String run, Duration timeout) {
        String[] last = new String[1];
        await().atMost(timeout).pollInterval(Duration.ofMillis(200)).until(() -> {
            last[0] = Http.get(url(Service.BILLING) + "/invoice-runs/" + run).body();
            String step = JsonPath.read(last[0], "$.step");
            return step.equals("COMPLETED") || step.equals("FAILED");
        });
        return last[0];
    }

    /** A bank transfer in EUR paid today, under a fresh Idempotency-Key. */
    Http.Response pay(String invoiceId, String amount) throws Exception {
        return Http.send("POST", url(Service.PAYMENT) + "/payments", """
                {"invoiceId":"%s","paidOn":"%s","mode":"TRANSFER","currency":"EUR","amount":%s,"fee":0}"""
                .formatted(invoiceId, TestClock.today(), amount), List.of("Idempotency-Key", UUID.randomUUID().toString()));
    }

    String invoiceByNumber(String number) throws Exception {
        Http.Response response = Http.get(url(Service.INVOICE) + "/invoices/by-number/" + number);
        assertThat(response.status()).isEqualTo(200);
        return response.body();
    }

    String frameOrderUtilization(String frameOrderId) throws Exception {
        return Http.get(url(Service.FRAME_ORDER) + "/frame-orders/" + frameOrderId).body();
    }

    String entryStatus(String entryId) throws Exception {
        return JsonPath.read(Http.get(url(Service.TIMESHEET) + "/time-entries/" + entryId).body(), "$.status");
    }

    /** Generates the review's invoice, waits until its run has completed, and returns the invoice's id. */
    String issuedInvoice(String review) throws Exception {
        Http.Response accepted = generate(review);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        String run = finishedRun(JsonPath.read(accepted.body(), "$.id"), Duration.ofSeconds(90));
        assertThat(JsonPath.<String>read(run, "$.step")).as(run).isEqualTo("COMPLETED");
        return JsonPath.read(invoiceByNumber(JsonPath.read(run, "$.invoiceNumber")), "$.id");
    }

    /** A timesheet transition (submissions, approvals, reopenings) of these entries, which must succeed. */
    void transition(String command, List<String> ids) throws Exception {
        String body = "{\"entryIds\":[" + String.join(",", ids.stream().map(i -> "\"" + i + "\"").toList()) + "]}";
        assertThat(Http.post(url(Service.TIMESHEET) + "/time-entries/" + command, body).status()).isEqualTo(200);
    }

    String url(Service service) {
        return system.url(service);
    }

    static String id(Http.Response response) {
        assertThat(response.status()).as(response.body()).isBetween(200, 299);
        return JsonPath.read(response.body(), "$.id");
    }
}
