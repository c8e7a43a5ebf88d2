package org.hourbill.timesheet.adapter.out.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.hourbill.timesheet.domain.Consultant;
import org.hourbill.timesheet.domain.Consultants;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Consultants in table {@code resource}: the seeds call them resources. */
@Repository
class JdbcConsultants implements Consultants {
    private final JdbcTemplate jdbc;

    JdbcConsultants(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Consultant> findById(UUID id) {
        return jdbc.query("select * from resource where id = ?", JdbcConsultants::consultant, id).stream().findFirst();
    }

    @Override
    public List<Consultant> findAllById(Iterable<UUID> ids) {
        return jdbc.query("select * from resource where id = any(?)", JdbcConsultants::consultant, (Object) Ids.array(ids));
    }

    @Override
    public List<Consultant> findAllByOrderByName() {
        return jdbc.query("select * from resource order by name, id", JdbcConsultants::consultant);
    }

    @Override
    public Consultant add(Consultant c) {
        jdbc.update("insert into resource (id, name, role, default_rate, version) values (?, ?, ?, ?, 0)", c.id(), c.name(),
                c.role(), c.defaultRate());
        return c;
    }

    private static Consultant consultant(ResultSet rs, int row) throws SQLException {
        return Consultant.restore(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("role"),
                rs.getBigDecimal("default_rate"));
    }
}
