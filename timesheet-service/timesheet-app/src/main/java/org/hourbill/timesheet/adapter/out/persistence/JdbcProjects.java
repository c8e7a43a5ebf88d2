package org.hourbill.timesheet.adapter.out.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.hourbill.timesheet.domain.Project;
import org.hourbill.timesheet.domain.Projects;
import org.hourbill.timesheet.events.BillingType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class JdbcProjects implements Projects {
    private final JdbcTemplate jdbc;

    JdbcProjects(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Project> findById(UUID id) {
        return jdbc.query("select * from project where id = ?", JdbcProjects::project, id).stream().findFirst();
    }

    @Override
    public List<Project> findAllById(Iterable<UUID> ids) {
        return jdbc.query("select * from project where id = any(?)", JdbcProjects::project, (Object) Ids.array(ids));
    }

    @Override
    public List<Project> findByCustomerIdIn(Collection<UUID> customerIds) {
        return jdbc.query("select * from project where customer_id = any(?) order by code", JdbcProjects::project,
                (Object) Ids.array(customerIds));
    }

    @Override
    public List<Project> findAllByOrderByCode() {
        return jdbc.query("select * from project order by code", JdbcProjects::project);
    }

    @Override
    public boolean existsByCode(String code) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from project where code = ?)", Boolean.class, code));
    }

    @Override
    public Project add(Project p) {
        jdbc.update("""
                insert into project (id, customer_id, code, name, billing_type, overhead, version) values (?, ?, ?, ?, ?, ?, 0)""",
                p.id(), p.customerId(), p.code(), p.name(), p.billingType().name(), p.overhead());
        return p;
    }

    private static Project project(ResultSet rs, int row) throws SQLException {
        return Project.restore(rs.getObject("id", UUID.class), rs.getObject("customer_id", UUID.class), rs.getString("code"),
                rs.getString("name"), BillingType.valueOf(rs.getString("billing_type")), rs.getBoolean("overhead"));
    }
}
