package org.hourbill.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.hourbill.platform.messaging.EventInbox;
import org.hourbill.platform.messaging.MalformedEvent;
import org.hourbill.platform.messaging.ProcessedEvents;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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

    private static Message<byte[]> event(String id, String json) {
        return MessageBuilder.withPayload(json.getBytes(StandardCharsets.UTF_8))
                .setHeader("ce_id", id.getBytes(StandardCharsets.UTF_8))
                .setHeader("ce_type", "Greeting.v1".getBytes(StandardCharsets.UTF_8))
                .setHeader("ce_time", "2026-11-01T10:00:00Z").build();
    }
}
