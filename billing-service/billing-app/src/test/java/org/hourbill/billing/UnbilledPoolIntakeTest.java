package org.hourbill.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.hourbill.testsupport.RawEvents;
import org.hourbill.testsupport.ServiceTest;
import org.hourbill.testsupport.TopicReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** Billing's consumer on the real broker: the pool fills, redeliveries have no effect, poison goes to the DLQ. */
@ServiceTest
class UnbilledPoolIntakeTest {
    static final String TOPIC = "timesheet.events";
    static final String DLQ = "timesheet.events.billing-service.dlq";
    static final String BINDING = "timesheetEvents-in-0";

    @Autowired
    MockMvc http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    BindingsLifecycleController bindings;

    UUID customer = UUID.randomUUID();
    UUID project = UUID.randomUUID();

    @BeforeEach
    void customerKnownToBilling() {
        RawEvents.send(TOPIC, customer.toString(), UUID.randomUUID().toString(), "CustomerChanged.v1", """
                {"customerId":"%s","name":"Contoso","address":null,"taxId":"CH-1","taxRate":8.1,"currency":"CHF","paymentTermsDays":30}
                """.formatted(customer));
    }

    @Test
    void approved_billable_entries_enter_the_pool_once_even_when_delivered_twice() throws Exception {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID internal = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        String approved = """
                {"customerId":"%1$s","entries":[%2$s,%3$s,%4$s],"addedLater":"ignored"}""".formatted(customer,
                entry(first, "2026-10-01", "7.5", "1087.50", true), entry(second, "2026-10-02", "2", "290.00", true),
                entry(internal, "2026-10-02", "1", "0.00", false));
        RawEvents.send(TOPIC, customer.toString(), eventId, "EntriesApproved.v1", approved);
        RawEvents.send(TOPIC, customer.toString(), eventId, "EntriesApproved.v1", approved);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(poolSize()).isEqualTo(2));
        http.perform(get("/customers/{id}/unbilled-entries", customer)).andExpect(status().isOk())
                .andExpect(jsonPath("$.entries.length()").value(2))
                .andExpect(jsonPath("$.totalHours").value(9.5))
                .andExpect(jsonPath("$.totalAmount").value(1377.5))
                .andExpect(jsonPath("$.entries[0].entryId").value(first.toString()));
        http.perform(get("/customers/{id}/unbilled-entries", customer).param("from", "2026-10-02"))
                .andExpect(jsonPath("$.entries.length()").value(1)).andExpect(jsonPath("$.totalHours").value(2.0));
        assertThat(jdbc.queryForObject("select count(*) from processed_event where event_id = ?", Integer.class, eventId)).isOne();

