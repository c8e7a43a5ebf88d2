package org.hourbill.invoice.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.hourbill.invoice.application.InvoiceIssuing;
import org.hourbill.invoice.domain.Invoice;
import org.hourbill.invoice.domain.InvoiceRequest;
import org.hourbill.testsupport.RawEvents;
import org.hourbill.testsupport.ServiceTest;
import org.hourbill.testsupport.TopicReader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** Issuing on the real database and broker: gapless numbers, frozen documents, repeated requests, the API. */
@ServiceTest
class InvoiceServiceTest {
    static final String COMMANDS = "invoice.commands";
    static final String EVENTS = "invoice.events";

    @Autowired
    MockMvc http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    InvoiceIssuing issuing;

    UUID customer = UUID.randomUUID();

    @Test
    void five_hundred_invoices_from_eight_threads_take_exactly_numbers_1_to_500_in_issue_order() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        List<Future<Invoice>> issued = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            issued.add(threads.submit(() -> issuing.issue(request(UUID.randomUUID(), "CONC", "2")).orElseThrow()));
        }
        List<Invoice> invoices = new ArrayList<>();
        for (Future<Invoice> f : issued) invoices.add(f.get());
        threads.shutdown();

        assertThat(invoices).extracting(Invoice::number).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 500).mapToObj("C-%04d"::formatted).toList());
        List<String> byIssueTime = jdbc.queryForList("select number from invoice where series = 'CONC' order by issued_at, number",
                String.class);
        assertThat(byIssueTime).isSortedAccordingTo(Comparator.naturalOrder()).hasSize(500);
        assertThat(jdbc.queryForList("select issued_at from invoice where series = 'CONC' order by number", java.sql.Timestamp.class))
                .isSortedAccordingTo(Comparator.naturalOrder());
    }

    @Test
    void a_request_delivered_twice_makes_one_invoice_and_is_answered_twice_with_the_same_number() {
        UUID run = UUID.randomUUID();
        String command = issueCommand(run, "DUP");
        RawEvents.send(COMMANDS, customer.toString(), UUID.randomUUID().toString(), "IssueInvoice.v1", command);
        RawEvents.send(COMMANDS, customer.toString(), UUID.randomUUID().toString(), "IssueInvoice.v1", command);

        var answers = TopicReader.read(EVENTS, Duration.ofSeconds(30), r -> about(r, run).size() == 2);
        assertThat(about(answers, run)).extracting(TopicReader.Record::type).containsOnly("InvoiceIssued.v1");
        assertThat(about(answers, run).get(0).value()).isEqualTo(about(answers, run).get(1).value());
        assertThat(about(answers, run).get(0).key()).isEqualTo(customer.toString());
        assertThat(about(answers, run).get(0).value()).contains("\"total\":1294.13", "\"taxAmount\":206.63");
        assertThat(jdbc.queryForObject("select count(*) from invoice where invoice_run_id = ?", Integer.class, run)).isOne();
    }

    @Test
    void a_refused_request_uses_no_number_and_a_withdrawn_one_is_barred() {
        UUID refused = UUID.randomUUID();
        RawEvents.send(COMMANDS, customer.toString(), UUID.randomUUID().toString(), "IssueInvoice.v1",
                issueCommand(refused, "DUP").replace("\"currency\":\"EUR\"", "\"currency\":\"EURO\""));
        UUID withdrawn = UUID.randomUUID();
        RawEvents.send(COMMANDS, customer.toString(), UUID.randomUUID().toString(), "WithdrawInvoiceRequest.v1", """
                {"invoiceRunId":"%s","customerId":"%s","reason":"invoice-service did not answer in time"}""".formatted(withdrawn, customer));
        RawEvents.send(COMMANDS, customer.toString(), UUID.randomUUID().toString(), "IssueInvoice.v1", issueCommand(withdrawn, "DUP"));

        var answers = TopicReader.read(EVENTS, Duration.ofSeconds(30), r -> about(r, refused).size() == 1 && about(r, withdrawn).size() == 2);
        assertThat(about(answers, refused).getFirst().type()).isEqualTo("InvoiceRequestRejected.v1");
        assertThat(about(answers, refused).getFirst().value()).contains("'EURO' is not an ISO 4217 currency");
        assertThat(about(answers, withdrawn)).extracting(TopicReader.Record::type).containsOnly("InvoiceRequestWithdrawn.v1");
        assertThat(jdbc.queryForObject("select count(*) from invoice where invoice_run_id in (?, ?)", Integer.class, refused, withdrawn)).isZero();

        Invoice next = issuing.issue(request(UUID.randomUUID(), "DUP", "1")).orElseThrow();
        long highest = jdbc.queryForObject("select last_value from number_counter where series = 'DUP'", Long.class);
        assertThat(next.number()).isEqualTo("D-2026-%03d".formatted(highest));
        assertThat(jdbc.queryForObject("select count(*) from invoice where series = 'DUP'", Long.class)).isEqualTo(highest);
    }

    @Test
    void the_database_refuses_to_change_or_delete_an_issued_invoice() {
        Invoice invoice = issuing.issue(request(UUID.randomUUID(), null, "3")).orElseThrow();
        assertThatThrownBy(() -> jdbc.update("update invoice set total = 0 where id = ?", invoice.id()))
                .hasMessageContaining("issued invoices never change");
        assertThatThrownBy(() -> jdbc.update("delete from invoice_line where invoice_id = ?", invoice.id()))
                .hasMessageContaining("issued invoices never change");
        assertThat(jdbc.queryForObject("select total from invoice where id = ?", BigDecimal.class, invoice.id()))
                .isEqualByComparingTo(invoice.total());
    }

    @Test
    void the_api_lists_reads_and_refuses_to_change() throws Exception {
        Invoice invoice = issuing.issue(request(UUID.randomUUID(), null, "7.5")).orElseThrow();
        assertThat(invoice.number()).matches("INV-\\d{4}-\\d{5}");
        http.perform(get("/invoices/by-number/{n}", invoice.number())).andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(invoice.id().toString()))
                .andExpect(jsonPath("$.status").value("ISSUED"))
                .andExpect(jsonPath("$.seller.name").value("Hourbill Demo Consulting GmbH"))
                .andExpect(jsonPath("$.buyer.name").value("Northwind"))
                .andExpect(jsonPath("$.lines[0].amount").value(1087.5))
                .andExpect(jsonPath("$.total").value(1294.13))
                .andExpect(jsonPath("$.dueDate").value("2026-12-02"))
                .andExpect(jsonPath("$.frameOrder.poNumber").value("PO-7"));
        http.perform(get("/invoices").param("customerId", customer.toString()).param("status", "ISSUED").param("size", "1"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.totalItems").value(1))
                .andExpect(jsonPath("$.items[0].number").value(invoice.number()));
        http.perform(get("/invoices").param("customerId", customer.toString()).param("issuedFrom", "2026-11-03"))
                .andExpect(jsonPath("$.totalItems").value(0));
        http.perform(put("/invoices/{id}", invoice.id())).andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.detail").value("invoice " + invoice.number() + " is issued and can never change; void it with a credit note"));
        http.perform(delete("/invoices/{id}", invoice.id())).andExpect(status().isConflict());
        http.perform(get("/invoices/{id}", UUID.randomUUID())).andExpect(status().isNotFound());
        http.perform(get("/invoices").param("status", "LOST")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("status"));
        http.perform(get("/invoices").param("size", "0")).andExpect(status().isBadRequest());
    }

    private InvoiceRequest request(UUID run, String series, String hours) {
        return InvoiceRequests.request(customer, run, series, hours);
    }

    private String issueCommand(UUID run, String series) {
        return """
                {"invoiceRunId":"%s","series":"%s","buyer":{"customerId":"%s","name":"Northwind","address":null,"taxId":null},
                 "currency":"EUR","taxRate":19.0,"issueDate":"2026-11-02","periodFrom":"2026-10-01","periodTo":"2026-10-31",
                 "paymentTermsDays":30,"poNumber":null,"frameOrderId":null,"frameOrderPoNumber":null,"frameOrderDrawDownId":null,
                 "notes":null,"lines":[{"entryId":"%s","date":"2026-10-14","projectId":null,"task":"Data migration",
                 "resourceName":"Ada Lovelace","role":null,"description":null,"hours":7.5,"rate":145.0}]}"""
                .formatted(run, series, customer, UUID.randomUUID());
    }

    private static List<TopicReader.Record> about(List<TopicReader.Record> records, UUID run) {
        return records.stream().filter(r -> r.value().contains(run.toString())).toList();
    }
}
