package org.hourbill.invoice.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.hourbill.invoice.application.InvoiceIssuing;
import org.hourbill.invoice.domain.Invoice;
import org.hourbill.testsupport.RawEvents;
import org.hourbill.testsupport.ServiceTest;
import org.hourbill.testsupport.TestIdentity;
import org.hourbill.testsupport.TopicReader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/** The life of an issued invoice on the real database and broker: sent, paid (as payment-service says), voided. */
@ServiceTest
class InvoiceLifecycleTest {
    static final String EVENTS = "invoice.events";
    static final String PAYMENTS = "payment.events";

    @Autowired
    MockMvc http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    InvoiceIssuing issuing;

    UUID customer = UUID.randomUUID();

    @Test
    void an_invoice_is_sent_once_and_every_move_is_audited_with_who_did_it() throws Exception {
        Invoice invoice = issue("7.5", LocalDate.of(2026, 11, 2));
        send(invoice, """
                {"sentOn":"2026-11-03","mode":"EMAIL"}""").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SENT")).andExpect(jsonPath("$.sentOn").value("2026-11-03"))
                .andExpect(jsonPath("$.sendMode").value("EMAIL"));
        send(invoice, """
                {"mode":"POST"}""").andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.detail").value("invoice " + invoice.number()
                        + " is sent already (on 2026-11-03); only an issued invoice can be marked sent"));

        Invoice other = issue("2", LocalDate.of(2026, 11, 2));
        send(other, """
                {"sentOn":"2026-11-01","mode":"EMAIL"}""").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("sentOn"));
        send(other, """
                {"sentOn":"9999-12-31","mode":"EMAIL"}""").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("sentOn"));
        voidInvoice(other, """
                {"reason":"typo","entries":"WRITE_OFF","voidedOn":"9999-12-31"}""").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("voidedOn"));
        voidInvoice(other, """
                {"reason":"typo","entries":"WRITE_OFF","voidedOn":"2026-11-01"}""").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("voidedOn"));
        send(other, """
                {"mode":"FAX"}""").andExpect(status().isBadRequest());
        send(other, """
                {"mode":"EMAIL","by":"someone.else"}""").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value(org.hamcrest.Matchers.endsWith("system-field"))).andExpect(jsonPath("$.errors[0].field").value("by"));

        http.perform(get("/invoices/{id}/history", invoice.id())).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].to").value("ISSUED")).andExpect(jsonPath("$[0].by").value("invoice-service"))
                .andExpect(jsonPath("$[1].from").value("ISSUED")).andExpect(jsonPath("$[1].to").value("SENT"))
                .andExpect(jsonPath("$[1].by").value("j.doe"));
        var sent = TopicReader.read(EVENTS, Duration.ofSeconds(30), r -> about(r, invoice.id()).stream()
                .anyMatch(e -> e.type().equals("InvoiceSent.v1")));
        assertThat(about(sent, invoice.id()).stream().filter(e -> e.type().equals("InvoiceSent.v1")).toList()).singleElement()
                .satisfies(e -> assertThat(e.value()).contains("\"sendMode\":\"EMAIL\"", "\"sentBy\":\"j.doe\""));
    }

    @Test
    void voiding_issues_a_credit_note_in_its_own_gapless_series_with_the_lines_negated_and_announces_it() throws Exception {
        Invoice first = issue("7.5", LocalDate.of(2026, 11, 2));
        Invoice second = issue("4", LocalDate.of(2026, 11, 2));

        String body = voidInvoice(first, """
                {"reason":"wrong rate","entries":"RETURN_TO_POOL"}""").andExpect(status().isCreated())
                .andExpect(header().exists("Location"))
                .andExpect(jsonPath("$.invoiceNumber").value(first.number()))
                .andExpect(jsonPath("$.lines[0].quantity").value(-7.5))
                .andExpect(jsonPath("$.lines[0].amount").value(-1087.5))
                .andExpect(jsonPath("$.subtotal").value(-1087.5))
                .andExpect(jsonPath("$.taxAmount").value(-206.63))
                .andExpect(jsonPath("$.total").value(-1294.13))
                .andReturn().getResponse().getContentAsString();
        String firstNote = JsonPath.read(body, "$.number");
        assertThat(firstNote).matches("CN-\\d{4}-\\d{5}");

        voidInvoice(first, """
                {"reason":"again","entries":"RETURN_TO_POOL"}""").andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("invoice " + first.number() + " is void already"));
        voidInvoice(second, """
                {"reason":"no"}""").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("entries"));
        String secondNote = JsonPath.read(voidInvoice(second, """
                {"reason":"duplicate of another invoice","entries":"WRITE_OFF"}""").andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString(), "$.number");
        assertThat(Integer.parseInt(secondNote.substring(8))).as("the refused voids used no number")
                .isEqualTo(Integer.parseInt(firstNote.substring(8)) + 1);

        http.perform(get("/invoices/{id}", first.id())).andExpect(jsonPath("$.status").value("VOID"))
                .andExpect(jsonPath("$.amountOpen").value(0.0)).andExpect(jsonPath("$.creditNoteId").isNotEmpty());
        http.perform(get("/invoices/{id}/history", first.id())).andExpect(jsonPath("$[1].to").value("VOID"))
                .andExpect(jsonPath("$[1].detail").value("voided by credit note " + firstNote + ": wrong rate"));

        var events = TopicReader.read(EVENTS, Duration.ofSeconds(30), r -> about(r, second.id()).stream()
                .filter(e -> e.type().equals("InvoiceVoided.v1") || e.type().equals("CreditNoteIssued.v1")).count() == 2);
        TopicReader.Record voided = about(events, second.id()).stream().filter(e -> e.type().equals("InvoiceVoided.v1")).findFirst()
                .orElseThrow();
        assertThat(voided.key()).isEqualTo(customer.toString());
        assertThat(voided.value()).contains("\"entryDisposition\":\"WRITE_OFF\"", "\"creditNoteNumber\":\"" + secondNote + "\"",
                "\"frameOrderDrawDownId\":\"" + second.invoiceRunId() + "\"", "\"hours\":4.00",
                second.lines().getFirst().entryIds().getFirst().toString());
        assertThat(jdbc.queryForObject("select count(*) from credit_note where invoice_id in (?, ?)", Integer.class, first.id(),
                second.id())).isEqualTo(2);
    }

    @Test
    void payments_announced_by_payment_service_show_on_the_invoice_and_block_a_void_until_reversed() throws Exception {
        Invoice invoice = issue("7.5", LocalDate.of(2026, 11, 2));
        UUID payment = UUID.randomUUID();
        paymentEvent("PaymentRecorded.v1", """
                {"paymentId":"%s","invoiceId":"%s","invoiceNumber":"%s","customerId":"%s","paidOn":"2026-11-20","mode":"TRANSFER",
                 "currency":"EUR","amount":500.00,"fee":0,"credit":500.00,"appliedToInvoice":500.00,"excessToCredit":0,
                 "reference":null,"amountPaid":500.00,"amountOpen":794.13}""".formatted(payment, invoice.id(), invoice.number(), customer));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> http.perform(get("/invoices/{id}", invoice.id()))
                .andExpect(jsonPath("$.amountPaid").value(500.0)).andExpect(jsonPath("$.amountOpen").value(794.13))
                .andExpect(jsonPath("$.status").value("ISSUED")));

        voidInvoice(invoice, """
                {"reason":"wrong rate","entries":"RETURN_TO_POOL"}""").andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("invoice " + invoice.number()
                        + " has payments of EUR 500.00; reverse them in payment-service before voiding it"));

        paymentEvent("PaymentRecorded.v1", """
                {"paymentId":"%s","invoiceId":"%s","invoiceNumber":"%s","customerId":"%s","paidOn":"2026-11-21","mode":"CARD",
                 "currency":"EUR","amount":794.13,"fee":10,"credit":784.13,"appliedToInvoice":794.13,"excessToCredit":0,
                 "reference":null,"amountPaid":1294.13,"amountOpen":0}""".formatted(UUID.randomUUID(), invoice.id(), invoice.number(), customer));
        paymentEvent("InvoicePaid.v1", """
                {"invoiceId":"%s","invoiceNumber":"%s","customerId":"%s","paidOn":"2026-11-21","currency":"EUR","amountPaid":1294.13}"""
                .formatted(invoice.id(), invoice.number(), customer));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> http.perform(get("/invoices/{id}", invoice.id()))
                .andExpect(jsonPath("$.status").value("PAID")).andExpect(jsonPath("$.paidOn").value("2026-11-21"))
                .andExpect(jsonPath("$.amountOpen").value(0.0)));
        send(invoice, """
                {"mode":"EMAIL"}""").andExpect(status().isConflict());

        paymentEvent("PaymentReversed.v1", """
                {"paymentId":"%s","invoiceId":"%s","invoiceNumber":"%s","customerId":"%s","reversedOn":"2026-11-22",
                 "reason":"cheque bounced","currency":"EUR","amount":500.00,"amountPaid":794.13,"amountOpen":500.00}"""
                .formatted(payment, invoice.id(), invoice.number(), customer));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> http.perform(get("/invoices/{id}", invoice.id()))
                .andExpect(jsonPath("$.status").value("ISSUED")).andExpect(jsonPath("$.amountOpen").value(500.0))
                .andExpect(jsonPath("$.paidOn").isEmpty()));
        http.perform(get("/invoices/{id}/history", invoice.id())).andExpect(jsonPath("$[*].to").value(
                org.hamcrest.Matchers.contains("ISSUED", "PAID", "ISSUED")))
                .andExpect(jsonPath("$[2].detail").value("payment " + payment + " reversed: cheque bounced"));
    }

    @Test
    void the_list_filters_overdue_invoices_sorts_and_totals_per_status() throws Exception {
        Invoice late = issue("1", LocalDate.of(2026, 9, 1));
        Invoice current = issue("3", LocalDate.of(2026, 11, 2));
        Invoice voided = issue("2", LocalDate.of(2026, 9, 1));
        voidInvoice(voided, """
                {"reason":"test","entries":"WRITE_OFF"}""").andExpect(status().isCreated());

        http.perform(get("/invoices").param("customerId", customer.toString()).param("overdue", "true"))
                .andExpect(jsonPath("$.totalItems").value(1)).andExpect(jsonPath("$.items[0].number").value(late.number()))
                .andExpect(jsonPath("$.items[0].overdue").value(true));
        http.perform(get("/invoices").param("customerId", customer.toString()).param("sort", "TOTAL").param("direction", "ASC"))
                .andExpect(jsonPath("$.items[*].number").value(org.hamcrest.Matchers.contains(late.number(), voided.number(),
                        current.number())));
        http.perform(get("/invoices").param("customerId", customer.toString()).param("sort", "AMOUNT_OPEN").param("direction", "DESC"))
                .andExpect(jsonPath("$.items[0].number").value(current.number()))
                .andExpect(jsonPath("$.items[2].amountOpen").value(0.0));
        http.perform(get("/invoices").param("sort", "COLOUR")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("sort"));
        http.perform(get("/invoices/totals").param("customerId", customer.toString())).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].status").value("ISSUED")).andExpect(jsonPath("$[0].invoices").value(2))
                .andExpect(jsonPath("$[0].total").value(172.55 + 517.65))
                .andExpect(jsonPath("$[0].amountOpen").value(172.55 + 517.65))
                .andExpect(jsonPath("$[1].status").value("VOID")).andExpect(jsonPath("$[1].amountOpen").value(0.0));
    }

    private Invoice issue(String hours, LocalDate issueDate) {
        return issuing.issue(InvoiceRequests.request(customer, UUID.randomUUID(), null, hours, issueDate)).orElseThrow();
    }

    /** Sent by j.doe: who sent it comes from the token, never from the body. */
    private org.springframework.test.web.servlet.ResultActions send(Invoice invoice, String body) throws Exception {
        return http.perform(post("/invoices/{id}/sending", invoice.id()).contentType(MediaType.APPLICATION_JSON).content(body)
                .header("Authorization", "Bearer " + TestIdentity.get().token("j.doe", TestIdentity.ALL_ROLES)));
    }

    private org.springframework.test.web.servlet.ResultActions voidInvoice(Invoice invoice, String body) throws Exception {
        return http.perform(post("/invoices/{id}/voiding", invoice.id()).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private void paymentEvent(String type, String payload) {
        RawEvents.send(PAYMENTS, customer.toString(), UUID.randomUUID().toString(), type, payload);
    }

    private static List<TopicReader.Record> about(List<TopicReader.Record> records, UUID invoiceId) {
        return records.stream().filter(r -> r.value().contains(invoiceId.toString())).toList();
    }
}
