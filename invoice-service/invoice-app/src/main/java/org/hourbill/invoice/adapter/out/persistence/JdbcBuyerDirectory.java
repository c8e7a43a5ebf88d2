package org.hourbill.invoice.adapter.out.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.hourbill.invoice.application.BuyerDirectory;
import org.hourbill.invoice.domain.Buyer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class JdbcBuyerDirectory implements BuyerDirectory {
    private final JdbcTemplate jdbc;

    JdbcBuyerDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void remember(Buyer c) {
        jdbc.update("""
                insert into buyer (id, name, address, tax_id, tax_rate, currency, payment_terms_days) values (?, ?, ?, ?, ?, ?, ?)
                on conflict (id) do update set name = excluded.name, address = excluded.address, tax_id = excluded.tax_id,
                    tax_rate = excluded.tax_rate, currency = excluded.currency, payment_terms_days = excluded.payment_terms_days""", c.id(), c.name(), c.address(), c.taxId(), c.taxRate(), c.currency(), c.paymentTermsDays());
    }

    @Override
    public Optional<Buyer> find(UUID id) {
        return jdbc.query("select * from buyer where id = ?", (rs, i) -> map(rs), id).stream().findFirst();
    }

    @Override
    public List<Buyer> all() {
        return jdbc.query("select * from buyer order by name", (rs, i) -> map(rs));
    }

    private static Buyer map(ResultSet rs) throws SQLException {
        return new Buyer(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("address"), rs.getString("tax_id"),
                rs.getBigDecimal("tax_rate"), rs.getString("currency"), rs.getInt("payment_terms_days"));
    }
}
