package org.hourbill.payment.adapter;

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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.hourbill.testsupport.RawEvents;
import org.hourbill.testsupport.ServiceTest;
import org.hourbill.testsupport.TopicReader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

/** Payments on the real database and broker: partial, settling, over, concurrent, repeated, reversed, refused; ageing. */
@ServiceTest
class PaymentServiceTest {
    static final String INVOICES = "invoice.events";
    static final String PAYMENTS = "payment.events";

    @Autowired
    MockMvc http;
    @Autowired
    JdbcTemplate jdbc;

    UUID customer = UUID.randomUUID();

    @Test
    void partial_payments_accumulate_until_paid_an_overpayment_becomes_credit_that_pays_a_later_invoice() throws Exception {
        UUID invoice = issued("INV-P-1", "1294.13", "EUR", LocalDate.of(2026, 11, 2), LocalDate.of(2026, 12, 2));
        pay(UUID.randomUUID().toString(), invoice, "2026-11-10", "TRANSFER", "EUR", "500.00", "2.50").andExpect(status().isCreated())
                .andExpect(jsonPath("$.credit").value(497.5)).andExpect(jsonPath("$.appliedToInvoice").value(500.0))
                .andExpect(jsonPath("$.invoiceNumber").value("INV-P-1"));
        http.perform(get("/receivables/{id}", invoice)).andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.amountPaid").value(500.0)).andExpect(jsonPath("$.amountOpen").value(794.13));

        pay(UUID.randomUUID().toString(), invoice, "2026-11-20", "CARD", "EUR", "800.00", null).andExpect(status().isCreated())
                .andExpect(jsonPath("$.appliedToInvoice").value(794.13)).andExpect(jsonPath("$.excessToCredit").value(5.87));
        http.perform(get("/receivables/{id}", invoice)).andExpect(jsonPath("$.status").value("PAID"))
                .andExpect(jsonPath("$.paidOn").value("2026-11-20")).andExpect(jsonPath("$.amountOpen").value(0.0));
        http.perform(get("/customers/{id}/credit", customer)).andExpect(jsonPath("$[0].currency").value("EUR"))
                .andExpect(jsonPath("$[0].amount").value(5.87));
        pay(UUID.randomUUID().toString(), invoice, "2026-11-21", "TRANSFER", "EUR", "1.00", null).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("invoice INV-P-1 is paid in full already; nothing is open on it"));

        var events = TopicReader.read(PAYMENTS, Duration.ofSeconds(30), r -> about(r, invoice).size() == 3);
        assertThat(about(events, invoice)).extracting(TopicReader.Record::type)
                .containsExactly("PaymentRecorded.v1", "PaymentRecorded.v1", "InvoicePaid.v1");
        assertThat(about(events, invoice).get(2).value()).contains("\"amountPaid\":1294.13", "\"paidOn\":\"2026-11-20\"");
        assertThat(about(events, invoice).get(0).key()).isEqualTo(customer.toString());

