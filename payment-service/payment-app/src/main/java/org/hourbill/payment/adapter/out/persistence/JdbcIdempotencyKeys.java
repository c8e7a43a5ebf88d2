package org.hourbill.payment.adapter.out.persistence;

import java.util.Optional;
import java.util.UUID;

import org.hourbill.payment.application.IdempotencyKeys;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The key is the primary key: a second insert of a key whose first use has not committed yet waits on it, then
 * either sees the committed first use or, if that rolled back, takes the key itself.
 */
@Repository
class JdbcIdempotencyKeys implements IdempotencyKeys {
    private final JdbcTemplate jdbc;

    JdbcIdempotencyKeys(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Earlier> claim(String key, String fingerprint) {
        int inserted = jdbc.update("insert into idempotency_key (key, fingerprint) values (?, ?) on conflict do nothing", key,
                fingerprint);
        if (inserted == 1) return Optional.empty();
        return jdbc.query("select fingerprint, payment_id from idempotency_key where key = ?",
                (rs, n) -> new Earlier(rs.getString("fingerprint"), rs.getObject("payment_id", UUID.class)), key).stream().findFirst();
    }

    @Override
    public void complete(String key, UUID paymentId) {
        jdbc.update("update idempotency_key set payment_id = ? where key = ?", paymentId, key);
    }
}
