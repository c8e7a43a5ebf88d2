package org.hourbill.billing.adapter.out.persistence;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.hourbill.billing.application.BillingRuns;
import org.hourbill.billing.domain.billingrun.BillingRun;
import org.hourbill.billing.domain.billingrun.RunCustomer;
import org.hourbill.billing.domain.billingrun.RunCustomer.Figures;
import org.hourbill.billing.domain.billingrun.RunCustomer.FrameOrderUse;
import org.hourbill.platform.tracing.MessageTracing;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class JdbcBillingRuns implements BillingRuns {
    private final JdbcTemplate jdbc;
    private final MessageTracing tracing;

    JdbcBillingRuns(JdbcTemplate jdbc, MessageTracing tracing) {
        this.tracing = tracing;
        this.jdbc = jdbc;
    }

    @Override
    public void add(BillingRun run, List<RunCustomer> customers) {
        jdbc.update("""
                insert into billing_run (id, period_from, period_to, payment_terms_days, notes, status, created_at)
                values (?, ?, ?, ?, ?, ?, ?)""", run.id(), Date.valueOf(run.periodFrom()), Date.valueOf(run.periodTo()),
                run.paymentTermsDays(), run.notes(), run.status().name(), Timestamp.from(run.createdAt()));
        AtomicInteger position = new AtomicInteger();
        jdbc.batchUpdate("""
                insert into billing_run_customer (run_id, customer_id, position, customer_name, review_id, review_reused, held_reason,
                    currency, hours, net, tax, total, frame_order_id, po_number, frame_order_hours_left, frame_order_hours_after)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", customers, 1_000, (ps, c) -> {
            Figures f = c.figures();
            FrameOrderUse fo = c.frameOrder();
            ps.setObject(1, run.id());
            ps.setObject(2, c.customerId());
            ps.setInt(3, position.incrementAndGet());
            ps.setString(4, c.customerName());
            ps.setObject(5, c.reviewId());
            ps.setBoolean(6, c.reviewReused());
            ps.setString(7, c.heldReason());
            ps.setString(8, f == null ? null : f.currency());
            ps.setBigDecimal(9, f == null ? null : f.hours());
            ps.setBigDecimal(10, f == null ? null : f.net());
            ps.setBigDecimal(11, f == null ? null : f.tax());
            ps.setBigDecimal(12, f == null ? null : f.total());
            ps.setObject(13, fo == null ? null : fo.frameOrderId());
            ps.setString(14, fo == null ? null : fo.poNumber());
            ps.setBigDecimal(15, fo == null ? null : fo.hoursLeft());
            ps.setBigDecimal(16, fo == null ? null : fo.hoursAfter());
        });
    }

    @Override
    public Optional<BillingRun> find(UUID runId) {
        return jdbc.query("select * from billing_run where id = ?", (rs, i) -> run(rs), runId).stream().findFirst();
    }

    @Override
    public Optional<BillingRun> lock(UUID runId) {
        return jdbc.query("select * from billing_run where id = ? for update", (rs, i) -> run(rs), runId).stream().findFirst();
    }

    @Override
    public void save(BillingRun run) {
        // a started run keeps the trace of the request that started it, for its launches to continue
        String trace = run.startedAt() == null ? null : tracing.currentTraceparent();
        jdbc.update("update billing_run set status = ?, started_at = ?, traceparent = coalesce(traceparent, ?) where id = ?",
                run.status().name(), run.startedAt() == null ? null : Timestamp.from(run.startedAt()), trace, run.id());
    }

    @Override
    public List<RunCustomer> customers(UUID runId) {
        return jdbc.query("""
                select c.*, r.invoice_number as run_invoice_number, r.failure_reason as run_failure, r.step as run_step
                from billing_run_customer c left join invoice_run r on r.id = c.invoice_run_id
                where c.run_id = ? order by c.position""", (rs, i) -> customer(rs), runId);
    }

    @Override
    public long included(UUID runId) {
        Long count = jdbc.queryForObject("select count(*) from billing_run_customer where run_id = ? and held_reason is null",
                Long.class, runId);
        return count == null ? 0 : count;
    }

    @Override
    public List<BillingRun> recent(int limit) {
        return jdbc.query("select * from billing_run order by seq desc limit ?", (rs, i) -> run(rs), limit);
    }

    @Override
    public List<Launch> nextToLaunch(int max) {
        // the run first, then its customers through the partial index of those waiting: the join ordered by the run's
        // start scanned every launched customer again at each launch
        return jdbc.query("""
                select c.run_id, c.customer_id, c.review_id, r.traceparent
                from billing_run_customer c join billing_run r on r.id = c.run_id
                where c.run_id = (
                        select w.id from billing_run w
                        where w.status = 'STARTED' and exists (
                            select 1 from billing_run_customer x
                            where x.run_id = w.id and x.invoice_run_id is null and x.held_reason is null and x.launch_failure is null)
                        order by w.started_at limit 1)
                  and c.invoice_run_id is null and c.held_reason is null and c.launch_failure is null
                order by c.position
                limit ?
                for update of c skip locked""", (rs, i) -> new Launch(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                rs.getObject(3, UUID.class), rs.getString(4)), max);
    }

    @Override
    public void launched(Launch launch, UUID invoiceRunId, Figures f) {
        jdbc.update("""
                update billing_run_customer set invoice_run_id = ?, currency = ?, hours = ?, net = ?, tax = ?, total = ?
                where run_id = ? and customer_id = ?""", invoiceRunId, f.currency(), f.hours(), f.net(), f.tax(), f.total(),
                launch.runId(), launch.customerId());
    }

    @Override
    public void launchFailed(Launch launch, String reason) {
        jdbc.update("""
                update billing_run_customer set launch_failure = ?
                where run_id = ? and customer_id = ? and invoice_run_id is null and launch_failure is null""",
                reason.length() > 1000 ? reason.substring(0, 1000) : reason, launch.runId(), launch.customerId());
    }

    private static BillingRun run(ResultSet rs) throws SQLException {
        Timestamp started = rs.getTimestamp("started_at");
        return new BillingRun(rs.getObject("id", UUID.class), rs.getDate("period_from").toLocalDate(),
                rs.getDate("period_to").toLocalDate(), rs.getObject("payment_terms_days", Integer.class), rs.getString("notes"),
                BillingRun.Status.valueOf(rs.getString("status")), rs.getTimestamp("created_at").toInstant(),
                started == null ? null : started.toInstant());
    }

    private static RunCustomer customer(ResultSet rs) throws SQLException {
        String currency = rs.getString("currency");
        Figures figures = currency == null ? null : new Figures(currency, rs.getBigDecimal("hours"), rs.getBigDecimal("net"),
                rs.getBigDecimal("tax"), rs.getBigDecimal("total"));
        UUID frameOrderId = rs.getObject("frame_order_id", UUID.class);
        FrameOrderUse frameOrder = frameOrderId == null ? null : new FrameOrderUse(frameOrderId, rs.getString("po_number"),
                rs.getBigDecimal("frame_order_hours_left"), rs.getBigDecimal("frame_order_hours_after"));
        boolean runFailed = "FAILED".equals(rs.getString("run_step"));
        String launchFailure = rs.getString("launch_failure");
        return new RunCustomer(rs.getObject("customer_id", UUID.class), rs.getString("customer_name"),
                rs.getObject("review_id", UUID.class), rs.getBoolean("review_reused"), rs.getString("held_reason"), figures, frameOrder,
                rs.getObject("invoice_run_id", UUID.class), rs.getString("run_invoice_number"),
                launchFailure != null ? launchFailure : runFailed ? rs.getString("run_failure") : null, runFailed);
    }
}
