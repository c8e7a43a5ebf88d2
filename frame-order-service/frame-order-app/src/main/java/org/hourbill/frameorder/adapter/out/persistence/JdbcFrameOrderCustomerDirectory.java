package org.hourbill.frameorder.adapter.out.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.hourbill.frameorder.application.FrameOrderCustomerDirectory;
import org.hourbill.frameorder.domain.FrameOrderCustomer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class JdbcFrameOrderCustomerDirectory implements FrameOrderCustomerDirectory {
    private final JdbcTemplate jdbc;

    JdbcFrameOrderCustomerDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void remember(FrameOrderCustomer c) {
        jdbc.update("""
                insert into customer (id, name) values (?, ?)
                on conflict (id) do update set name = excluded.name""", c.id(), c.name());
    }

    @Override
    public Optional<FrameOrderCustomer> find(UUID id) {
        return jdbc.query("select * from customer where id = ?", (rs, i) -> map(rs), id).stream().findFirst();
    }

    @Override
    public List<FrameOrderCustomer> all() {
        return jdbc.query("select * from customer order by name", (rs, i) -> map(rs));
    }

    private static FrameOrderCustomer map(ResultSet rs) throws SQLException {
        return new FrameOrderCustomer(rs.getObject("id", UUID.class), rs.getString("name"));
    }
}
