package org.hourbill.billing.adapter.out.persistence;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.hourbill.billing.application.InvoiceRuns;
import org.hourbill.billing.domain.review.Settlement;
import org.hourbill.billing.domain.run.InvoiceRun;
import org.hourbill.platform.web.CorrelationIdFilter;
import org.hourbill.billing.domain.run.RunStep;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class JdbcInvoiceRuns implements InvoiceRuns {
    /** The columns of the run itself; its settlement's arrays are read only by {@link #settlementOf}. */
    private static final String RUN = """
            id, review_id, customer_id, frame_order_id, issue_date, bills_entries, entries_locked, frame_order_po_number, step,
            attempts, deadline, invoice_number, failure_reason""";

    private final JdbcTemplate jdbc;

    JdbcInvoiceRuns(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(InvoiceRun r, Instant startedAt, Settlement s) {
        jdbc.update(connection -> {
            var insert = connection.prepareStatement("""
                    insert into invoice_run (id, review_id, customer_id, frame_order_id, frame_order_po_number, issue_date, step, attempts,
                        deadline, invoice_number, failure_reason, started_at, correlation_id, bills_entries, step_entered_at,
                        billed_entry_ids, billed_hours, written_off_entry_ids, written_off_reasons, bills_terms)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
            insert.setObject(1, r.id());
            insert.setObject(2, r.reviewId());
            insert.setObject(3, r.customerId());
            insert.setObject(4, r.frameOrderId());
            insert.setString(5, r.frameOrderPoNumber());
            insert.setDate(6, Date.valueOf(r.issueDate()));
            insert.setString(7, r.step().name());
            insert.setInt(8, r.attempts());
            insert.setTimestamp(9, timestamp(r.deadline()));
            insert.setString(10, r.invoiceNumber());
            insert.setString(11, r.failureReason());
            insert.setTimestamp(12, Timestamp.from(startedAt));
            insert.setString(13, CorrelationIdFilter.current());
            insert.setBoolean(14, r.billsEntries());
            insert.setTimestamp(15, Timestamp.from(startedAt));
            insert.setArray(16, connection.createArrayOf("uuid", s.billed().keySet().toArray()));
            insert.setArray(17, connection.createArrayOf("numeric", s.billed().values().toArray()));
            insert.setArray(18, connection.createArrayOf("uuid", s.writtenOff().keySet().toArray()));
            insert.setArray(19, connection.createArrayOf("varchar", s.writtenOff().values().toArray()));
            insert.setBoolean(20, s.billsTerms());
            return insert;
        });
    }

    @Override
    public Optional<Settlement> settlementOf(UUID runId) {
        return jdbc.query("""
                select billed_entry_ids, billed_hours, written_off_entry_ids, written_off_reasons, bills_terms
                from invoice_run where id = ? and bills_terms is not null""", (rs, i) -> {
            Map<UUID, BigDecimal> billed = new LinkedHashMap<>();
            UUID[] billedIds = (UUID[]) rs.getArray(1).getArray();
            BigDecimal[] hours = (BigDecimal[]) rs.getArray(2).getArray();
            for (int n = 0; n < billedIds.length; n++) billed.put(billedIds[n], hours[n]);
            Map<UUID, String> writtenOff = new LinkedHashMap<>();
            UUID[] writtenOffIds = (UUID[]) rs.getArray(3).getArray();
            String[] reasons = (String[]) rs.getArray(4).getArray();
            for (int n = 0; n < writtenOffIds.length; n++) writtenOff.put(writtenOffIds[n], reasons[n]);
            return new Settlement(billed, writtenOff, rs.getBoolean(5));
        }, runId).stream().findFirst();
    }

    @Override
    public Optional<InvoiceRun> find(UUID id) {
        return jdbc.query("select " + RUN + " from invoice_run where id = ?", (rs, i) -> run(rs), id).stream().findFirst();
    }

    @Override
    public Optional<InvoiceRun> lock(UUID id) {
        return jdbc.query("select " + RUN + " from invoice_run where id = ? for update", (rs, i) -> run(rs), id).stream().findFirst();
    }

    @Override
    public Optional<Duration> save(InvoiceRun r, Instant now) {
        Timestamp at = Timestamp.from(now);
        // the step before the update (the row is locked by the caller), and since when it was in it
        return jdbc.query("""
                with before as (select step, step_entered_at from invoice_run where id = ?)
                update invoice_run run set frame_order_po_number = ?, step = ?, attempts = ?, deadline = ?, invoice_number = ?,
                    failure_reason = ?, finished_at = ?, entries_locked = ?,
                    step_entered_at = case when run.step = ? then run.step_entered_at else ? end
                from before where run.id = ?
                returning before.step, before.step_entered_at""", (rs, i) -> {
                    Timestamp entered = rs.getTimestamp(2);
                    return r.step().name().equals(rs.getString(1)) || entered == null ? null
                            : Duration.between(entered.toInstant(), now);
                }, r.id(), r.frameOrderPoNumber(), r.step().name(), r.attempts(), timestamp(r.deadline()), r.invoiceNumber(),
                r.failureReason(), r.step().finished() ? at : null, r.entriesLocked(), r.step().name(), at, r.id())
                .stream().filter(java.util.Objects::nonNull).findFirst();
    }

    @Override
    public List<Overdue> overdue(Instant now, int limit) {
        return jdbc.query("""
                select id, correlation_id from invoice_run where deadline is not null and deadline <= ? order by deadline limit ?""",
                (rs, i) -> new Overdue(rs.getObject(1, UUID.class), rs.getString(2)), Timestamp.from(now), limit);
    }

    @Override
    public Optional<Instant> startedAt(UUID id) {
        return jdbc.queryForList("select started_at from invoice_run where id = ?", Timestamp.class, id).stream()
                .map(Timestamp::toInstant).findFirst();
    }

    @Override
    public Optional<Instant> finishedAt(UUID id) {
        return jdbc.queryForList("select finished_at from invoice_run where id = ? and finished_at is not null", Timestamp.class, id)
                .stream().map(Timestamp::toInstant).findFirst();
    }

    private static InvoiceRun run(ResultSet rs) throws SQLException {
        Timestamp deadline = rs.getTimestamp("deadline");
        return new InvoiceRun(rs.getObject("id", UUID.class), rs.getObject("review_id", UUID.class),
                rs.getObject("customer_id", UUID.class), rs.getObject("frame_order_id", UUID.class),
                rs.getDate("issue_date").toLocalDate(), rs.getBoolean("bills_entries"), rs.getBoolean("entries_locked"),
                rs.getString("frame_order_po_number"),
                RunStep.valueOf(rs.getString("step")),
                rs.getInt("attempts"), deadline == null ? null : deadline.toInstant(), rs.getString("invoice_number"),
                rs.getString("failure_reason"));
    }

    private static Timestamp timestamp(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
