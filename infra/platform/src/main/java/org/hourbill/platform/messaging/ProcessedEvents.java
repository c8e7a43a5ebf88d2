package org.hourbill.platform.messaging;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The consumer side of "no double effect": the id of every processed event is recorded in the consumer's own
 * database, in the same transaction as the event's effect. A redelivered event finds its id and is skipped.
 */
public class ProcessedEvents {
    private final JdbcTemplate jdbc;

    public ProcessedEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the event as processed by {@code consumer}; false when it already was (a redelivery). */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean markProcessed(String consumer, String eventId) {
        return jdbc.update("""
                insert into processed_event (consumer, event_id, processed_at) values (?, ?, now())
                on conflict do nothing""", consumer, eventId) == 1;
    }
}
