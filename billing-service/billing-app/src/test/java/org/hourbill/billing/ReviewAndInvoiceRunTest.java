package org.hourbill.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.hourbill.testsupport.RawEvents;
import org.hourbill.testsupport.ServiceTest;
import org.hourbill.testsupport.TopicReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

/**
 * The review and the invoice run on the real broker and database, with the other services played by hand: the test
 * reads the commands billing sends and answers them as frame-order-, invoice- and timesheet-service would.
 */
@ServiceTest
class ReviewAndInvoiceRunTest {
    @Autowired
    MockMvc http;
    @Autowired
    JdbcTemplate jdbc;

    UUID customer = UUID.randomUUID();
    UUID frameOrder = UUID.randomUUID();
    UUID a = UUID.randomUUID(), b = UUID.randomUUID(), c = UUID.randomUUID(), fixedPrice = UUID.randomUUID();

    @BeforeEach
    void approvedHours() {
        RawEvents.send("timesheet.events", customer.toString(), UUID.randomUUID().toString(), "CustomerChanged.v1", """
                {"customerId":"%s","name":"Contoso","address":"Bahnhofstrasse 1, Zurich","taxId":"CHE-1","taxRate":8.1,"currency":"CHF","paymentTermsDays":30}
                """.formatted(customer));
        RawEvents.send("timesheet.events", customer.toString(), UUID.randomUUID().toString(), "EntriesApproved.v1", """
                {"customerId":"%s","entries":[%s,%s,%s,%s]}""".formatted(customer, entry(a, "2026-10-01", "7.5", "TIME_AND_MATERIALS"),
                entry(b, "2026-10-02", "8", "TIME_AND_MATERIALS"), entry(c, "2026-10-03", "2.25", "TIME_AND_MATERIALS"),
                entry(fixedPrice, "2026-10-03", "4", "FIXED_PRICE")));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select count(*) from unbilled_entry where customer_id = ?", Integer.class, customer) == 4);
    }

