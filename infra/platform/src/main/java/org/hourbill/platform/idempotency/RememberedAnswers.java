package org.hourbill.platform.idempotency;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The answers given under each caller's Idempotency-Keys, in the service's own database. A key is claimed by inserting
 * its row in the request's transaction: a second request under the same key waits on that row until the first commits
 * (and then reads its answer) or rolls back (and then carries itself out).
 */
public class RememberedAnswers {
    /** How long a key is remembered: longer than any client keeps retrying. */
    static final Duration KEPT = Duration.ofHours(24);

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public RememberedAnswers(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What a request carried out before under the same key left: the request's fingerprint and its answer. */
    public record Answer(String fingerprint, int status, String contentType, String location, byte[] body) {
    }

    /** Claims the key for the current transaction; empty when it is new, else the answer its first use committed. */
    Optional<Answer> claim(String caller, String key, String fingerprint) {
        while (true) {
            int claimed = jdbc.update("""
                    insert into idempotent_request (caller, idempotency_key, fingerprint, created_at) values (?, ?, ?, ?)
                    on conflict do nothing""", caller, key, fingerprint, Timestamp.from(clock.instant()));
            if (claimed == 1) return Optional.empty();
            var earlier = jdbc.query("""
                    select fingerprint, status, content_type, location, body from idempotent_request
                    where caller = ? and idempotency_key = ?""",
                    (rs, n) -> new Answer(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getBytes(5)), caller, key);
            if (!earlier.isEmpty()) return Optional.of(earlier.getFirst());
            // forgotten between the two statements (24 hours old): claim it afresh
        }
    }

    void remember(String caller, String key, int status, String contentType, String location, byte[] body) {
        jdbc.update("update idempotent_request set status = ?, content_type = ?, location = ?, body = ? where caller = ? and idempotency_key = ?",
                status, contentType, location, body, caller, key);
    }

    /** Any instance may run this; deleting the same old rows twice is harmless. */
    @Scheduled(initialDelayString = "PT10M", fixedDelayString = "PT1H")
    public void forgetOld() {
        jdbc.update("delete from idempotent_request where created_at < ?", Timestamp.from(clock.instant().minus(KEPT)));
    }
}
