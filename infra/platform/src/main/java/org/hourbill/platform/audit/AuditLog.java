package org.hourbill.platform.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The service's audit table: append-only (the database refuses UPDATE and DELETE), read newest first. */
public final class AuditLog {
    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    public AuditLog(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void append(AuditEntry entry) {
        jdbc.update("""
                insert into audit_entry (id, occurred_at, actor, actor_name, roles, action, method, path, target, status,
                                         correlation_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?::json, ?, ?)""",
                entry.id(), Timestamp.from(entry.occurredAt()), entry.actor(), entry.actorName(), entry.roles(), entry.action(),
                entry.method(), entry.path(), json.writeValueAsString(entry.target()), entry.status(), entry.correlationId());
    }

    /** Newest first; each filter is optional. */
    public List<AuditEntry> find(String actor, String action, Instant from, Instant to, int limit) {
        var sql = new StringBuilder("select * from audit_entry where true");
        List<Object> args = new ArrayList<>();
        if (actor != null) {
            sql.append(" and (actor = ? or actor_name = ?)");
            args.add(actor);
            args.add(actor);
        }
        if (action != null) {
            sql.append(" and action = ?");
            args.add(action);
        }
        if (from != null) {
            sql.append(" and occurred_at >= ?");
            args.add(Timestamp.from(from));
        }
        if (to != null) {
            sql.append(" and occurred_at < ?");
            args.add(Timestamp.from(to));
        }
        sql.append(" order by occurred_at desc, id limit ?");
        args.add(limit);
        return jdbc.query(sql.toString(), (rs, n) -> new AuditEntry(rs.getObject("id", java.util.UUID.class),
                rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"), rs.getString("actor_name"),
                rs.getString("roles"), rs.getString("action"), rs.getString("method"), rs.getString("path"),
                json.readValue(rs.getString("target"), new TypeReference<Map<String, String>>() {
                }), rs.getInt("status"), rs.getString("correlation_id")), args.toArray());
    }
}