    @Test
    void review_decide_preview_generate_and_issue_through_every_step() throws Exception {
        String review = startReview();
        http.perform(get("/reviews/{id}", review)).andExpect(jsonPath("$.entries.length()").value(3))
                .andExpect(jsonPath("$.summary.hoursBilled").value(17.75))
                .andExpect(jsonPath("$.summary.subtotal").value(2573.75))
                .andExpect(jsonPath("$.options.periodFrom").value("2026-10-01"))
                .andExpect(jsonPath("$.options.paymentTermsDays").value(30));

        send(post("/reviews/{id}/decisions", review), """
                {"decisions":[{"entryId":"%s","decision":"DEFER"},{"entryId":"%s","decision":"WRITE_OFF","reason":"training time"}]}"""
                .formatted(b, c)).andExpect(status().isOk())
                .andExpect(jsonPath("$.summary.hoursBilled").value(7.5))
                .andExpect(jsonPath("$.summary.hoursDeferred").value(8.0))
                .andExpect(jsonPath("$.summary.hoursWrittenOff").value(2.25))
                .andExpect(jsonPath("$.summary.subtotal").value(1087.5))
                .andExpect(jsonPath("$.summary.taxAmount").value(88.09))
                .andExpect(jsonPath("$.summary.total").value(1175.59));

        // frame-order-service is down: the step says so, the choice stands, the run's draw-down will guard it
        http.perform(get("/reviews/{id}/frame-orders", review)).andExpect(status().isOk())
                .andExpect(jsonPath("$.available").value(false))
                .andExpect(jsonPath("$.unavailable", containsString("frame-order-service did not answer")));
        send(put("/reviews/{id}/options", review), """
                {"periodFrom":"2026-10-01","periodTo":"2026-10-31","paymentTermsDays":14,"poNumber":null,"notes":"October","frameOrderId":"%s"}"""
                .formatted(frameOrder)).andExpect(status().isOk());
        http.perform(get("/reviews/{id}/preview", review)).andExpect(status().isOk())
                .andExpect(jsonPath("$.summary.total").value(1175.59))
                .andExpect(jsonPath("$.options.notes").value("October"))
                .andExpect(jsonPath("$.frameOrderNote", containsString("did not answer")));

        String run = generate(review);
        send(post("/reviews/{id}/generation", review), "").andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("generated already")));
        http.perform(get("/reviews/{id}", review)).andExpect(jsonPath("$.status").value("GENERATING"));

        var drawDown = command("frame-order.commands", run, "DrawDownFrameOrder.v1");
        assertThat(drawDown.key()).isEqualTo(frameOrder.toString());
        // timesheets are asked to lock the billed entries before the invoice, beside the draw-down
        var lock = command("timesheet.commands", run, "LockEntries.v1");
        assertThat((List<String>) JsonPath.read(lock.value(), "$.entryIds")).containsExactly(a.toString());
        assertThat(drawDown.value()).contains("\"hours\":7.50", "\"customerId\":\"" + customer + "\"");
        answer("frame-order.events", frameOrder, "FrameOrderDrawnDown.v1", """
                {"drawDownId":"%s","frameOrderId":"%s","customerId":"%s","poNumber":"PO-7","hours":7.5,"totalHours":100,"billedHours":7.5,"remainingHours":92.5}"""
                .formatted(run, frameOrder, customer));

        var issue = command("invoice.commands", run, "IssueInvoice.v2");
        List<String> lines = JsonPath.read(issue.value(), "$.lines[*].entryIds[0]");
        assertThat(lines).containsExactly(a.toString());
        assertThat(issue.value()).contains("\"poNumber\":\"PO-7\"", "\"frameOrderDrawDownId\":\"" + run + "\"", "\"paymentTermsDays\":14",
                "\"taxRate\":8.1", "\"name\":\"Contoso\"");
        answer("invoice.events", customer, "InvoiceIssued.v1", """
                {"invoiceId":"%s","invoiceRunId":"%s","number":"INV-2026-00042","customerId":"%s"}""".formatted(UUID.randomUUID(), run, customer));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> http.perform(get("/invoice-runs/{id}", run))
                .andExpect(jsonPath("$.status").value("ISSUED")).andExpect(jsonPath("$.invoiceNumber").value("INV-2026-00042"))
                .andExpect(jsonPath("$.step").value("MARKING_BILLED")));
        // no timesheet-service runs here, so the lock's answer is late: after the invoice the run asks again, naming
        // the entries it billed
        var mark = command("timesheet.commands", run, "MarkEntriesBilled.v1");
        assertThat((List<String>) JsonPath.read(mark.value(), "$.entryIds")).containsExactly(a.toString());
        http.perform(get("/customers/{id}/unbilled-entries", customer)).andExpect(jsonPath("$.entries.length()").value(2));
        http.perform(get("/customers/{id}/realisation", customer)).andExpect(status().isOk())
                .andExpect(jsonPath("$.worked.hours").value(21.75))
                .andExpect(jsonPath("$.billed.hours").value(7.5))
                .andExpect(jsonPath("$.writtenOff.hours").value(2.25))
                .andExpect(jsonPath("$.unbilled.hours").value(12.0));
        assertThat(jdbc.queryForObject("select write_off_reason from unbilled_entry where entry_id = ?", String.class, c))
                .isEqualTo("training time");

        answer("timesheet.events", customer, "EntriesBilled.v1", """
                {"invoiceRunId":"%s","customerId":"%s","invoiceNumber":"INV-2026-00042","entryIds":["%s"],"notBilled":[]}"""
                .formatted(run, customer, a));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> http.perform(get("/invoice-runs/{id}", run))
                .andExpect(jsonPath("$.step").value("COMPLETED")).andExpect(jsonPath("$.finishedAt").isNotEmpty()));
        http.perform(get("/reviews/{id}", review)).andExpect(jsonPath("$.status").value("ISSUED"));

        // the deferred entry is back in the next review; billed and written-off ones are not
        String next = startReview();
        http.perform(get("/reviews/{id}", next)).andExpect(jsonPath("$.entries.length()").value(1))
                .andExpect(jsonPath("$.entries[0].entryId").value(b.toString()));
    }

    /**
     * The invoice's answer settles what was decided when the run started (kept with the run), not the review as it
     * reads by then: here a review line changed behind the run's back is not taken into account.
     */
    @Test
    void the_invoice_answer_settles_what_the_run_decided_at_its_start() throws Exception {
        String review = startReview();
        send(post("/reviews/{id}/decisions", review), """
                {"decisions":[{"entryId":"%s","decision":"WRITE_OFF","reason":"training time"}]}""".formatted(c)).andExpect(status().isOk());
        String run = issueWithoutFrameOrder(review);
        jdbc.update("update review_line set decision = 'DEFER' where review_id = ?::uuid and entry_id = ?", review, a);

        answer("invoice.events", customer, "InvoiceIssued.v1", """
                {"invoiceId":"%s","invoiceRunId":"%s","number":"INV-2026-00043","customerId":"%s"}""".formatted(UUID.randomUUID(), run, customer));
        var mark = command("timesheet.commands", run, "MarkEntriesBilled.v1");
        assertThat((List<String>) JsonPath.read(mark.value(), "$.entryIds")).containsExactly(a.toString(), b.toString());
        assertThat(jdbc.queryForList("select state from unbilled_entry where entry_id in (?, ?) order by state", String.class, a, b))
                .containsExactly("BILLED", "BILLED");
        assertThat(jdbc.queryForObject("select write_off_reason from unbilled_entry where entry_id = ?", String.class, c))
                .isEqualTo("training time");
        http.perform(get("/reviews/{id}", review)).andExpect(jsonPath("$.status").value("ISSUED"));
    }

    /** A run started before settlements were kept with runs (their columns empty) settles from its review, as before. */
    @Test
    void a_run_without_a_kept_settlement_settles_from_its_review() throws Exception {
        String review = startReview();
        String run = issueWithoutFrameOrder(review);
        jdbc.update("""
                update invoice_run set billed_entry_ids = null, billed_hours = null, written_off_entry_ids = null,
                    written_off_reasons = null, bills_terms = null where id = ?::uuid""", run);

        answer("invoice.events", customer, "InvoiceIssued.v1", """
                {"invoiceId":"%s","invoiceRunId":"%s","number":"INV-2026-00044","customerId":"%s"}""".formatted(UUID.randomUUID(), run, customer));
        var mark = command("timesheet.commands", run, "MarkEntriesBilled.v1");
        assertThat((List<String>) JsonPath.read(mark.value(), "$.entryIds")).containsExactlyInAnyOrder(a.toString(), b.toString(), c.toString());
        assertThat(jdbc.queryForObject("select count(*) from unbilled_entry where invoice_number = 'INV-2026-00044' and state = 'BILLED'",
                Integer.class)).isEqualTo(3);
        http.perform(get("/reviews/{id}", review)).andExpect(jsonPath("$.status").value("ISSUED"));
    }

    /**
     * Timesheets act on the invoice's own event, so their answer can overtake the invoice's on its way to billing: the
     * run keeps it and completes when the invoice's answer comes, without asking timesheets again.
     */
    @Test
    void entries_locked_before_the_invoice_answer_arrived_complete_the_run_at_the_invoice() throws Exception {
        String review = startReview();
        String run = issueWithoutFrameOrder(review);
        answer("timesheet.events", customer, "EntriesBilled.v1", """
                {"invoiceRunId":"%s","customerId":"%s","invoiceNumber":"INV-2026-00045","entryIds":["%s","%s","%s"],"notBilled":[]}"""
                .formatted(run, customer, a, b, c));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select entries_locked from invoice_run where id = ?::uuid", Boolean.class, run));
        http.perform(get("/invoice-runs/{id}", run)).andExpect(jsonPath("$.step").value("ISSUING"));

        answer("invoice.events", customer, "InvoiceIssued.v1", """
                {"invoiceId":"%s","invoiceRunId":"%s","number":"INV-2026-00045","customerId":"%s"}""".formatted(UUID.randomUUID(), run, customer));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> http.perform(get("/invoice-runs/{id}", run))
                .andExpect(jsonPath("$.step").value("COMPLETED")).andExpect(jsonPath("$.invoiceNumber").value("INV-2026-00045")));
        assertThat(jdbc.queryForObject("select count(*) from unbilled_entry where invoice_number = 'INV-2026-00045' and state = 'BILLED'",
                Integer.class)).isEqualTo(3);
    }

    /** Generates the review for October, drawing on the customer's frame order. */
    private String generateWithFrameOrder(String review) throws Exception {
        send(put("/reviews/{id}/options", review), """
                {"periodFrom":"2026-10-01","periodTo":"2026-10-31","paymentTermsDays":30,"frameOrderId":"%s"}""".formatted(frameOrder));
        return generate(review);
    }

    /** Generates the review without a frame order and waits for the invoice request the run sends at once. */
    private String issueWithoutFrameOrder(String review) throws Exception {
        send(put("/reviews/{id}/options", review), """
                {"periodFrom":"2026-10-01","periodTo":"2026-10-31","paymentTermsDays":30}""").andExpect(status().isOk());
        String run = generate(review);
        command("invoice.commands", run, "IssueInvoice.v2");
        return run;
    }

    @Test
    void a_rejected_draw_down_fails_the_run_with_its_reason_and_gives_the_entries_back() throws Exception {
        String review = startReview();
        String run = generateWithFrameOrder(review);
        command("frame-order.commands", run, "DrawDownFrameOrder.v1");
        http.perform(get("/customers/{id}/unbilled-entries", customer).param("billingType", "TIME_AND_MATERIALS"))
                .andExpect(jsonPath("$.entries.length()").value(0));
        answer("frame-order.events", frameOrder, "FrameOrderDrawDownRejected.v1", """
                {"drawDownId":"%s","frameOrderId":"%s","customerId":"%s","reason":"frame order PO-7 has 12.5 h left, this invoice needs 17.75 h"}"""
                .formatted(run, frameOrder, customer));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> http.perform(get("/invoice-runs/{id}", run))
                .andExpect(jsonPath("$.status").value("FAILED"))
                .andExpect(jsonPath("$.failureReason").value("frame order PO-7 has 12.5 h left, this invoice needs 17.75 h")));
        http.perform(get("/customers/{id}/unbilled-entries", customer).param("billingType", "TIME_AND_MATERIALS"))
                .andExpect(jsonPath("$.entries.length()").value(3));
        http.perform(get("/reviews/{id}", review)).andExpect(jsonPath("$.status").value("FAILED"));
    }

    /** An entry reopened for correction before the invoice: timesheets refuse the lock, and no invoice bills it. */
    @Test
    void a_lock_refused_by_timesheets_turns_the_run_back_before_the_invoice() throws Exception {
        String review = startReview();
        String run = generateWithFrameOrder(review);
        command("timesheet.commands", run, "LockEntries.v1");
        answer("timesheet.events", customer, "EntriesNotLocked.v1", """
                {"invoiceRunId":"%s","customerId":"%s","entryIds":["%s"],"reason":"1 of the 3 entries was reopened in timesheets"}"""
                .formatted(run, customer, b));

        // the draw-down may have happened: reversed (or barred) before the entries go back
        var reverse = command("frame-order.commands", run, "ReverseFrameOrderDrawDown.v1");
        assertThat(reverse.value()).contains("reopened");
        answer("frame-order.events", frameOrder, "FrameOrderDrawDownReversed.v1", """
                {"drawDownId":"%s","frameOrderId":"%s","customerId":null,"hours":0,"remainingHours":0,"reason":"reopened"}"""
                .formatted(run, frameOrder));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> http.perform(get("/invoice-runs/{id}", run))
                .andExpect(jsonPath("$.status").value("FAILED"))
                .andExpect(jsonPath("$.failureReason", containsString("1 of the 3 entries was reopened in timesheets"))));
        assertThat(TopicReader.readAll("invoice.commands")).noneMatch(r -> r.value().contains(run));
        http.perform(get("/customers/{id}/unbilled-entries", customer).param("billingType", "TIME_AND_MATERIALS"))
                .andExpect(jsonPath("$.entries.length()").value(3));
        // and timesheets unlock whatever the run had locked
        var release = command("timesheet.commands", run, "ReleaseEntries.v1");
        assertThat((List<String>) JsonPath.read(release.value(), "$.entryIds")).containsExactlyInAnyOrder(a.toString(), b.toString(), c.toString());
    }

    @Test
    void a_silent_frame_order_service_is_asked_again_then_the_draw_down_is_barred_and_the_run_fails() throws Exception {
        String review = startReview();
        send(put("/reviews/{id}/options", review), """
                {"periodFrom":"2026-10-01","periodTo":"2026-10-31","paymentTermsDays":30,"frameOrderId":"%s"}""".formatted(frameOrder));
        var generation = send(post("/reviews/{id}/generation", review).header("X-Correlation-Id", "close-" + review), "")
                .andExpect(status().isAccepted()).andReturn();
        String run = JsonPath.read(generation.getResponse().getContentAsString(), "$.id");
        var asked = TopicReader.read("frame-order.commands", Duration.ofSeconds(30), r -> about(r, run).stream()
                .anyMatch(x -> x.type().equals("ReverseFrameOrderDrawDown.v1")));
        assertThat(about(asked, run)).extracting(TopicReader.Record::type)
                .containsExactly("DrawDownFrameOrder.v1", "DrawDownFrameOrder.v1", "ReverseFrameOrderDrawDown.v1");
        // asked again and turned back off a timer, not a request: still the run's correlation id
        assertThat(about(asked, run)).extracting(r -> r.headers().get("ce_correlationid")).containsOnly("close-" + review);
        http.perform(get("/invoice-runs/{id}", run)).andExpect(jsonPath("$.status").value("RUNNING"));
        answer("frame-order.events", frameOrder, "FrameOrderDrawDownReversed.v1", """
                {"drawDownId":"%s","frameOrderId":"%s","customerId":null,"hours":0,"remainingHours":0,"reason":"frame-order-service did not answer"}"""
                .formatted(run, frameOrder));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> http.perform(get("/invoice-runs/{id}", run))
                .andExpect(jsonPath("$.status").value("FAILED"))
                .andExpect(jsonPath("$.failureReason").value("frame-order-service did not answer")));
        http.perform(get("/customers/{id}/unbilled-entries", customer).param("billingType", "TIME_AND_MATERIALS"))
                .andExpect(jsonPath("$.entries.length()").value(3));
    }

    @Test
    void bad_input_gets_a_clear_problem() throws Exception {
        send(post("/reviews"), "{\"customerId\":\"%s\"}".formatted(UUID.randomUUID())).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("customerId"));
        send(post("/reviews"), "{}").andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("customerId"));
        String review = startReview();
        send(post("/reviews/{id}/decisions", review), """
                {"decisions":[{"entryId":"%s","decision":"WRITE_OFF"}]}""".formatted(a)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        send(post("/reviews/{id}/decisions", review), """
                {"decisions":[{"entryId":"%s","decision":"BILL"}]}""".formatted(fixedPrice)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("entryId"));
        send(post("/reviews/{id}/decisions", review), """
                {"decisions":[{"entryId":"%s","decision":"MAYBE"}]}""".formatted(a)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("decisions[0].decision"));
        send(put("/reviews/{id}/options", review), """
                {"periodFrom":"2026-10-31","periodTo":"2026-10-01","paymentTermsDays":30}""").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("periodTo"));
        send(post("/reviews/{id}/defer-all", review), "").andExpect(status().isOk()).andExpect(jsonPath("$.summary.hoursBilled").value(0));
        send(post("/reviews/{id}/generation", review), "").andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("nothing to bill")));
        http.perform(get("/invoice-runs/{id}", UUID.randomUUID())).andExpect(status().isNotFound());

        // two reviews over the same entries: the second generation finds them taken
        send(post("/reviews/{id}/bill-all", review), "").andExpect(status().isOk());
        String other = startReview();
        generate(review);
        send(post("/reviews/{id}/generation", other), "").andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("no longer unbilled")));
    }

    private String startReview() throws Exception {
        return JsonPath.read(send(post("/reviews"), "{\"customerId\":\"%s\"}".formatted(customer)).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString(), "$.id");
    }

    private String generate(String review) throws Exception {
        var result = send(post("/reviews/{id}/generation", review), "").andExpect(status().isAccepted())
                .andExpect(jsonPath("$.status").value("RUNNING")).andExpect(jsonPath("$.startedAt").isNotEmpty()).andReturn();
        return JsonPath.read(result.getResponse().getContentAsString(), "$.id");
    }

    private ResultActions send(MockHttpServletRequestBuilder request, String body) throws Exception {
        return http.perform(request.contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private static TopicReader.Record command(String topic, String run, String type) {
        var records = TopicReader.read(topic, Duration.ofSeconds(30), r -> about(r, run).stream().anyMatch(x -> x.type().equals(type)));
        return about(records, run).stream().filter(x -> x.type().equals(type)).findFirst().orElseThrow();
    }

    private static void answer(String topic, UUID key, String type, String payload) {
        RawEvents.send(topic, key.toString(), UUID.randomUUID().toString(), type, payload);
    }

    private static List<TopicReader.Record> about(List<TopicReader.Record> records, String run) {
        return records.stream().filter(r -> r.value().contains(run)).toList();
    }

    private String entry(UUID id, String date, String hours, String billingType) {
        return """
                {"entryId":"%s","customerId":"%s","projectId":"%s","billingType":"%s","resourceId":"%s",
                 "resourceName":"Ada","role":"Senior","task":"Build","date":"%s","hours":%s,"rate":145.00,"amount":0,
                 "currency":"CHF","billable":true,"description":null}""".formatted(id, customer, UUID.randomUUID(), billingType,
                UUID.randomUUID(), date, hours);
    }
}
