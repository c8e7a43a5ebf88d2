package org.hourbill.invoice.adapter.out.persistence;

import org.hourbill.invoice.domain.NumberSeries;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class JdbcNumberSeries implements NumberSeries {
    private final JdbcTemplate jdbc;

    JdbcNumberSeries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One statement: create or increment the counter, lock it, and read the clock once the lock is ours. */
    @Override
    public Drawn next(String series, String period) {
        return jdbc.queryForObject("""
                insert into number_counter (series, period, last_value) values (?, ?, 1)
                on conflict (series, period) do update set last_value = number_counter.last_value + 1
                returning last_value, clock_timestamp()""",
                (rs, i) -> new Drawn(rs.getLong(1), rs.getTimestamp(2).toInstant()), series, period);
    }
}
