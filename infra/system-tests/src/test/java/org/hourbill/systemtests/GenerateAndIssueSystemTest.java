package org.hourbill.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.hourbill.localstack.Service;
import org.hourbill.testsupport.RawEvents;
import org.hourbill.testsupport.TopicReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.jayway.jsonpath.JsonPath;

/**
 * Generate & Issue across the real services (separate processes, one broker, one PostgreSQL): the review, the saga
 * through frame orders, invoices and timesheets, and the invariants billing teams and auditors rely on.
 */
class GenerateAndIssueSystemTest {
    @RegisterExtension
    static final RunningSystem system = RunningSystem.get();
    static final LocalDate october = LocalDate.of(2026, 10, 1);
    static final Duration runEnds = Duration.ofSeconds(90);

    final MonthEnd monthEnd = new MonthEnd(system);

    @Test
    void a_review_becomes_an_issued_invoice_the_frame_order_is_drawn_down_and_the_entries_are_locked() throws Exception {
        var customer = monthEnd.customer("EUR");
        List<String> entries = monthEnd.approvedEntries(customer, october, 4, "7.5");
        String frameOrder = monthEnd.frameOrder(customer, "PO-7", "100", "2026-01-01", "2026-12-31");
        String review = monthEnd.review(customer, null, null);
        Http.post(monthEnd.url(Service.BILLING) + "/reviews/" + review + "/decisions", """
                {"decisions":[{"entryId":"%s","decision":"DEFER"},{"entryId":"%s","decision":"WRITE_OFF","reason":"onboarding"}]}"""
                .formatted(entries.get(2), entries.get(3)));
        String step = Http.get(monthEnd.url(Service.BILLING) + "/reviews/" + review + "/frame-orders").body();
        assertThat(JsonPath.<Boolean>read(step, "$.available")).isTrue();
        assertThat(JsonPath.<Double>read(step, "$.frameOrders[0].remainingAfter")).isEqualTo(85.0);
        assertThat(monthEnd.options(review, frameOrder).status()).isEqualTo(200);
        String preview = Http.get(monthEnd.url(Service.BILLING) + "/reviews/" + review + "/preview").body();
        assertThat(JsonPath.<Double>read(preview, "$.summary.total")).isEqualTo(1800.0);
        assertThat(JsonPath.<Double>read(preview, "$.frameOrder.hoursDrawn")).isEqualTo(15.0);
        assertThat(JsonPath.<Double>read(preview, "$.frameOrder.percentOfFrameOrder")).isEqualTo(15.0);

        Http.Response accepted = monthEnd.generate(review);
        assertThat(accepted.status()).isEqualTo(202);
        String run = monthEnd.finishedRun(JsonPath.read(accepted.body(), "$.id"), runEnds);
        assertThat(JsonPath.<String>read(run, "$.step")).as(run).isEqualTo("COMPLETED");
        String number = JsonPath.read(run, "$.invoiceNumber");

        String invoice = monthEnd.invoiceByNumber(number);
        assertThat(JsonPath.<List<String>>read(invoice, "$.lines[*].entryIds[0]")).containsExactly(entries.get(0), entries.get(1));
        assertThat(JsonPath.<Double>read(invoice, "$.subtotal")).isEqualTo(1500.0);
        assertThat(JsonPath.<Double>read(invoice, "$.taxAmount")).isEqualTo(300.0);
        assertThat(JsonPath.<String>read(invoice, "$.frameOrder.poNumber")).isEqualTo("PO-7");
        assertThat(JsonPath.<String>read(invoice, "$.notes")).isEqualTo("October");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String utilization = monthEnd.frameOrderUtilization(frameOrder);
            assertThat(JsonPath.<Double>read(utilization, "$.frameOrder.remainingHours")).isEqualTo(85.0);
            assertThat(JsonPath.<String>read(utilization, "$.drawDowns[0].invoiceNumber")).isEqualTo(number);
        });
        assertThat(monthEnd.entryStatus(entries.get(0))).isEqualTo("BILLED");
        assertThat(monthEnd.entryStatus(entries.get(2))).isEqualTo("APPROVED");
        assertThat(Http.post(monthEnd.url(Service.TIMESHEET) + "/time-entries/reopenings",
                "{\"entryIds\":[\"" + entries.get(0) + "\"]}").status()).isEqualTo(409);
        assertThat(monthEnd.unbilledCount(customer)).isEqualTo(1);
    }

    /** Invariant 1. */
    @Test
    void twenty_concurrent_generations_over_overlapping_entries_never_bill_an_entry_twice() throws Exception {
        var customer = monthEnd.customer("EUR");
        List<String> entries = monthEnd.approvedEntries(customer, october, 12, "2");
        List<String> reviews = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String review = monthEnd.review(customer, null, null);
            StringBuilder deferrals = new StringBuilder();
            for (int e = 0; e < entries.size(); e++) {
                if ((i + e) % 4 != 0) continue;
                if (!deferrals.isEmpty()) deferrals.append(',');
                deferrals.append("{\"entryId\":\"%s\",\"decision\":\"DEFER\"}".formatted(entries.get(e)));
            }
            Http.post(monthEnd.url(Service.BILLING) + "/reviews/" + review + "/decisions", "{\"decisions\":[" + deferrals + "]}");
            reviews.add(review);
        }
        ExecutorService clients = Executors.newFixedThreadPool(20);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Http.Response>> answers = new ArrayList<>();
        for (String review : reviews) {
            answers.add(clients.submit(() -> {
                go.await();
                return monthEnd.generate(review);
            }));
        }
        go.countDown();
        List<String> runs = new ArrayList<>();
        for (Future<Http.Response> answer : answers) {
            Http.Response response = answer.get();
            assertThat(response.status()).as(response.body()).isIn(202, 409);
            if (response.status() == 202) runs.add(JsonPath.read(response.body(), "$.id"));
        }
        clients.shutdown();
        assertThat(runs).isNotEmpty();

        List<String> billed = new ArrayList<>();
        for (String run : runs) {
            String finished = monthEnd.finishedRun(run, runEnds);
            assertThat(JsonPath.<String>read(finished, "$.step")).as(finished).isEqualTo("COMPLETED");
            billed.addAll(JsonPath.read(monthEnd.invoiceByNumber(JsonPath.read(finished, "$.invoiceNumber")), "$.lines[*].entryIds[0]"));
        }
        assertThat(billed).doesNotHaveDuplicates();
        for (String entry : entries) {
            assertThat(monthEnd.entryStatus(entry)).isEqualTo(billed.contains(entry) ? "BILLED" : "APPROVED");
        }
        assertThat(monthEnd.unbilledCount(customer)).isEqualTo(entries.size() - billed.size());
    }

    /** Invariant 2. */
    @Test
    void two_invoices_needing_150_percent_of_a_frame_order_never_overdraw_it() throws Exception {
        var customer = monthEnd.customer("EUR");
        monthEnd.approvedEntries(customer, october, 20, "7.5");
        String frameOrder = monthEnd.frameOrder(customer, "PO-150", "100", "2026-01-01", "2026-12-31");
        String first = monthEnd.review(customer, "2026-10-01", "2026-10-10");
        String second = monthEnd.review(customer, "2026-10-11", "2026-10-20");
        monthEnd.options(first, frameOrder);
        monthEnd.options(second, frameOrder);

        ExecutorService clients = Executors.newFixedThreadPool(2);
        Future<Http.Response> a = clients.submit(() -> monthEnd.generate(first));
        Future<Http.Response> b = clients.submit(() -> monthEnd.generate(second));
        String runA = monthEnd.finishedRun(JsonPath.read(a.get().body(), "$.id"), runEnds);
        String runB = monthEnd.finishedRun(JsonPath.read(b.get().body(), "$.id"), runEnds);
        clients.shutdown();

        List<String> steps = List.of(JsonPath.read(runA, "$.step"), JsonPath.read(runB, "$.step"));
        assertThat(steps).containsExactlyInAnyOrder("COMPLETED", "FAILED");
        String failed = steps.get(0).equals("FAILED") ? runA : runB;
        assertThat(JsonPath.<String>read(failed, "$.failureReason")).isEqualTo("frame order PO-150 has 25 h left, this invoice needs 75 h");
        assertThat(monthEnd.unbilledCount(customer)).isEqualTo(10);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String utilization = monthEnd.frameOrderUtilization(frameOrder);
            assertThat(JsonPath.<Double>read(utilization, "$.frameOrder.billedHours")).isEqualTo(75.0);
            assertThat(JsonPath.<List<String>>read(utilization, "$.drawDowns[*].status")).containsExactlyInAnyOrder("DRAWN", "REJECTED");
            assertThat(JsonPath.<List<String>>read(utilization, "$.drawDowns[?(@.status == 'DRAWN')].invoiceNumber"))
                    .containsExactly(JsonPath.<String>read(steps.get(0).equals("COMPLETED") ? runA : runB, "$.invoiceNumber"));
        });
    }

    /** Invariant 4: every command and answer of a finished run delivered again, as a new message, changes nothing. */
    @Test
    void every_saga_message_delivered_twice_has_no_second_effect() throws Exception {
        var customer = monthEnd.customer("EUR");
        List<String> entries = monthEnd.approvedEntries(customer, october, 3, "5");
        String frameOrder = monthEnd.frameOrder(customer, "PO-TWICE", "50", "2026-01-01", "2026-12-31");
        String review = monthEnd.review(customer, null, null);
        monthEnd.options(review, frameOrder);
        String runId = JsonPath.read(monthEnd.generate(review).body(), "$.id");
        String number = JsonPath.read(monthEnd.finishedRun(runId, runEnds), "$.invoiceNumber");

        List<String> topics = List.of("frame-order.commands", "frame-order.events", "invoice.commands", "invoice.events",
                "timesheet.commands", "timesheet.events");
        // every command and answer of the run: the draw-down, the lock beside it, the invoice (a trailing message may
        // still be on its way when the run has finished)
        Map<String, List<TopicReader.Record>> ofRun = new java.util.LinkedHashMap<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            for (String topic : topics) {
                ofRun.put(topic, TopicReader.readAll(topic).stream().filter(r -> r.value().contains(runId)).toList());
            }
            assertThat(ofRun.values().stream().flatMap(List::stream).map(TopicReader.Record::type)).contains(
                    "DrawDownFrameOrder.v1", "LockEntries.v1", "FrameOrderDrawnDown.v1", "EntriesLocked.v1", "IssueInvoice.v2",
                    "InvoiceIssued.v1");
        });
        int redelivered = 0;
        for (var topic : ofRun.entrySet()) {
            for (var record : topic.getValue()) {
                RawEvents.send(topic.getKey(), record.key(), record.headers().get("ce_id"), record.type(), record.value());
                RawEvents.send(topic.getKey(), record.key(), java.util.UUID.randomUUID().toString(), record.type(), record.value());
                redelivered++;
            }
        }
        assertThat(redelivered).isGreaterThanOrEqualTo(6);
        // the replies to the copies are on the topics too once the copies are consumed; then nothing may have moved
        Thread.sleep(5_000);
        String utilization = monthEnd.frameOrderUtilization(frameOrder);
        assertThat(JsonPath.<Double>read(utilization, "$.frameOrder.billedHours")).isEqualTo(15.0);
        assertThat(JsonPath.<List<Object>>read(utilization, "$.drawDowns")).hasSize(1);
        String invoices = Http.get(monthEnd.url(Service.INVOICE) + "/invoices?customerId=" + customer.id()).body();
        assertThat(JsonPath.<Integer>read(invoices, "$.totalItems")).isEqualTo(1);
        assertThat(JsonPath.<String>read(invoices, "$.items[0].number")).isEqualTo(number);
        String run = Http.get(monthEnd.url(Service.BILLING) + "/invoice-runs/" + runId).body();
        assertThat(JsonPath.<String>read(run, "$.step")).isEqualTo("COMPLETED");
        for (String entry : entries) assertThat(monthEnd.entryStatus(entry)).isEqualTo("BILLED");
        assertThat(monthEnd.unbilledCount(customer)).isZero();
    }

    /** Invariant 5: a participant stopped in the middle of a saga; every run ends and nothing stays reserved. */
    @Test
    void frame_order_and_invoice_services_stopped_mid_saga_every_run_still_ends() throws Exception {
        var customer = monthEnd.customer("EUR");
        monthEnd.approvedEntries(customer, october, 4, "5");
        String frameOrder = monthEnd.frameOrder(customer, "PO-DOWN", "100", "2026-01-01", "2026-12-31");

        String first = monthEnd.review(customer, "2026-10-01", "2026-10-02");
        monthEnd.options(first, frameOrder);
        system.stop(Service.FRAME_ORDER);
        String runWithoutFrameOrders = JsonPath.read(monthEnd.generate(first).body(), "$.id");
        Thread.sleep(3_000);
        system.restart(Service.FRAME_ORDER);
        String ended = monthEnd.finishedRun(runWithoutFrameOrders, runEnds);
        assertEndedCleanly(ended, frameOrder);

        String second = monthEnd.review(customer, "2026-10-03", "2026-10-04");
        monthEnd.options(second, frameOrder);
        system.stop(Service.INVOICE);
        String runWithoutInvoices = JsonPath.read(monthEnd.generate(second).body(), "$.id");
        Thread.sleep(3_000);
        system.restart(Service.INVOICE);
        assertEndedCleanly(monthEnd.finishedRun(runWithoutInvoices, runEnds), frameOrder);

        String reserved = Http.get(monthEnd.url(Service.BILLING) + "/customers/" + customer.id() + "/realisation").body();
        // nothing stays reserved: whatever is neither billed nor written off is back in the pool, unbilled
        assertThat(hours(reserved, "$.worked.hours") - hours(reserved, "$.billed.hours") - hours(reserved, "$.writtenOff.hours"))
                .isEqualTo(monthEnd.unbilledCount(customer) * 5.0);
        assertThat(JsonPath.<Integer>read(reserved, "$.unbilled.entries")).isEqualTo(monthEnd.unbilledCount(customer));
        System.out.printf("runs with a participant stopped: %s, %s%n", JsonPath.read(ended, "$.step"),
                JsonPath.read(Http.get(monthEnd.url(Service.BILLING) + "/invoice-runs/" + runWithoutInvoices).body(), "$.step"));
    }

    private static double hours(String json, String path) {
        return JsonPath.<Number>read(json, path).doubleValue();
    }

    private void assertEndedCleanly(String run, String frameOrder) throws Exception {
        String utilization = monthEnd.frameOrderUtilization(frameOrder);
        List<String> statuses = JsonPath.read(utilization, "$.drawDowns[?(@.id == '" + JsonPath.read(run, "$.id") + "')].status");
        if (JsonPath.<String>read(run, "$.step").equals("COMPLETED")) {
            assertThat(statuses).containsExactly("DRAWN");
            monthEnd.invoiceByNumber(JsonPath.read(run, "$.invoiceNumber"));
        } else {
            assertThat(JsonPath.<String>read(run, "$.step")).isEqualTo("FAILED");
            assertThat(statuses).as(utilization).allMatch(s -> !s.equals("DRAWN"));
            assertThat(JsonPath.<String>read(run, "$.invoiceNumber")).isNull();
        }
    }

    /** Invariant 6. */
    @Test
    void bad_input_is_a_clear_4xx_problem() throws Exception {
        String billing = monthEnd.url(Service.BILLING);
        Http.Response unknown = Http.post(billing + "/reviews", "{\"customerId\":\"" + java.util.UUID.randomUUID() + "\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(JsonPath.<String>read(unknown.body(), "$.errors[0].field")).isEqualTo("customerId");

        var customer = monthEnd.customer("EUR");
        var other = monthEnd.customer("EUR");
        List<String> entries = monthEnd.approvedEntries(customer, october, 2, "4");
        List<String> othersEntries = monthEnd.approvedEntries(other, october, 1, "4");
        String submittedOnly = MonthEnd.id(Http.post(monthEnd.url(Service.TIMESHEET) + "/time-entries", """
                {"projectId":"%s","resourceId":"%s","date":"2026-10-20","hours":3,"task":"Build"}""".formatted(customer.projectId(), customer.resourceId())));
        String review = monthEnd.review(customer, null, null);
        for (String notInReview : List.of(othersEntries.get(0), submittedOnly)) {
            Http.Response decision = Http.post(billing + "/reviews/" + review + "/decisions",
                    "{\"decisions\":[{\"entryId\":\"%s\",\"decision\":\"BILL\"}]}".formatted(notInReview));
            assertThat(decision.status()).isEqualTo(400);
            assertThat(JsonPath.<String>read(decision.body(), "$.errors[0].field")).isEqualTo("entryId");
        }
        String othersFrameOrder = monthEnd.frameOrder(other, "PO-OTHER", "10", "2026-01-01", "2026-12-31");
        String expired = monthEnd.frameOrder(customer, "PO-2025", "10", "2025-01-01", "2025-12-31");
        // valid today, but not for October's work: a PO valid from 1 November does not absorb October
        String fromNovember = monthEnd.frameOrder(customer, "PO-NOV", "10", "2026-11-01", "2027-10-31");
        Http.Response notForOctober = monthEnd.options(review, fromNovember);
        assertThat(JsonPath.<String>read(notForOctober.body(), "$.detail")).contains("not for work done from 2026-10-01 to 2026-10-31");
        for (String frameOrder : List.of(othersFrameOrder, expired, fromNovember)) {
            Http.Response options = monthEnd.options(review, frameOrder);
            assertThat(options.status()).as(options.body()).isEqualTo(400);
            assertThat(JsonPath.<String>read(options.body(), "$.errors[0].field")).isEqualTo("frameOrderId");
        }
        assertThat(monthEnd.generate(review).status()).isEqualTo(202);
        Http.Response twice = monthEnd.generate(review);
        assertThat(twice.status()).isEqualTo(409);
        assertThat(JsonPath.<String>read(twice.body(), "$.detail")).contains("generated already");

        // an entry billed by the first review is not in a later one: deciding on it is refused too
        String finished = monthEnd.finishedRun(JsonPath.read(Http.get(billing + "/reviews/" + review).body(), "$.invoiceRunId"), runEnds);
        assertThat(JsonPath.<String>read(finished, "$.step")).isEqualTo("COMPLETED");
        monthEnd.approvedEntries(customer, LocalDate.of(2026, 10, 25), 1, "1");
        String later = monthEnd.review(customer, null, null);
        Http.Response billedAgain = Http.post(billing + "/reviews/" + later + "/decisions",
                "{\"decisions\":[{\"entryId\":\"%s\",\"decision\":\"BILL\"}]}".formatted(entries.get(0)));
        assertThat(billedAgain.status()).isEqualTo(400);
        Set<Integer> statuses = new HashSet<>(List.of(unknown.status(), twice.status(), billedAgain.status()));
        assertThat(statuses).allMatch(s -> s >= 400 && s < 500);
    }
}