        RawEvents.send(TOPIC, customer.toString(), UUID.randomUUID().toString(), "EntriesReopened.v1", """
                {"customerId":"%s","entryIds":["%s"]}""".formatted(customer, first));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(poolSize()).isEqualTo(1));
    }

    /** An entry can come twice in different events (approved again while an invoice run holds it): the pool keeps one. */
    @Test
    void an_entry_already_in_the_pool_stays_once_and_the_rest_of_its_event_still_enters() {
        UUID pooled = UUID.randomUUID();
        UUID fresh = UUID.randomUUID();
        RawEvents.send(TOPIC, customer.toString(), UUID.randomUUID().toString(), "EntriesApproved.v1", """
                {"customerId":"%s","entries":[%s]}""".formatted(customer, entry(pooled, "2026-10-05", "3", "435.00", true)));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(poolSize()).isEqualTo(1));

        // a tab, a line break, backslashes, COPY's null marker and quotes: as JSON text, then as the pool must keep it
        String awkwardJson = "Workshop\\tday 2\\nnotes: C:\\\\share\\\\minutes, \\\\N is not null, \\\"quoted\\\", Zürich";
        String awkward = "Workshop\tday 2\nnotes: C:\\share\\minutes, \\N is not null, \"quoted\", Zürich";
        RawEvents.send(TOPIC, customer.toString(), UUID.randomUUID().toString(), "EntriesApproved.v1", """
                {"customerId":"%s","entries":[%s,%s]}""".formatted(customer, entry(pooled, "2026-10-05", "3", "435.00", true),
                entry(fresh, "2026-10-06", "1", "145.00", true).replace("\"description\":null", "\"description\":\"" + awkwardJson + "\"")));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(poolSize()).isEqualTo(2));
        assertThat(jdbc.queryForObject("select description from unbilled_entry where entry_id = ?", String.class, fresh))
                .isEqualTo(awkward);
        assertThat(jdbc.queryForObject("select description from unbilled_entry where entry_id = ?", String.class, pooled)).isNull();
    }

    /** Numbers and dates go in as PostgreSQL's binary format: each must come back exactly as the event had it. */
    @Test
    void hours_rates_amounts_and_dates_are_kept_exactly() {
        String[][] cases = { // date, hours, rate, amount
                {"2000-01-01", "0.25", "0.00", "0.000"}, {"1999-12-31", "23.75", "10000.00", "237500.000"},
                {"2026-02-28", "0.01", "9999.99", "99.999"}, {"2099-12-31", "12", "1234567.8", "-0.005"}};
        StringBuilder entries = new StringBuilder();
        for (String[] c : cases) {
            if (!entries.isEmpty()) entries.append(',');
            entries.append(entry(UUID.randomUUID(), c[0], c[1], c[3], true).replace("\"rate\":145.00", "\"rate\":" + c[2]));
        }
        RawEvents.send(TOPIC, customer.toString(), UUID.randomUUID().toString(), "EntriesApproved.v1", """
                {"customerId":"%s","entries":[%s]}""".formatted(customer, entries));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(poolSize()).isEqualTo(cases.length));
        var stored = jdbc.queryForList("""
                select work_date::text || ' ' || hours::text || ' ' || rate::text || ' ' || amount::text
                from unbilled_entry where customer_id = ? order by work_date""", String.class, customer);
        assertThat(stored).containsExactly("1999-12-31 23.75 10000.00 237500.000", "2000-01-01 0.25 0.00 0.000",
                "2026-02-28 0.01 9999.99 99.999", "2099-12-31 12.00 1234567.80 -0.005");
    }

    @Test
    void a_poison_event_goes_to_the_dead_letter_topic_and_the_next_event_is_processed() {
        String poisonId = UUID.randomUUID().toString();
        RawEvents.send(TOPIC, customer.toString(), poisonId, "EntriesApproved.v1", "{not json");
        RawEvents.send(TOPIC, customer.toString(), null, "EntriesApproved.v1", "{}");
        UUID good = UUID.randomUUID();
        RawEvents.send(TOPIC, customer.toString(), UUID.randomUUID().toString(), "EntriesApproved.v1", """
                {"customerId":"%s","entries":[%s]}""".formatted(customer, entry(good, "2026-10-03", "1", "145.00", true)));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(poolSize()).isEqualTo(1));
        var dead = TopicReader.read(DLQ, Duration.ofSeconds(30), r -> r.stream().anyMatch(x -> poisonId.equals(x.headers().get("ce_id"))));
        var poison = dead.stream().filter(x -> poisonId.equals(x.headers().get("ce_id"))).findFirst().orElseThrow();
        assertThat(poison.value()).isEqualTo("{not json");
        assertThat(poison.headers()).containsKey("x-exception-message").containsEntry("x-original-topic", TOPIC);
        assertThat(poison.headers().get("x-exception-message")).contains("not readable");
    }

    @Test
    void a_poll_is_received_in_one_transaction() {
        bindings.changeState(BINDING, BindingsLifecycleController.State.STOPPED);
        List<String> eventIds = new ArrayList<>();
        try {
            for (int i = 1; i <= 3; i++) eventIds.add(approve(UUID.randomUUID(), "2026-10-0" + i));
        } finally {
            bindings.changeState(BINDING, BindingsLifecycleController.State.STARTED);
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(poolSize()).isEqualTo(3));
        // rows written by one transaction carry its id
        assertThat(jdbc.queryForList("select distinct xmin::text from processed_event where event_id = any(?)", String.class,
                (Object) eventIds.toArray(String[]::new))).hasSize(1);
    }

    @Test
    void a_poison_in_the_middle_of_a_poll_is_dead_lettered_alone_and_the_events_around_it_are_processed() {
        UUID before = UUID.randomUUID();
        UUID after = UUID.randomUUID();
        String poisonId = UUID.randomUUID().toString();
        bindings.changeState(BINDING, BindingsLifecycleController.State.STOPPED);
        try {
            approve(before, "2026-10-01");
            // a readable envelope whose payload is not: the handler fails, so the poll cannot commit together
            RawEvents.send(TOPIC, customer.toString(), poisonId, "EntriesApproved.v1", "{\"customerId\": [");
            approve(after, "2026-10-02");
        } finally {
            bindings.changeState(BINDING, BindingsLifecycleController.State.STARTED);
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(poolSize()).isEqualTo(2));
        var dead = TopicReader.read(DLQ, Duration.ofSeconds(30), r -> r.stream().anyMatch(x -> poisonId.equals(x.headers().get("ce_id"))));
        assertThat(dead).filteredOn(x -> x.headers().get("ce_id") != null && x.headers().get("ce_id").equals(poisonId)).hasSize(1);
        assertThat(dead).noneMatch(x -> x.value().contains(before.toString()) || x.value().contains(after.toString()));
    }

    private String approve(UUID entryId, String date) {
        String eventId = UUID.randomUUID().toString();
        RawEvents.send(TOPIC, customer.toString(), eventId, "EntriesApproved.v1", """
                {"customerId":"%s","entries":[%s]}""".formatted(customer, entry(entryId, date, "1", "145.00", true)));
        return eventId;
    }

    @Test
    void unknown_customer_and_bad_period_are_clear_errors() throws Exception {
        http.perform(get("/customers/{id}/unbilled-entries", UUID.randomUUID())).andExpect(status().isNotFound());
        http.perform(get("/customers/{id}/unbilled-entries", customer).param("from", "2026-10-31").param("to", "2026-10-01"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("from"));
        http.perform(get("/customers/{id}/unbilled-entries", customer).param("billingType", "HOURLY"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("billingType"));
    }

    private int poolSize() {
        return jdbc.queryForObject("select count(*) from unbilled_entry where customer_id = ?", Integer.class, customer);
    }

    private String entry(UUID id, String date, String hours, String amount, boolean billable) {
        return """
                {"entryId":"%s","customerId":"%s","projectId":"%s","billingType":"TIME_AND_MATERIALS","resourceId":"%s",
                 "resourceName":"Ada","role":"Senior","task":"Build","date":"%s","hours":%s,"rate":145.00,"amount":%s,
                 "currency":"CHF","billable":%s,"description":null}""".formatted(id, customer, project, UUID.randomUUID(), date,
                hours, amount, billable);
    }
}