        UUID later = issued("INV-P-2", "10.00", "EUR", LocalDate.of(2026, 11, 2), LocalDate.of(2026, 12, 2));
        pay(UUID.randomUUID().toString(), later, "2026-11-20", "CUSTOMER_CREDIT", "EUR", "6.00", null)
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("amount"));
        pay(UUID.randomUUID().toString(), later, "2026-11-20", "CUSTOMER_CREDIT", "EUR", "5.87", null).andExpect(status().isCreated());
        http.perform(get("/customers/{id}/credit", customer)).andExpect(jsonPath("$[0].amount").value(0.0));
        http.perform(get("/receivables/{id}", later)).andExpect(jsonPath("$.amountOpen").value(4.13));
    }

    @Test
    void a_reversed_payment_opens_the_invoice_again_and_cannot_be_reversed_twice() throws Exception {
        UUID invoice = issued("INV-R-1", "100.00", "EUR", LocalDate.of(2026, 11, 2), LocalDate.of(2026, 12, 2));
        String payment = id(pay(UUID.randomUUID().toString(), invoice, "2026-11-10", "CHEQUE", "EUR", "100.00", null)
                .andExpect(status().isCreated()).andReturn());
        http.perform(get("/receivables/{id}", invoice)).andExpect(jsonPath("$.status").value("PAID"));

        reverse(payment, """
                {"reversedOn":"2026-11-12","reason":"cheque bounced"}""").andExpect(status().isOk())
                .andExpect(jsonPath("$.reversed").value(true)).andExpect(jsonPath("$.reversalReason").value("cheque bounced"));
        http.perform(get("/receivables/{id}", invoice)).andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.amountOpen").value(100.0)).andExpect(jsonPath("$.paidOn").isEmpty());
        reverse(payment, """
                {"reason":"again"}""").andExpect(status().isConflict());
        reverse(payment, """
                {"reversedOn":"2026-11-13"}""").andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reason"));

        var events = TopicReader.read(PAYMENTS, Duration.ofSeconds(30), r -> about(r, invoice).size() == 3);
        assertThat(about(events, invoice)).extracting(TopicReader.Record::type)
                .containsExactly("PaymentRecorded.v1", "InvoicePaid.v1", "PaymentReversed.v1");
        assertThat(about(events, invoice).get(2).value()).contains("\"amountOpen\":100.00", "\"reason\":\"cheque bounced\"");
    }

    @Test
    void twenty_parallel_posts_with_one_idempotency_key_make_one_payment_and_another_body_with_that_key_is_422() throws Exception {
        UUID invoice = issued("INV-I-1", "1000.00", "EUR", LocalDate.of(2026, 11, 2), LocalDate.of(2026, 12, 2));
        String key = "retry-" + UUID.randomUUID();
        List<MvcResult> results = parallel(20, () -> pay(key, invoice, "2026-11-10", "TRANSFER", "EUR", "250.00", null).andReturn());

        assertThat(results).allSatisfy(r -> assertThat(r.getResponse().getStatus()).isEqualTo(201));
        assertThat(results.stream().map(PaymentServiceTest::id).distinct()).hasSize(1);
        assertThat(results.stream().filter(r -> "false".equals(r.getResponse().getHeader("Idempotent-Replayed")))).hasSize(1);
        assertThat(jdbc.queryForObject("select count(*) from payment where invoice_id = ?", Integer.class, invoice)).isOne();
        http.perform(get("/receivables/{id}", invoice)).andExpect(jsonPath("$.amountPaid").value(250.0));

        pay(key, invoice, "2026-11-10", "TRANSFER", "EUR", "260.00", null).andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"));
        pay(" ", invoice, "2026-11-10", "TRANSFER", "EUR", "260.00", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"));
    }

    @Test
    void concurrent_partial_payments_that_together_settle_an_invoice_make_it_paid_once() throws Exception {
        UUID invoice = issued("INV-C-1", "1000.00", "EUR", LocalDate.of(2026, 11, 2), LocalDate.of(2026, 12, 2));
        List<MvcResult> results = parallel(10, () -> pay(UUID.randomUUID().toString(), invoice, "2026-11-10", "TRANSFER", "EUR",
                "100.00", null).andReturn());

        assertThat(results).allSatisfy(r -> assertThat(r.getResponse().getStatus()).isEqualTo(201));
        http.perform(get("/receivables/{id}", invoice)).andExpect(jsonPath("$.status").value("PAID"))
                .andExpect(jsonPath("$.amountPaid").value(1000.0));
        var events = TopicReader.read(PAYMENTS, Duration.ofSeconds(30), r -> about(r, invoice).size() >= 11);
        assertThat(about(events, invoice).stream().filter(e -> e.type().equals("InvoicePaid.v1"))).hasSize(1);
        assertThat(about(events, invoice).getLast().type()).isEqualTo("InvoicePaid.v1");
    }

    @Test
    void payments_that_cannot_be_are_refused_clearly() throws Exception {
        UUID invoice = issued("INV-X-1", "100.00", "EUR", LocalDate.of(2026, 11, 2), LocalDate.of(2026, 12, 2));
        // an invoice payments has not heard of (yet): 409 with Retry-After, as one issued a moment ago would get
        pay(key(), UUID.randomUUID(), "2026-11-10", "TRANSFER", "EUR", "10.00", null).andExpect(status().isConflict())
                .andExpect(header().string("Retry-After", "1")).andExpect(jsonPath("$.errors[0].field").value("invoiceId"));
        pay(key(), invoice, "2026-11-10", "TRANSFER", "CHF", "10.00", null).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("currency"))
                .andExpect(jsonPath("$.detail").value("invoice INV-X-1 is in EUR; this payment is in CHF"));
        pay(key(), invoice, "2026-11-10", "TRANSFER", "EUR", "0", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("amount"));
        pay(key(), invoice, "2026-11-10", "TRANSFER", "EUR", "-5.00", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("amount"));
        pay(key(), invoice, "2026-11-10", "TRANSFER", "EUR", "10.001", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("amount"));
        pay(key(), invoice, "2026-11-10", "TRANSFER", "EUR", "10.00", "11.00").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("fee"));
        pay(key(), invoice, "2026-10-10", "TRANSFER", "EUR", "10.00", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("paidOn"));
        pay(key(), invoice, "9999-12-31", "TRANSFER", "EUR", "10.00", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("paidOn"));
        pay(key(), invoice, "2026-11-10", "BARTER", "EUR", "10.00", null).andExpect(status().isBadRequest());

        RawEvents.send(INVOICES, customer.toString(), UUID.randomUUID().toString(), "InvoiceVoided.v1", """
                {"invoiceId":"%s","number":"INV-X-1","customerId":"%s","creditNoteId":"%s","creditNoteNumber":"CN-1",
                 "voidedOn":"2026-11-05","reason":"test","voidedBy":"j.doe","frameOrderId":null,"frameOrderDrawDownId":null,
                 "hours":1,"entryIds":[],"entryDisposition":"RETURN_TO_POOL"}""".formatted(invoice, customer, UUID.randomUUID()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> http.perform(get("/receivables/{id}", invoice))
                .andExpect(jsonPath("$.status").value("VOID")));
        pay(key(), invoice, "2026-11-10", "TRANSFER", "EUR", "10.00", null).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("invoice INV-X-1 is void (cancelled by a credit note); it takes no payments"));
        assertThat(jdbc.queryForObject("select count(*) from payment where invoice_id = ?", Integer.class, invoice)).isZero();
    }

    @Test
    void receivables_are_aged_by_days_past_due_and_overdue_invoices_are_listed() throws Exception {
        LocalDate asOf = LocalDate.of(2026, 11, 22);
        issued("A-CUR", "10.00", "EUR", LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 22));
        issued("A-1", "20.00", "EUR", LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 23));
        issued("A-31", "30.00", "EUR", LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 22));
        issued("A-61", "40.00", "EUR", LocalDate.of(2026, 8, 1), LocalDate.of(2026, 8, 24));
        UUID old = issued("A-91", "50.00", "EUR", LocalDate.of(2026, 7, 1), LocalDate.of(2026, 8, 23));
        issued("A-JPY", "5000", "JPY", LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 1));
        pay(key(), old, "2026-11-01", "TRANSFER", "EUR", "15.00", null).andExpect(status().isCreated());

        http.perform(get("/receivables/ageing").param("customerId", customer.toString()).param("asOf", asOf.toString()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[?(@.currency == 'EUR')].buckets.CURRENT").value(10.0))
                .andExpect(jsonPath("$[?(@.currency == 'EUR')].buckets.DAYS_1_30").value(20.0))
                .andExpect(jsonPath("$[?(@.currency == 'EUR')].buckets.DAYS_31_60").value(30.0))
                .andExpect(jsonPath("$[?(@.currency == 'EUR')].buckets.DAYS_61_90").value(40.0))
                .andExpect(jsonPath("$[?(@.currency == 'EUR')].buckets.OVER_90").value(35.0))
                .andExpect(jsonPath("$[?(@.currency == 'EUR')].totalOpen").value(135.0))
                .andExpect(jsonPath("$[?(@.currency == 'JPY')].buckets.CURRENT").value(5000));
        http.perform(get("/receivables/overdue").param("customerId", customer.toString()).param("asOf", asOf.toString()))
                .andExpect(jsonPath("$[*].number").value(org.hamcrest.Matchers.contains("A-91", "A-61", "A-31", "A-1")))
                .andExpect(jsonPath("$[0].daysPastDue").value(91)).andExpect(jsonPath("$[0].bucket").value("OVER_90"));
    }

    private UUID issued(String number, String total, String currency, LocalDate issueDate, LocalDate dueDate) {
        UUID invoice = UUID.randomUUID();
        RawEvents.send(INVOICES, customer.toString(), UUID.randomUUID().toString(), "InvoiceIssued.v1", """
                {"invoiceId":"%s","invoiceRunId":"%s","number":"%s","customerId":"%s","issueDate":"%s","dueDate":"%s",
                 "currency":"%s","subtotal":%s,"taxAmount":0,"total":%s,"hours":1,"poNumber":null,"frameOrderId":null,
                 "frameOrderDrawDownId":null,"entryIds":[]}""".formatted(invoice, UUID.randomUUID(), number, customer, issueDate, dueDate,
                currency, total, total));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> http.perform(get("/receivables/{id}", invoice)).andExpect(status().isOk()));
        return invoice;
    }

    private ResultActions pay(String key, UUID invoice, String paidOn, String mode, String currency, String amount, String fee)
            throws Exception {
        return http.perform(post("/payments").header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON).content("""
                {"invoiceId":"%s","paidOn":"%s","mode":"%s","currency":"%s","amount":%s,"fee":%s,"reference":"test"}"""
                .formatted(invoice, paidOn, mode, currency, amount, fee)));
    }

    private ResultActions reverse(String payment, String body) throws Exception {
        return http.perform(post("/payments/{id}/reversal", payment).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private static <T> List<T> parallel(int n, Callable<T> call) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(n);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) futures.add(threads.submit(call));
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) results.add(f.get());
            return results;
        } finally {
            threads.shutdown();
        }
    }

    private static String id(MvcResult result) {
        try {
            return JsonPath.read(result.getResponse().getContentAsString(), "$.id");
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    private static List<TopicReader.Record> about(List<TopicReader.Record> records, UUID invoice) {
        return records.stream().filter(r -> r.value().contains(invoice.toString())).toList();
    }
}
