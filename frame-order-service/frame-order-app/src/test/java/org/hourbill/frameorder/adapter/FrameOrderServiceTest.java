package org.hourbill.frameorder.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.hourbill.frameorder.application.FrameOrderLedger;
import org.hourbill.testsupport.RawEvents;
import org.hourbill.testsupport.ServiceTest;
import org.hourbill.testsupport.TopicReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/** Frame orders on the real database and broker: the REST API, the saga's commands, their answers. */
@ServiceTest
class FrameOrderServiceTest {
    static final String COMMANDS = "frame-order.commands";
    static final String EVENTS = "frame-order.events";

    @Autowired
    MockMvc http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    FrameOrderLedger ledger;
    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    UUID customer = UUID.randomUUID();

    @BeforeEach
    void customerKnown() {
        RawEvents.send("timesheet.events", customer.toString(), UUID.randomUUID().toString(), "CustomerChanged.v1", """
                {"customerId":"%s","name":"Contoso","address":null,"taxId":"CH-1","taxRate":8.1,"currency":"CHF","paymentTermsDays":30}
                """.formatted(customer));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select count(*) from customer where id = ?", Integer.class, customer) == 1);
    }

    @Test
    void a_draw_down_command_delivered_twice_draws_once_and_is_answered_twice() throws Exception {
        UUID order = open("PO-7", "100");
        UUID drawDown = UUID.randomUUID();
        String command = drawDownCommand(drawDown, order, customer, "40", "2026-10-31");
        RawEvents.send(COMMANDS, order.toString(), UUID.randomUUID().toString(), "DrawDownFrameOrder.v1", command);
        RawEvents.send(COMMANDS, order.toString(), UUID.randomUUID().toString(), "DrawDownFrameOrder.v1", command);

        var answers = TopicReader.read(EVENTS, Duration.ofSeconds(30), r -> about(r, drawDown).size() == 2);
        assertThat(about(answers, drawDown)).extracting(TopicReader.Record::type).containsOnly("FrameOrderDrawnDown.v1");
        assertThat(about(answers, drawDown).getFirst().key()).isEqualTo(order.toString());
        assertThat(about(answers, drawDown).getFirst().value()).contains("\"remainingHours\":60");
        http.perform(get("/frame-orders/{id}", order)).andExpect(status().isOk())
                .andExpect(jsonPath("$.frameOrder.billedHours").value(40.0))
                .andExpect(jsonPath("$.frameOrder.remainingHours").value(60.0))
                .andExpect(jsonPath("$.frameOrder.utilizationPercent").value(40.0))
                .andExpect(jsonPath("$.drawDowns.length()").value(1))
                .andExpect(jsonPath("$.drawDowns[0].status").value("DRAWN"));

        RawEvents.send("invoice.events", customer.toString(), UUID.randomUUID().toString(), "InvoiceIssued.v1", """
                {"invoiceId":"%s","invoiceRunId":"%s","number":"INV-2026-00001","customerId":"%s","frameOrderId":"%s","frameOrderDrawDownId":"%s"}"""
                .formatted(UUID.randomUUID(), drawDown, customer, order, drawDown));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> http.perform(get("/frame-orders/{id}", order))
                .andExpect(jsonPath("$.drawDowns[0].invoiceNumber").value("INV-2026-00001")));
    }

    @Test
    void a_draw_down_repeated_after_a_later_one_is_answered_with_the_figures_of_its_first_answer() throws Exception {
        UUID order = open("PO-REPEAT", "100");
        UUID first = UUID.randomUUID(), later = UUID.randomUUID();
        String firstCommand = drawDownCommand(first, order, customer, "20", "2026-10-31");
        RawEvents.send(COMMANDS, order.toString(), UUID.randomUUID().toString(), "DrawDownFrameOrder.v1", firstCommand);
        TopicReader.read(EVENTS, Duration.ofSeconds(30), r -> about(r, first).size() == 1);
        RawEvents.send(COMMANDS, order.toString(), UUID.randomUUID().toString(), "DrawDownFrameOrder.v1",
                drawDownCommand(later, order, customer, "30", "2026-10-31"));
        TopicReader.read(EVENTS, Duration.ofSeconds(30), r -> about(r, later).size() == 1);
        RawEvents.send(COMMANDS, order.toString(), UUID.randomUUID().toString(), "DrawDownFrameOrder.v1", firstCommand);

        var answers = about(TopicReader.read(EVENTS, Duration.ofSeconds(30), r -> about(r, first).size() == 2), first);
        assertThat(answers).extracting(TopicReader.Record::type).containsOnly("FrameOrderDrawnDown.v1");
        for (var answer : answers) {
            // before 100, change -20, after 80: the repeat says what the first answer said, not today's 50
            assertThat(new java.math.BigDecimal(JsonPath.read(answer.value(), "$.hours").toString())).isEqualByComparingTo("20");
            assertThat(new java.math.BigDecimal(JsonPath.read(answer.value(), "$.billedHours").toString())).isEqualByComparingTo("20");
            assertThat(new java.math.BigDecimal(JsonPath.read(answer.value(), "$.remainingHours").toString())).isEqualByComparingTo("80");
        }
        http.perform(get("/frame-orders/{id}", order)).andExpect(jsonPath("$.frameOrder.remainingHours").value(50.0));
    }

    @Test
    void a_draw_down_beyond_the_remaining_hours_is_rejected_with_the_figures() throws Exception {
        UUID order = open("PO-8", "12.5");
        UUID drawDown = UUID.randomUUID();
        RawEvents.send(COMMANDS, order.toString(), UUID.randomUUID().toString(), "DrawDownFrameOrder.v1",
                drawDownCommand(drawDown, order, customer, "40", "2026-10-31"));

        var answers = TopicReader.read(EVENTS, Duration.ofSeconds(30), r -> !about(r, drawDown).isEmpty());
        assertThat(about(answers, drawDown).getFirst().type()).isEqualTo("FrameOrderDrawDownRejected.v1");
        assertThat(about(answers, drawDown).getFirst().value()).contains("frame order PO-8 has 12.5 h left, this invoice needs 40 h");
        http.perform(get("/frame-orders/{id}", order)).andExpect(jsonPath("$.frameOrder.billedHours").value(0.0))
                .andExpect(jsonPath("$.drawDowns[0].status").value("REJECTED"));
    }

    @Test
    void two_draw_downs_that_together_need_150_percent_never_overdraw() throws Exception {
        UUID order = open("PO-9", "100");
        CountDownLatch start = new CountDownLatch(1);
        List<UUID> ids = List.of(UUID.randomUUID(), UUID.randomUUID());
        var runs = ids.stream().map(id -> CompletableFuture.runAsync(() -> {
            try {
                start.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            ledger.drawDown(id, order, customer, java.time.LocalDate.of(2026, 10, 31), new java.math.BigDecimal("75"), "concurrent");
        })).toList();
        start.countDown();
        runs.forEach(CompletableFuture::join);

        assertThat(jdbc.queryForList("select status from draw_down where frame_order_id = ? order by status", String.class, order))
                .containsExactly("DRAWN", "REJECTED");
        assertThat(jdbc.queryForObject("select billed_hours from frame_order where id = ?", java.math.BigDecimal.class, order))
                .isEqualByComparingTo("75");
    }

    @Test
    void six_frame_orders_opened_at_once_with_one_po_number_give_one_order_and_409s_naming_the_po_number() throws Exception {
        String body = """
                {"customerId":"%s","poNumber":"PO-RACE","totalHours":10,"validFrom":"2026-01-01","validTo":"2026-12-31"}""".formatted(customer);
        CountDownLatch start = new CountDownLatch(1);
        var answers = java.util.stream.IntStream.range(0, 6).mapToObj(i -> CompletableFuture.supplyAsync(() -> {
            try {
                start.await();
                return http.perform(post("/frame-orders").contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        })).toList();
        start.countDown();
        var responses = answers.stream().map(CompletableFuture::join).toList();
        assertThat(responses).extracting(r -> r.getStatus()).filteredOn(s -> s == 201).hasSize(1);
        assertThat(responses).extracting(r -> r.getStatus()).allMatch(s -> s == 201 || s == 409 || s == 400);
        for (var refused : responses.stream().filter(r -> r.getStatus() != 201).toList()) {
            assertThat(refused.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            assertThat(JsonPath.<String>read(refused.getContentAsString(), "$.errors[0].field")).isEqualTo("poNumber");
        }
    }

    @Test
    void a_reversal_before_its_draw_down_bars_it_and_a_reversal_after_gives_the_hours_back() throws Exception {
        UUID order = open("PO-10", "50");
        UUID late = UUID.randomUUID();
        RawEvents.send(COMMANDS, order.toString(), UUID.randomUUID().toString(), "ReverseFrameOrderDrawDown.v1", """
                {"drawDownId":"%s","frameOrderId":"%s","reason":"invoice run gave up"}""".formatted(late, order));
        RawEvents.send(COMMANDS, order.toString(), UUID.randomUUID().toString(), "DrawDownFrameOrder.v1",
                drawDownCommand(late, order, customer, "10", "2026-10-31"));
        var answers = TopicReader.read(EVENTS, Duration.ofSeconds(30), r -> about(r, late).size() == 2);
        assertThat(about(answers, late)).extracting(TopicReader.Record::type)
                .containsExactly("FrameOrderDrawDownReversed.v1", "FrameOrderDrawDownRejected.v1");

        UUID drawn = UUID.randomUUID();
        ledger.drawDown(drawn, order, customer, java.time.LocalDate.of(2026, 10, 31), new java.math.BigDecimal("50"), "October");
        http.perform(get("/frame-orders/{id}", order)).andExpect(jsonPath("$.frameOrder.status").value("EXHAUSTED"));
        http.perform(post("/frame-orders/{id}/draw-downs/{d}/reversal", order, drawn).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"invoice voided\"}")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("REVERSED"));
        http.perform(get("/frame-orders/{id}", order)).andExpect(jsonPath("$.frameOrder.status").value("OPEN"))
                .andExpect(jsonPath("$.frameOrder.remainingHours").value(50.0));
        http.perform(post("/frame-orders/{id}/draw-downs/{d}/reversal", order, UUID.randomUUID()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"typo\"}")).andExpect(status().isNotFound());
    }

    @Test
    void bad_input_gets_a_problem_naming_the_field() throws Exception {
        http.perform(post("/frame-orders").contentType(MediaType.APPLICATION_JSON).content("""
                {"customerId":"%s","poNumber":"PO-1","totalHours":-5,"validFrom":"2026-01-01","validTo":"2026-12-31"}""".formatted(customer)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("totalHours"));
        http.perform(post("/frame-orders").contentType(MediaType.APPLICATION_JSON).content("""
                {"customerId":"%s","poNumber":"PO-1","totalHours":5,"validFrom":"2026-12-01","validTo":"2026-01-31"}""".formatted(customer)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("validTo"));
        http.perform(post("/frame-orders").contentType(MediaType.APPLICATION_JSON).content("""
                {"customerId":"%s","poNumber":"PO-1","totalHours":5,"validFrom":"2026-01-01","validTo":"2026-12-31"}""".formatted(UUID.randomUUID())))
                .andExpect(status().isConflict()).andExpect(header().string("Retry-After", "1"))
                .andExpect(jsonPath("$.errors[0].field").value("customerId"));
        open("PO-dup", "5");
        http.perform(post("/frame-orders").contentType(MediaType.APPLICATION_JSON).content("""
                {"customerId":"%s","poNumber":"PO-dup","totalHours":5,"validFrom":"2026-01-01","validTo":"2026-12-31"}""".formatted(customer)))
                .andExpect(status().isConflict());
        http.perform(get("/frame-orders").param("customerId", customer.toString()).param("validOn", "2027-02-01"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(0));
        http.perform(get("/frame-orders").param("customerId", customer.toString()).param("status", "OPEN"))
                .andExpect(jsonPath("$.length()").value(1));
    }

    @Test
    void what_the_consumer_handled_is_committed_within_seconds() {
        UUID order = UUID.randomUUID();
        UUID drawDown = UUID.randomUUID();
        var command = RawEvents.send(COMMANDS, order.toString(), UUID.randomUUID().toString(), "DrawDownFrameOrder.v1",
                drawDownCommand(drawDown, order, customer, "1", "2026-10-31"));
        TopicReader.read(EVENTS, Duration.ofSeconds(30), r -> !about(r, drawDown).isEmpty());
        // offsets are committed once a second, not after each poll: a lag that never clears would page on-call and a
        // restart would take the whole backlog again
        await().atMost(Duration.ofSeconds(15)).until(() ->
                RawEvents.committedOffset("frame-order-service", COMMANDS, command.partition()) > command.offset());
    }

    @Test
    void an_unknown_command_goes_to_the_dead_letter_topic_and_is_counted() {
        var deadLetters = meters.get("hourbill.dead.letters").tag("group", "frame-order-service").tag("topic", COMMANDS).counter();
        double before = deadLetters.count();
        String id = UUID.randomUUID().toString();
        RawEvents.send(COMMANDS, "x", id, "DrawDownFrameOrder.v1", "{\"hours\":1}");
        var dead = TopicReader.read(COMMANDS + ".frame-order-service.dlq", Duration.ofSeconds(30),
                r -> r.stream().anyMatch(x -> id.equals(x.headers().get("ce_id"))));
        assertThat(dead).anyMatch(x -> id.equals(x.headers().get("ce_id")));
        // what the DeadLetters alert watches (hourbill_dead_letters_total), on the record's own partition of the .dlq
        assertThat(deadLetters.count()).isEqualTo(before + 1);
    }

    private UUID open(String po, String hours) throws Exception {
        var result = http.perform(post("/frame-orders").contentType(MediaType.APPLICATION_JSON).content("""
                {"customerId":"%s","poNumber":"%s","totalHours":%s,"validFrom":"2026-01-01","validTo":"2026-12-31"}"""
                .formatted(customer, po, hours))).andExpect(status().isCreated()).andReturn();
        return UUID.fromString(JsonPath.read(result.getResponse().getContentAsString(), "$.id"));
    }

    private static String drawDownCommand(UUID drawDown, UUID order, UUID customer, String hours, String date) {
        return """
                {"drawDownId":"%s","frameOrderId":"%s","customerId":"%s","invoiceDate":"%s","hours":%s,"reference":"October"}"""
                .formatted(drawDown, order, customer, date, hours);
    }

    private static List<TopicReader.Record> about(List<TopicReader.Record> records, UUID drawDown) {
        return records.stream().filter(r -> r.value().contains(drawDown.toString())).toList();
    }
}
