package org.hourbill.timesheet.adapter.out.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.hourbill.timesheet.domain.ProjectRate;
import org.hourbill.timesheet.domain.ProjectRates;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class JdbcProjectRates implements ProjectRates {
    private final JdbcTemplate jdbc;

    JdbcProjectRates(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<ProjectRate> findByProjectIdIn(Collection<UUID> projectIds) {
        return jdbc.query("select * from project_rate where project_id = any(?)", JdbcProjectRates::rate,
                (Object) Ids.array(projectIds));
    }

    @Override
    public Optional<ProjectRate> findByProjectIdAndRole(UUID projectId, String role) {
        return jdbc.query("select * from project_rate where project_id = ? and role = ?", JdbcProjectRates::rate, projectId, role)
                .stream().findFirst();
    }

    @Override
    public ProjectRate add(ProjectRate r) {
        jdbc.update("insert into project_rate (id, project_id, role, rate) values (?, ?, ?, ?)", r.id(), r.projectId(), r.role(),
                r.rate());
        return r;
    }

    @Override
    public void save(ProjectRate r) {
        jdbc.update("update project_rate set rate = ? where id = ?", r.rate(), r.id());
    }

    private static ProjectRate rate(ResultSet rs, int row) throws SQLException {
        return ProjectRate.restore(rs.getObject("id", UUID.class), rs.getObject("project_id", UUID.class), rs.getString("role"),
                rs.getBigDecimal("rate"));
    }
}
