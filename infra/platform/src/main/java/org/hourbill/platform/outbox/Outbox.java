package org.hourbill.platform.outbox;

import java.time.Clock;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.hourbill.platform.tracing.MessageTracing;
import org.hourbill.platform.web.CorrelationIdFilter;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.micrometer.tracing.Span;
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
    private final MessageTracing tracing;

    public Outbox(JdbcTemplate jdbc, JsonMapper json, String source, Clock clock) {
        this(jdbc, json, source, clock, new OutboxSignal(), MessageTracing.none());
    }

    /**
     * @param signal  woken after each commit that wrote events, so the relay need not wait for its next poll
     * @param tracing stores the trace context of the work that writes events, for the relay to send on
     */
    public Outbox(JdbcTemplate jdbc, JsonMapper json, String source, Clock clock, OutboxSignal signal, MessageTracing tracing) {
        this.jdbc = jdbc;
        this.json = json;
        this.source = source;
        this.clock = clock;
        this.signal = signal;
        this.tracing = tracing;
    }

    /** Appends the event to the current transaction and returns its id (CloudEvents {@code id}). */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID append(OutgoingEvent event) {
        return appendAll(List.of(event)).getFirst();
    }

    /** Appends events, in this order, in two round trips to the database (versions, then rows); returns their ids. */
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
        Span span = tracing.startChild("outbox write");
        try (var scope = tracing.inScope(span)) {
            span.tag("events", String.valueOf(events.size()));
            insert(events, ids, versions(events), tracing.traceparent(span));
        } catch (RuntimeException e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
        return ids;
    }

    /**
     * Gives each event the next version of its key on its topic, in one statement. The row lock on each key is held to
     * the commit, so a concurrent writer of the same key waits and its versions follow ours; keys are locked in one
     * order, so two writers never wait for each other.
     */
    private long[] versions(List<OutgoingEvent> events) {
        Map<Key, Integer> counts = new TreeMap<>();
        for (OutgoingEvent event : events) counts.merge(Key.of(event), 1, Integer::sum);
        List<Key> keys = List.copyOf(counts.keySet());
        Map<Key, Long> next = new HashMap<>();
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement("""
                    insert into aggregate_version as v (topic, aggregateid, version)
                    select * from unnest(?::varchar[], ?::varchar[], ?::bigint[]) order by 1, 2
                    on conflict (topic, aggregateid) do update set version = v.version + excluded.version
                    returning topic, aggregateid, version""");
            ps.setArray(1, con.createArrayOf("varchar", keys.stream().map(Key::topic).toArray()));
            ps.setArray(2, con.createArrayOf("varchar", keys.stream().map(Key::aggregateId).toArray()));
            ps.setArray(3, con.createArrayOf("bigint", keys.stream().map(key -> (long) counts.get(key)).toArray()));
            return ps;
        }, rs -> {
            // the events of a key take the versions up to the one returned, in the order they were given
            Key key = new Key(rs.getString(1), rs.getString(2));
            next.put(key, rs.getLong(3) - counts.get(key) + 1);
        });
        long[] versions = new long[events.size()];
        for (int i = 0; i < events.size(); i++) {
            versions[i] = next.merge(Key.of(events.get(i)), 1L, Long::sum) - 1;
        }
        return versions;
    }

    /** A subscriber sees versions per key of a topic. */
    private record Key(String topic, String aggregateId) implements Comparable<Key> {
        static Key of(OutgoingEvent event) {
            return new Key(event.topic(), event.aggregateId());
        }

        @Override
        public int compareTo(Key other) {
            int byTopic = topic.compareTo(other.topic);
            return byTopic != 0 ? byTopic : aggregateId.compareTo(other.aggregateId);
        }
    }

    private void insert(List<OutgoingEvent> events, List<UUID> ids, long[] versions, String traceparent) {
        String correlationId = CorrelationIdFilter.current();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.batchUpdate("""
                insert into outbox_event (id, aggregatetype, aggregateid, type, topic, subject, source, correlation_id, payload,
                    timestamp, aggregateversion, traceparent)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", new BatchPreparedStatementSetter() {
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
                ps.setLong(11, versions[i]);
                ps.setString(12, traceparent);
            }

            @Override
            public int getBatchSize() {
                return events.size();
            }
        });
    }
}
