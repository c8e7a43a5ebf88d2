package org.hourbill.timesheet.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.hourbill.testsupport.RawEvents;
import org.hourbill.testsupport.ServiceTest;
import org.hourbill.testsupport.TopicReader;
import org.hourbill.timesheet.application.TimesheetApproval;
import org.hourbill.timesheet.events.TimesheetTopics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.jayway.jsonpath.JsonPath;

/** The timesheet API against the real PostgreSQL and broker: rules, problem details, and the events it publishes. */
@ServiceTest
class TimesheetApiTest {
    @Autowired
    MockMvc http;
    @Autowired
    TimesheetApproval approval;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    JdbcTemplate jdbc;

    String customerId;
    String projectId;
    String internalProjectId;
    String resourceId;
    String projectCode;

    @BeforeEach
    void referenceData() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        projectCode = "ERP-" + suffix;
        customerId = id(send(post("/customers"), """
                {"name":"Northwind %s","address":"Hafenstrasse 12, Hamburg","taxId":"DE123","taxRate":19,"currency":"EUR","paymentTermsDays":30}
                """.formatted(suffix)).andExpect(status().isCreated()));
        projectId = id(send(post("/projects"), """
                {"customerId":"%s","code":"ERP-%s","name":"ERP migration","billingType":"TIME_AND_MATERIALS"}
                """.formatted(customerId, suffix)).andExpect(status().isCreated()));
        internalProjectId = id(send(post("/projects"), """
                {"customerId":"%s","code":"INT-%s","name":"Internal","billingType":"NOT_BILLED","overhead":true}
                """.formatted(customerId, suffix)));
        resourceId = id(send(post("/resources"), """
                {"name":"Ada Lovelace","role":"Senior","defaultRate":120}"""));
        send(put("/projects/" + projectId + "/rates/Senior"), """
                {"rate":145.50}""").andExpect(status().isOk());
    }

    @Test
    void approved_entries_are_priced_and_announced_with_a_cloud_events_envelope() throws Exception {
        String a = entry("2026-10-01", "7.5");
        String b = entry("2026-10-02", "8");
        send(post("/time-entries/submissions"), ids(a, b)).andExpect(jsonPath("$.entries").value(2));
        // before approval the queue is valued at the rate approval will fix: 7.5 h + 8 h at 145.50
        send(post("/time-entries/valuations"), ids(a, b)).andExpect(jsonPath("$[0].currency").value("EUR"))
                .andExpect(jsonPath("$[0].entries").value(2)).andExpect(jsonPath("$[0].hours").value(15.5))
                .andExpect(jsonPath("$[0].amount").value(2255.25));
        send(post("/time-entries/approvals"), ids(a, b)).andExpect(jsonPath("$.entries").value(2));

        http.perform(get("/time-entries/" + a)).andExpect(jsonPath("$.status").value("APPROVED"))
                .andExpect(jsonPath("$.rate").value(145.50)).andExpect(jsonPath("$.amount").value(1091.25));
        send(post("/time-entries/valuations"), ids(a, b)).andExpect(jsonPath("$[0].amount").value(2255.25));

        var records = TopicReader.read(TimesheetTopics.EVENTS, Duration.ofSeconds(20),
                r -> r.stream().anyMatch(x -> x.value().contains(a)));
        var approved = records.stream().filter(x -> x.value().contains(a)).findFirst().orElseThrow();
        assertThat(approved.key()).isEqualTo(customerId);
        assertThat(approved.type()).isEqualTo("EntriesApproved.v1");
        assertThat(approved.headers()).containsKeys("ce_id", "ce_time", "ce_correlationid")
                .containsEntry("ce_source", "timesheet-service").containsEntry("ce_specversion", "1.0")
                .containsEntry("ce_subject", "customer/" + customerId);
        List<String> billingTypes = JsonPath.read(approved.value(), "$.entries[*].billingType");
        List<String> entryIds = JsonPath.read(approved.value(), "$.entries[*].entryId");
        assertThat(entryIds).containsExactlyInAnyOrder(a, b);
        assertThat(billingTypes).containsOnly("TIME_AND_MATERIALS");
        assertThat(records).anyMatch(x -> x.type().equals("CustomerChanged.v1") && x.key().equals(customerId));
    }

    @Test
    void reopening_an_approved_entry_is_announced_and_approving_a_draft_is_409() throws Exception {
        String a = entry("2026-10-05", "4");
        send(post("/time-entries/approvals"), ids(a)).andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString("only a submitted entry can be approved")));
        send(post("/time-entries/submissions"), ids(a));
        send(post("/time-entries/approvals"), ids(a));
        send(put("/time-entries/" + a), entryBody("2026-10-05", "5")).andExpect(status().isConflict());
        send(post("/time-entries/reopenings"), ids(a)).andExpect(status().isOk());
        http.perform(get("/time-entries/" + a)).andExpect(jsonPath("$.status").value("DRAFT"));
        var records = TopicReader.read(TimesheetTopics.EVENTS, Duration.ofSeconds(20),
                r -> r.stream().anyMatch(x -> x.type().equals("EntriesReopened.v1") && x.value().contains(a)));
        assertThat(records).anyMatch(x -> x.type().equals("EntriesReopened.v1") && x.value().contains(a));
    }

    /**
     * An issued invoice names its entries (InvoiceIssued on invoice.events): timesheets lock them at once and answer the
     * invoice run, without billing having to ask. A redelivered event, and an invoice without entries, change nothing.
     */
    @Test
    void an_issued_invoice_locks_the_entries_it_names_and_answers_its_run() throws Exception {
        String a = entry("2026-10-08", "3");
        String b = entry("2026-10-09", "5");
        String c = entry("2026-10-10", "2");
        send(post("/time-entries/submissions"), ids(a, b, c));
        send(post("/time-entries/approvals"), ids(a, b, c));
        String run = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        String issued = """
                {"invoiceId":"%s","invoiceRunId":"%s","number":"INV-2026-00077","customerId":"%s","currency":"EUR",
                 "entryIds":["%s","%s"]}""".formatted(UUID.randomUUID(), run, customerId, a, b);
        RawEvents.send("invoice.events", customerId, eventId, "InvoiceIssued.v1", issued);
        RawEvents.send("invoice.events", customerId, eventId, "InvoiceIssued.v1", issued);
        String termsOnly = UUID.randomUUID().toString();
        RawEvents.send("invoice.events", customerId, UUID.randomUUID().toString(), "InvoiceIssued.v1", """
                {"invoiceId":"%s","invoiceRunId":"%s","number":"INV-2026-00078","customerId":"%s","entryIds":[]}"""
                .formatted(UUID.randomUUID(), termsOnly, customerId));
        // one key, one partition: when the last invoice's answer is out, the events before it were all taken (it names
        // an entry not billed yet: an invoice whose entries are all billed already changes nothing and is not answered)
        String last = UUID.randomUUID().toString();
        RawEvents.send("invoice.events", customerId, UUID.randomUUID().toString(), "InvoiceIssued.v1", """
                {"invoiceId":"%s","invoiceRunId":"%s","number":"INV-2026-00079","customerId":"%s","entryIds":["%s"]}"""
                .formatted(UUID.randomUUID(), last, customerId, c));

        var answers = TopicReader.read(TimesheetTopics.EVENTS, Duration.ofSeconds(30),
                r -> r.stream().anyMatch(x -> x.value().contains(last)));
        var billed = answers.stream().filter(x -> x.value().contains(run)).toList();
        assertThat(billed).extracting(TopicReader.Record::type).containsExactly("EntriesBilled.v1");
        assertThat(JsonPath.<List<String>>read(billed.getFirst().value(), "$.entryIds")).containsExactly(a, b);
        assertThat(JsonPath.<String>read(billed.getFirst().value(), "$.invoiceNumber")).isEqualTo("INV-2026-00077");
        assertThat(answers).noneMatch(x -> x.value().contains(termsOnly));
        http.perform(get("/time-entries/" + a)).andExpect(jsonPath("$.status").value("BILLED"));
        http.perform(get("/time-entries/" + b)).andExpect(jsonPath("$.status").value("BILLED"));
        send(post("/time-entries/reopenings"), ids(b)).andExpect(status().isConflict());
    }

    /** An issued invoice that names entries but no run to answer is dead-lettered alone; the next invoice is taken. */
    @Test
    void an_issued_invoice_without_its_run_is_dead_lettered_and_the_next_one_is_taken() throws Exception {
        String a = entry("2026-10-12", "2");
        send(post("/time-entries/submissions"), ids(a));
        send(post("/time-entries/approvals"), ids(a));
        String poison = UUID.randomUUID().toString();
        RawEvents.send("invoice.events", customerId, poison, "InvoiceIssued.v1", """
                {"invoiceId":"%s","number":"INV-2026-00080","customerId":"%s","entryIds":["%s"]}"""
                .formatted(UUID.randomUUID(), customerId, a));
        String run = UUID.randomUUID().toString();
        RawEvents.send("invoice.events", customerId, UUID.randomUUID().toString(), "InvoiceIssued.v1", """
                {"invoiceId":"%s","invoiceRunId":"%s","number":"INV-2026-00081","customerId":"%s","entryIds":["%s"]}"""
                .formatted(UUID.randomUUID(), run, customerId, a));

        var dead = TopicReader.read("invoice.events.timesheet-service.dlq", Duration.ofSeconds(30),
                r -> r.stream().anyMatch(x -> poison.equals(x.headers().get("ce_id"))));
        assertThat(dead).anyMatch(x -> poison.equals(x.headers().get("ce_id")));
        assertThat(TopicReader.read(TimesheetTopics.EVENTS, Duration.ofSeconds(30), r -> r.stream().anyMatch(x -> x.value().contains(run))))
                .anyMatch(x -> x.type().equals("EntriesBilled.v1") && x.value().contains(run));
        http.perform(get("/time-entries/" + a)).andExpect(jsonPath("$.status").value("BILLED"));
    }

    /**
     * An invoice run locks its entries before its invoice, all or none: an entry reopened for correction refuses the
     * lock, so the run turns back. Hearing of the invoice then changes nothing and needs no answer; a failed run gives
     * its entries back.
     */
    @Test
    void an_invoice_run_locks_its_entries_before_the_invoice_all_or_none() throws Exception {
        String a = entry("2026-10-13", "3");
        String b = entry("2026-10-14", "5");
        String c = entry("2026-10-15", "1");
        String reopened = entry("2026-10-16", "2");
        String marker = entry("2026-10-19", "1");
        send(post("/time-entries/submissions"), ids(a, b, c, reopened, marker));
        send(post("/time-entries/approvals"), ids(a, b, c, reopened, marker));
        send(post("/time-entries/reopenings"), ids(reopened));
        String run = UUID.randomUUID().toString();
        String refusedRun = UUID.randomUUID().toString();
        String lock = """
                {"invoiceRunId":"%s","customerId":"%s","entryIds":["%s","%s"]}""".formatted(run, customerId, a, b);
        RawEvents.send(TimesheetTopics.COMMANDS, customerId, UUID.randomUUID().toString(), "LockEntries.v1", lock);
        RawEvents.send(TimesheetTopics.COMMANDS, customerId, UUID.randomUUID().toString(), "LockEntries.v1", lock);
        RawEvents.send(TimesheetTopics.COMMANDS, customerId, UUID.randomUUID().toString(), "LockEntries.v1", """
                {"invoiceRunId":"%s","customerId":"%s","entryIds":["%s","%s"]}""".formatted(refusedRun, customerId, c, reopened));

        var answers = TopicReader.read(TimesheetTopics.EVENTS, Duration.ofSeconds(30),
                r -> r.stream().anyMatch(x -> x.value().contains(refusedRun)));
        // asked twice, answered the same twice
        assertThat(answers.stream().filter(x -> x.value().contains(run))).extracting(TopicReader.Record::type)
                .containsExactly("EntriesLocked.v1", "EntriesLocked.v1");
        var refused = answers.stream().filter(x -> x.value().contains(refusedRun)).toList();
        assertThat(refused).extracting(TopicReader.Record::type).containsExactly("EntriesNotLocked.v1");
        assertThat(JsonPath.<List<String>>read(refused.getFirst().value(), "$.entryIds")).containsExactly(reopened);
        assertThat(JsonPath.<String>read(refused.getFirst().value(), "$.reason")).contains("reopened");
        http.perform(get("/time-entries/" + a)).andExpect(jsonPath("$.status").value("BILLED"));
        http.perform(get("/time-entries/" + c)).andExpect(jsonPath("$.status").value("APPROVED"));
        send(post("/time-entries/reopenings"), ids(b)).andExpect(status().isConflict());

        // the invoice of the locked run: no news, no answer (the marker invoice after it, on the same partition, gets one)
        String markerRun = UUID.randomUUID().toString();
        RawEvents.send("invoice.events", customerId, UUID.randomUUID().toString(), "InvoiceIssued.v1", """
                {"invoiceId":"%s","invoiceRunId":"%s","number":"INV-2026-00090","customerId":"%s","entryIds":["%s","%s"]}"""
                .formatted(UUID.randomUUID(), run, customerId, a, b));
        RawEvents.send("invoice.events", customerId, UUID.randomUUID().toString(), "InvoiceIssued.v1", """
                {"invoiceId":"%s","invoiceRunId":"%s","number":"INV-2026-00091","customerId":"%s","entryIds":["%s"]}"""
                .formatted(UUID.randomUUID(), markerRun, customerId, marker));
        var afterInvoices = TopicReader.read(TimesheetTopics.EVENTS, Duration.ofSeconds(30),
                r -> r.stream().anyMatch(x -> x.value().contains(markerRun)));
        assertThat(afterInvoices).anyMatch(x -> x.type().equals("EntriesBilled.v1") && x.value().contains(markerRun));
        assertThat(afterInvoices).noneMatch(x -> x.type().equals("EntriesBilled.v1") && x.value().contains(run));

        // a run that failed before its invoice gives its entries back: approved and correctable again
        RawEvents.send(TimesheetTopics.COMMANDS, customerId, UUID.randomUUID().toString(), "ReleaseEntries.v1", """
                {"customerId":"%s","entryIds":["%s","%s"],"reason":"invoice run failed"}""".formatted(customerId, a, b));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                http.perform(get("/time-entries/" + b)).andExpect(jsonPath("$.status").value("APPROVED")));
        send(post("/time-entries/reopenings"), ids(b)).andExpect(status().isOk());
    }

    @Test
    void an_invoice_run_locks_its_entries_as_billed_once_even_when_asked_twice() throws Exception {
        String a = entry("2026-10-06", "3");
        String reopened = entry("2026-10-07", "2");
        send(post("/time-entries/submissions"), ids(a, reopened));
        send(post("/time-entries/approvals"), ids(a, reopened));
        send(post("/time-entries/reopenings"), ids(reopened));
        String run = UUID.randomUUID().toString();
        String command = """
                {"invoiceRunId":"%s","customerId":"%s","invoiceNumber":"INV-2026-00042","entryIds":["%s","%s"]}"""
                .formatted(run, customerId, a, reopened);
        RawEvents.send(TimesheetTopics.COMMANDS, customerId, UUID.randomUUID().toString(), "MarkEntriesBilled.v1", command);
        RawEvents.send(TimesheetTopics.COMMANDS, customerId, UUID.randomUUID().toString(), "MarkEntriesBilled.v1", command);

        var answers = TopicReader.read(TimesheetTopics.EVENTS, Duration.ofSeconds(30),
                r -> r.stream().filter(x -> x.value().contains(run)).count() == 2);
        var billed = answers.stream().filter(x -> x.value().contains(run)).toList();
        assertThat(billed).extracting(TopicReader.Record::type).containsOnly("EntriesBilled.v1");
        List<String> billedIds = JsonPath.read(billed.getFirst().value(), "$.entryIds");
        List<String> notBilled = JsonPath.read(billed.getFirst().value(), "$.notBilled");
        assertThat(billedIds).containsExactly(a);
        assertThat(notBilled).containsExactly(reopened);
        http.perform(get("/time-entries/" + a)).andExpect(jsonPath("$.status").value("BILLED"));
        send(post("/time-entries/reopenings"), ids(a)).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("already billed")));
    }

    @Test
    void a_bulk_approval_is_all_or_nothing() throws Exception {
        String submitted = entry("2026-10-06", "3");
        String draft = entry("2026-10-07", "3");
        send(post("/time-entries/submissions"), ids(submitted));
        send(post("/time-entries/approvals"), ids(submitted, draft)).andExpect(status().isConflict());
        http.perform(get("/time-entries/" + submitted)).andExpect(jsonPath("$.status").value("SUBMITTED"));
    }

    /** A request is taken a thousand entries at a time (memory), in one transaction: a refusal in the second undoes the first. */
    @Test
    void a_bulk_approval_larger_than_a_chunk_is_still_all_or_nothing() throws Exception {
        String first = entry("2023-01-01", "1");
        send(post("/time-entries/submissions"), ids(first));
        // 2,500 more like it, one a day, written directly (requests would take a minute): the request spans two chunks
        String others = jdbc.queryForObject("""
                select string_agg(column_name, ', ' order by ordinal_position) from information_schema.columns
                where table_name = 'time_entry' and column_name not in ('id', 'work_date')""", String.class);
        List<String> submitted = new ArrayList<>(List.of(first));
        submitted.addAll(jdbc.queryForList("insert into time_entry (id, work_date, " + others + ") select gen_random_uuid(), work_date + g, "
                + others + " from time_entry, generate_series(1, 2_500) g where id = ?::uuid returning id::text", String.class, first));
        String draft = entry("2025-12-31", "1");
        List<String> month = new ArrayList<>(submitted);
        month.add(draft);

        send(post("/time-entries/approvals"), ids(month.toArray(String[]::new))).andExpect(status().isConflict());
        assertThat(jdbc.queryForObject("select count(*) from time_entry where id = any(?::uuid[]) and status = 'SUBMITTED'",
                Integer.class, (Object) submitted.toArray(String[]::new))).isEqualTo(2_501);

        send(post("/time-entries/submissions"), ids(draft));
        send(post("/time-entries/approvals"), ids(month.toArray(String[]::new))).andExpect(jsonPath("$.entries").value(2_502));
        // every chunk priced at the project's rate for the role, the second from what the first read
        assertThat(jdbc.queryForObject("select count(*) from time_entry where id = any(?::uuid[]) and status = 'APPROVED' and rate = 145.50",
                Integer.class, (Object) month.toArray(String[]::new))).isEqualTo(2_502);
    }

    @Test
    void bad_input_is_a_clear_400_naming_the_field() throws Exception {
        send(post("/time-entries"), entryBody("2026-10-08", "-1")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("hours"));
        entry("2026-10-09", "20");
        send(post("/time-entries"), entryBody("2026-10-09", "5")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("hours"))
                .andExpect(jsonPath("$.detail", containsString("25 h on 2026-10-09")));
        send(post("/time-entries"), """
                {"projectId":"%s","resourceId":"%s","date":"2026-10-08","hours":2}""".formatted(UUID.randomUUID(), resourceId))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("projectId"));
        send(post("/time-entries"), """
                {"projectId":"%s","resourceId":"%s","date":"2026-10-08","hours":2,"billable":true}""".formatted(internalProjectId, resourceId))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("billable"));
        send(post("/time-entries"), """
                {"projectId":"%s","resourceId":"%s","date":"2026-10-08","hours":2,"colour":"red"}""".formatted(projectId, resourceId))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("colour"));
        send(post("/time-entries"), """
                {"projectId":"%s","resourceId":"%s","date":"08/10/2026","hours":2}""".formatted(projectId, resourceId))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("date"))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("Exception"))));
        send(post("/customers"), """
                {"name":"X","taxRate":19,"currency":"euro","paymentTermsDays":30}""")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("currency"));
        http.perform(get("/time-entries/not-a-uuid")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("id"));
        http.perform(get("/time-entries/" + UUID.randomUUID())).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        send(post("/time-entries/approvals"), "{\"entryIds\":[]}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("entryIds"));
    }

    @Test
    void entries_can_be_found_by_customer_and_status_a_page_at_a_time() throws Exception {
        entry("2026-10-12", "1");
        entry("2026-10-13", "1");
        http.perform(get("/time-entries").param("customerId", customerId).param("status", "DRAFT").param("size", "1"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.items.length()").value(1)).andExpect(jsonPath("$.items[0].date").value("2026-10-12"));
    }

    @Test
    void changes_to_customers_rates_and_draft_entries_are_stored() throws Exception {
        send(put("/customers/" + customerId), """
                {"name":"Northwind Traders","address":"Hafenstrasse 14, Hamburg","taxId":"DE124","taxRate":7,"currency":"EUR","paymentTermsDays":14}
                """).andExpect(status().isOk());
        http.perform(get("/customers/" + customerId)).andExpect(jsonPath("$.name").value("Northwind Traders"))
                .andExpect(jsonPath("$.taxRate").value(7)).andExpect(jsonPath("$.paymentTermsDays").value(14));
        send(put("/projects/" + projectId + "/rates/Senior"), """
                {"rate":150}""").andExpect(status().isOk());

        String a = entry("2026-10-20", "2");
        send(put("/time-entries/" + a), entryBody("2026-10-21", "6.25")).andExpect(status().isOk());
        http.perform(get("/time-entries/" + a)).andExpect(jsonPath("$.date").value("2026-10-21"))
                .andExpect(jsonPath("$.hours").value(6.25));
        send(put("/time-entries/" + a), entryBody("2026-10-21", "6.5")).andExpect(status().isOk());
        assertThat(jdbc.queryForObject("select version from time_entry where id = ?::uuid", Long.class, a)).isEqualTo(2);

        send(post("/time-entries/submissions"), ids(a));
        send(post("/time-entries/approvals"), ids(a));
        http.perform(get("/time-entries/" + a)).andExpect(jsonPath("$.rate").value(150)).andExpect(jsonPath("$.amount").value(975));
    }

    @Test
    void a_project_changes_its_billing_type_until_hours_of_it_are_approved_and_billing_hears_of_it() throws Exception {
        send(put("/projects/" + projectId), """
                {"name":"ERP migration, phase 2","billingType":"CAPPED_TIME_AND_MATERIALS"}""").andExpect(status().isOk())
                .andExpect(jsonPath("$.billingType").value("CAPPED_TIME_AND_MATERIALS")).andExpect(jsonPath("$.name").value("ERP migration, phase 2"));
        var changed = TopicReader.read(TimesheetTopics.EVENTS, Duration.ofSeconds(20), r -> r.stream()
                .anyMatch(x -> x.type().equals("ProjectChanged.v1") && x.value().contains("CAPPED_TIME_AND_MATERIALS") && x.value().contains(projectId)));
        assertThat(changed).anyMatch(x -> x.type().equals("ProjectChanged.v1") && x.value().contains("phase 2"));
        send(put("/projects/" + internalProjectId), """
                {"name":"Internal","billingType":"TIME_AND_MATERIALS"}""").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("billingType"));

        String a = entry("2026-10-07", "8");
        send(post("/time-entries/submissions"), ids(a));
        // submitted hours are not priced yet: the type may still change
        send(put("/projects/" + projectId), """
                {"name":"ERP migration","billingType":"TIME_AND_MATERIALS"}""").andExpect(status().isOk());
        send(post("/time-entries/approvals"), ids(a));
        send(put("/projects/" + projectId), """
                {"name":"ERP migration","billingType":"FIXED_PRICE"}""").andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("has approved hours")));
        // the name still changes
        send(put("/projects/" + projectId), """
                {"name":"ERP migration (2026)","billingType":"TIME_AND_MATERIALS"}""").andExpect(status().isOk());
        send(put("/projects/" + UUID.randomUUID()), """
                {"name":"x","billingType":"TIME_AND_MATERIALS"}""").andExpect(status().isNotFound());
    }

    @Test
    void reference_data_is_listed_in_order_and_a_taken_project_code_is_refused() throws Exception {
        List<String> ofCustomer = JsonPath.read(http.perform(get("/projects").param("customerId", customerId))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(), "$[*].id");
        assertThat(ofCustomer).containsExactlyInAnyOrder(projectId, internalProjectId);
        List<String> codes = JsonPath.read(http.perform(get("/projects")).andReturn().getResponse().getContentAsString(), "$[*].code");
        assertThat(codes).contains(projectCode).isSortedAccordingTo(String::compareTo);
        List<String> customers = JsonPath.read(http.perform(get("/customers")).andReturn().getResponse().getContentAsString(), "$[*].name");
        assertThat(customers).hasSizeGreaterThan(1).isSortedAccordingTo(String::compareTo);
        List<String> consultants = JsonPath.read(http.perform(get("/resources")).andReturn().getResponse().getContentAsString(), "$[*].name");
        assertThat(consultants).contains("Ada Lovelace").isSortedAccordingTo(String::compareTo);

        send(post("/projects"), """
                {"customerId":"%s","code":"%s","name":"Again","billingType":"TIME_AND_MATERIALS"}
                """.formatted(customerId, projectCode)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("code"));
    }

    @Test
    void a_later_page_holds_the_next_entries_in_date_order() throws Exception {
        entry("2026-10-14", "1");
        entry("2026-10-12", "1");
        entry("2026-10-13", "1");
        http.perform(get("/time-entries").param("customerId", customerId).param("from", "2026-10-13").param("page", "1").param("size", "1"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.items.length()").value(1)).andExpect(jsonPath("$.items[0].date").value("2026-10-14"));
    }

    /**
     * A client (or the gateway, after an instance died holding the request) sends a POST again under its
     * Idempotency-Key: it is carried out once and answered the same. A refusal is not remembered.
     */
    @Test
    void a_post_sent_again_under_its_idempotency_key_is_carried_out_once_and_answered_the_same() throws Exception {
        String a = entry("2026-10-08", "6");
        String key = "approve-" + UUID.randomUUID();
        keyed(post("/time-entries/approvals"), key, ids(a)).andExpect(status().isConflict()); // a draft: refused, key stays free
        send(post("/time-entries/submissions"), ids(a));

        var answers = java.util.concurrent.Executors.newFixedThreadPool(8);
        List<java.util.concurrent.Future<org.springframework.mock.web.MockHttpServletResponse>> sent = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            sent.add(answers.submit(() -> keyed(post("/time-entries/approvals"), key, ids(a)).andReturn().getResponse()));
        }
        List<org.springframework.mock.web.MockHttpServletResponse> responses = new ArrayList<>();
        for (var f : sent) responses.add(f.get());
        answers.shutdown();
        // without the key, seven of them would be 409: only a submitted entry can be approved
        assertThat(responses).allSatisfy(r -> assertThat(r.getStatus()).isEqualTo(200));
        assertThat(responses.stream().map(r -> {
            try {
                return r.getContentAsString();
            } catch (java.io.UnsupportedEncodingException e) {
                throw new IllegalStateException(e);
            }
        }).distinct()).hasSize(1);
        assertThat(responses.stream().filter(r -> "true".equals(r.getHeader("Idempotent-Replayed")))).hasSize(7);
        send(post("/time-entries/approvals"), ids(a)).andExpect(status().isConflict());

        keyed(post("/time-entries/reopenings"), key, ids(a)).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"));
        http.perform(get("/time-entries/" + a)).andExpect(jsonPath("$.status").value("APPROVED"));
        assertThat(jdbc.queryForObject("select count(*) from idempotent_request where idempotency_key = ?", Integer.class, key)).isOne();
    }

    @Test
    void every_response_carries_a_correlation_id() throws Exception {
        http.perform(get("/customers").header("X-Correlation-Id", "month-end-42"))
                .andExpect(header().string("X-Correlation-Id", "month-end-42"));
    }

    /**
     * Month end approves every row of a page at once. With room for a new version of each row on its page the
     * updates are HOT: no entry in any of the table's three indexes. At the old fillfactor (80) a quarter were.
     */
    @Test
    void approving_a_month_rewrites_the_entries_in_place_without_index_writes() throws Exception {
        List<String> month = new ArrayList<>();
        for (int day = 0; day < 150; day++) {
            month.add(entry(LocalDate.of(2025, 1, 1).plusDays(day).toString(), "6"));
        }
        send(post("/time-entries/submissions"), ids(month.toArray(String[]::new))).andExpect(jsonPath("$.entries").value(150));

        String counts = """
                select pg_stat_get_xact_tuples_updated('time_entry'::regclass) as updated,
                       pg_stat_get_xact_tuples_hot_updated('time_entry'::regclass) as hot""";
        // counts of this connection not yet reported, read before and after inside one transaction: the approval's own
        long[] approved = new TransactionTemplate(transactions).execute(tx -> {
            var before = jdbc.queryForMap(counts);
            approval.approve(month.stream().map(UUID::fromString).toList());
            var after = jdbc.queryForMap(counts);
            return new long[] {number(after, "updated") - number(before, "updated"), number(after, "hot") - number(before, "hot")};
        });

        assertThat(approved[0]).isEqualTo(150);
        // all of them, unless a concurrent snapshot kept a page from being pruned after the submissions
        assertThat(approved[1]).isGreaterThanOrEqualTo(140);
    }

    private static long number(java.util.Map<String, Object> row, String column) {
        return ((Number) row.get(column)).longValue();
    }

    private String entry(String date, String hours) throws Exception {
        return id(send(post("/time-entries"), entryBody(date, hours)).andExpect(status().isCreated()));
    }

    private String entryBody(String date, String hours) {
        return """
                {"projectId":"%s","resourceId":"%s","date":"%s","hours":%s,"task":"Migration"}""".formatted(projectId, resourceId, date, hours);
    }

    private static String ids(String... ids) {
        return "{\"entryIds\":[" + String.join(",", List.of(ids).stream().map(i -> "\"" + i + "\"").toList()) + "]}";
    }

    private ResultActions send(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String body) throws Exception {
        return http.perform(request.contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private ResultActions keyed(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String key,
            String body) throws Exception {
        return send(request.header("Idempotency-Key", key), body);
    }

    private static String id(ResultActions result) throws Exception {
        return JsonPath.read(result.andReturn().getResponse().getContentAsString(), "$.id");
    }
}
