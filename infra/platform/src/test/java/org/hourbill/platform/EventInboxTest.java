package org.hourbill.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hourbill.platform.messaging.EventInbox;
import org.hourbill.platform.messaging.MalformedEvent;
import org.hourbill.platform.messaging.ProcessedEvents;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

import tools.jackson.databind.json.JsonMapper;

/** The idempotent consumer against the real PostgreSQL. */
class EventInboxTest {
    static RealDatabase db;
    static EventInbox inbox;

    record Greeting(String text) {
    }

    @BeforeAll
    static void setUp() {
        db = RealDatabase.migrated("platform_inbox");
        inbox = new EventInbox(new ProcessedEvents(db.jdbc()), db.transaction(), JsonMapper.builder().build());
        db.jdbc().update("create table if not exists inbox_effect (text varchar(50))");
    }

    @Test
    void a_redelivered_event_has_no_second_effect() {
        List<String> effects = new ArrayList<>();
        Message<byte[]> message = event(UUID.randomUUID().toString(), "{\"text\":\"hello\",\"addedLater\":1}");
        inbox.receive("test-consumer", message, e -> effects.add(inbox.payload(e, Greeting.class).text()));
        inbox.receive("test-consumer", message, e -> effects.add(inbox.payload(e, Greeting.class).text()));
        inbox.receive("another-consumer", message, e -> effects.add("other:" + inbox.payload(e, Greeting.class).text()));
        assertThat(effects).containsExactly("hello", "other:hello");
    }

    @Test
    void a_failed_handler_leaves_the_event_unprocessed_so_a_retry_runs_it_again() {
        Message<byte[]> message = event(UUID.randomUUID().toString(), "{\"text\":\"retry me\"}");
        assertThatThrownBy(() -> inbox.receive("test-consumer", message, e -> {
            db.jdbc().update("insert into inbox_effect values ('half done')");
            throw new IllegalStateException("database hiccup");
        })).isInstanceOf(IllegalStateException.class);
        List<String> effects = new ArrayList<>();
        inbox.receive("test-consumer", message, e -> effects.add(inbox.payload(e, Greeting.class).text()));
        assertThat(effects).containsExactly("retry me");
        assertThat(db.jdbc().queryForObject("select count(*) from inbox_effect where text = 'half done'", Integer.class)).isZero();
    }

    @Test
    void an_event_type_the_consumer_does_not_use_is_skipped_without_a_trace() {
        String id = UUID.randomUUID().toString();
        List<String> effects = new ArrayList<>();
        inbox.receive("picky-consumer", event(id, "{\"text\":\"not for me\"}"), "Farewell.v1"::equals, e -> effects.add("ran"));
        assertThat(effects).isEmpty();
        assertThat(db.jdbc().queryForObject("select count(*) from processed_event where event_id = ?", Integer.class, id)).isZero();
        inbox.receive("picky-consumer", event(id, "{\"text\":\"for me\"}"), "Greeting.v1"::equals, e -> effects.add("ran"));
        assertThat(effects).containsExactly("ran");
    }

    @Test
    void events_without_id_or_with_unreadable_payload_are_malformed() {
        assertThatThrownBy(() -> inbox.receive("test-consumer", MessageBuilder.withPayload(new byte[0]).setHeader("ce_type", "X.v1").build(), e -> { }))
                .isInstanceOf(MalformedEvent.class).hasMessageContaining("ce_id");
        assertThatThrownBy(() -> inbox.receive("test-consumer", event(UUID.randomUUID().toString(), "{oops"),
                e -> inbox.payload(e, Greeting.class))).isInstanceOf(MalformedEvent.class).hasMessageContaining("not readable");
    }

    @Test
    void a_poll_is_handled_in_one_transaction() {
        List<String> ids = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString(), UUID.randomUUID().toString());
        List<String> effects = new ArrayList<>();
        inbox.receiveAll("batch-consumer", poll(ids.stream().map(id -> event(id, "{\"text\":\"" + id + "\"}")).toList()),
                e -> effects.add(inbox.payload(e, Greeting.class).text()));
        assertThat(effects).containsExactlyElementsOf(ids);
        // rows written by one transaction carry its id
        assertThat(db.jdbc().queryForList("select distinct xmin::text from processed_event where event_id = any(?)", String.class,
                (Object) ids.toArray(String[]::new))).hasSize(1);
    }

    @Test
    void in_a_poll_that_fails_the_events_before_the_failing_one_stay_done_and_it_is_named_by_its_place() {
        String before = UUID.randomUUID().toString(), failing = UUID.randomUUID().toString(), after = UUID.randomUUID().toString();
        List<String> effects = new ArrayList<>();
        var poll = poll(List.of(event(before, "{\"text\":\"before\"}"), event(failing, "{\"text\":\"fails\"}"),
                event(after, "{\"text\":\"after\"}")));
        assertThatThrownBy(() -> inbox.receiveAll("failing-consumer", poll, e -> {
            String text = inbox.payload(e, Greeting.class).text();
            if (text.equals("fails")) throw new IllegalStateException("cannot");
            effects.add(text);
        })).isInstanceOfSatisfying(BatchListenerFailedException.class, f -> assertThat(f.getIndex()).isEqualTo(1))
                .hasRootCauseInstanceOf(IllegalStateException.class);
        assertThat(processed("failing-consumer", before, failing, after)).containsExactly(before);
        // the error handler commits the offsets before it: the next poll starts at the failing event
        assertThat(effects).containsSubsequence("before").doesNotContain("after");
    }

    @Test
    void an_unreadable_envelope_in_a_poll_is_named_after_the_events_before_it_are_done() {
        String before = UUID.randomUUID().toString();
        var poll = poll(List.of(event(before, "{\"text\":\"before\"}"),
                MessageBuilder.withPayload("{}".getBytes(StandardCharsets.UTF_8)).setHeader("ce_type", "Greeting.v1").build()));
        assertThatThrownBy(() -> inbox.receiveAll("envelope-consumer", poll, e -> { }))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, f -> assertThat(f.getIndex()).isEqualTo(1))
                .hasCauseInstanceOf(MalformedEvent.class);
        assertThat(processed("envelope-consumer", before)).containsExactly(before);
    }

    private static List<String> processed(String consumer, String... ids) {
        return db.jdbc().queryForList("select event_id from processed_event where consumer = ? and event_id = any(?)", String.class,
                consumer, ids);
    }

    /** A poll as the binder hands it over in batch mode: the payloads, and each record's headers in the same order. */
    private static Message<List<byte[]>> poll(List<Message<byte[]>> records) {
        return MessageBuilder.withPayload(records.stream().map(Message::getPayload).toList())
                .setHeader(KafkaHeaders.BATCH_CONVERTED_HEADERS, records.stream().map(m -> (Map<String, Object>) new HashMap<>(m.getHeaders())).toList())
                .build();
    }

    private static Message<byte[]> event(String id, String json) {
        return MessageBuilder.withPayload(json.getBytes(StandardCharsets.UTF_8))
                .setHeader("ce_id", id.getBytes(StandardCharsets.UTF_8))
                .setHeader("ce_type", "Greeting.v1".getBytes(StandardCharsets.UTF_8))
                .setHeader("ce_time", "2026-11-01T10:00:00Z").build();
    }
}
