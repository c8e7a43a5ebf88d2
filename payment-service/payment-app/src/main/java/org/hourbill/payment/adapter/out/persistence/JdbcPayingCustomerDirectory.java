package org.hourbill.payment.adapter.out.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.hourbill.payment.application.PayingCustomerDirectory;
import org.hourbill.payment.domain.PayingCustomer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class JdbcPayingCustomerDirectory implements PayingCustomerDirectory {
    private final JdbcTemplate jdbc;

    JdbcPayingCustomerDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void remember(PayingCustomer c) {
        jdbc.update("""
                insert into customer (id, name, currency) values (?, ?, ?)
                on conflict (id) do update set name = excluded.name, currency = excluded.currency""", c.id(), c.name(), c.currency());
    }

    @Override
    public Optional<PayingCustomer> find(UUID id) {
        return jdbc.query("select * from customer where id = ?", (rs, i) -> map(rs), id).stream().findFirst();
    }

    @Override
    public List<PayingCustomer> all() {
        return jdbc.query("select * from customer order by name", (rs, i) -> map(rs));
    }

    private static PayingCustomer map(ResultSet rs) throws SQLException {
        return new PayingCustomer(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("currency"));
    }
}
