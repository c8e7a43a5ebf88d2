package org.hourbill.platform.outbox;

import java.time.Clock;
import java.util.UUID;

import org.hourbill.platform.web.CorrelationIdFilter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * The producer side of "nothing lost": an event is written to the {@code outbox_event} table in the same
 * transaction as the state change it announces; {@link OutboxRelay} publishes it afterwards. The columns follow
 * Debezium's outbox layout so a CDC relay could replace the polling one.
 */
public class Outbox {
    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final String source;
    private final Clock clock;

    public Outbox(JdbcTemplate jdbc, JsonMapper json, String source, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.source = source;
        this.clock = clock;
    }

    /** Appends the event to the current transaction and returns its id (CloudEvents {@code id}). */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID append(OutgoingEvent event) {
        UUID id = UUID.randomUUID();
        jdbc.update("""
                insert into outbox_event (id, aggregatetype, aggregateid, type, topic, subject, source, correlation_id, payload, timestamp)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?::json, ?)""",
                id, event.aggregateType(), event.aggregateId(), event.type(), event.topic(), event.subject(), source,
                CorrelationIdFilter.current(), json.writeValueAsString(event.payload()),
                java.sql.Timestamp.from(clock.instant()));
        return id;
    }
}
