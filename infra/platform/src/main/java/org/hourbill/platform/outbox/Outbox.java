package org.hourbill.platform.outbox;

import java.time.Clock;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

import org.hourbill.platform.web.CorrelationIdFilter;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

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
    private final OutboxSignal signal;

    public Outbox(JdbcTemplate jdbc, JsonMapper json, String source, Clock clock) {
        this(jdbc, json, source, clock, new OutboxSignal());
    }

    /** @param signal woken after each commit that wrote events, so the relay need not wait for its next poll */
    public Outbox(JdbcTemplate jdbc, JsonMapper json, String source, Clock clock, OutboxSignal signal) {
        this.jdbc = jdbc;
        this.json = json;
        this.source = source;
        this.clock = clock;
        this.signal = signal;
    }

    /** Appends the event to the current transaction and returns its id (CloudEvents {@code id}). */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID append(OutgoingEvent event) {
        return appendAll(List.of(event)).getFirst();
    }

    /** Appends events, in this order, in one round trip to the database; returns their ids. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<UUID> appendAll(List<OutgoingEvent> events) {
        List<UUID> ids = events.stream().map(e -> UUID.randomUUID()).toList();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    signal.eventsCommitted();
                }

                /** First of the after-commit work: other callbacks (rendering a PDF) must not hold the event back. */
                @Override
                public int getOrder() {
                    return Ordered.HIGHEST_PRECEDENCE;
                }
            });
        }
        String correlationId = CorrelationIdFilter.current();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.batchUpdate("""
                insert into outbox_event (id, aggregatetype, aggregateid, type, topic, subject, source, correlation_id, payload, timestamp)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                OutgoingEvent event = events.get(i);
                ps.setObject(1, ids.get(i));
                ps.setString(2, event.aggregateType());
                ps.setString(3, event.aggregateId());
                ps.setString(4, event.type());
                ps.setString(5, event.topic());
                ps.setString(6, event.subject());
                ps.setString(7, source);
                ps.setString(8, correlationId);
                ps.setString(9, json.writeValueAsString(event.payload()));
                ps.setTimestamp(10, now);
            }

            @Override
            public int getBatchSize() {
                return events.size();
            }
        });
        return ids;
    }
}
