package org.hourbill.billing.adapter.out.persistence;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.hourbill.billing.application.Reviews;
import org.hourbill.billing.application.UnbilledPool;
import org.hourbill.billing.domain.BillingCustomer;
import org.hourbill.billing.domain.UnbilledEntry;
import org.hourbill.billing.domain.review.BillingReview;
import org.hourbill.billing.domain.review.Decision;
import org.hourbill.billing.domain.review.InvoiceOptions;
import org.hourbill.billing.domain.review.ReviewLine;
import org.hourbill.billing.domain.review.ReviewStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class JdbcReviews implements Reviews {
    private final JdbcTemplate jdbc;
    private final UnbilledPool pool;

    JdbcReviews(JdbcTemplate jdbc, UnbilledPool pool) {
        this.jdbc = jdbc;
        this.pool = pool;
    }

    @Override
    public void add(BillingReview r) {
        InvoiceOptions o = r.options();
        jdbc.update("""
                insert into billing_review (id, customer_id, status, period_from, period_to, payment_terms_days, po_number, notes,
                    frame_order_id, invoice_run_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", r.id(), r.customer().id(), r.status().name(), date(o.periodFrom()),
                date(o.periodTo()), o.paymentTermsDays(), o.poNumber(), o.notes(), o.frameOrderId(), r.invoiceRunId());
        saveLines(r);
    }

    @Override
    public Optional<BillingReview> find(UUID id) {
        return load("select * from billing_review where id = ?", id);
    }

    @Override
    public Optional<BillingReview> lock(UUID id) {
        return load("select * from billing_review where id = ? for update", id);
    }

    @Override
    public void save(BillingReview r) {
        InvoiceOptions o = r.options();
        jdbc.update("""
                update billing_review set status = ?, period_from = ?, period_to = ?, payment_terms_days = ?, po_number = ?,
                    notes = ?, frame_order_id = ?, invoice_run_id = ?
                where id = ?""", r.status().name(), date(o.periodFrom()), date(o.periodTo()), o.paymentTermsDays(), o.poNumber(),
                o.notes(), o.frameOrderId(), r.invoiceRunId(), r.id());
        saveLines(r);
    }

    private void saveLines(BillingReview r) {
        jdbc.batchUpdate("""
                insert into review_line (review_id, entry_id, decision, write_off_reason) values (?, ?, ?, ?)
                on conflict (review_id, entry_id) do update set decision = excluded.decision, write_off_reason = excluded.write_off_reason
                where review_line.decision <> excluded.decision
                   or review_line.write_off_reason is distinct from excluded.write_off_reason""", r.lines(), 1_000, (ps, l) -> {
            ps.setObject(1, r.id());
            ps.setObject(2, l.entry().entryId());
            ps.setString(3, l.decision().name());
            ps.setString(4, l.writeOffReason());
        });
    }

    private Optional<BillingReview> load(String sql, UUID id) {
        return jdbc.query(sql, (rs, i) -> review(rs), id).stream().findFirst();
    }

    private BillingReview review(ResultSet rs) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        UUID customerId = rs.getObject("customer_id", UUID.class);
        BillingCustomer customer = pool.customer(customerId).orElseThrow();
        record Decided(UUID entryId, Decision decision, String reason) {
        }
        List<Decided> decided = jdbc.query("select entry_id, decision, write_off_reason from review_line where review_id = ?",
                (l, n) -> new Decided(l.getObject(1, UUID.class), Decision.valueOf(l.getString(2)), l.getString(3)), id);
        Map<UUID, UnbilledEntry> entries = pool.byIds(decided.stream().map(Decided::entryId).toList());
        List<ReviewLine> lines = decided.stream().filter(d -> entries.containsKey(d.entryId()))
                .map(d -> new ReviewLine(entries.get(d.entryId()), d.decision(), d.reason()))
                .sorted(java.util.Comparator.comparing((ReviewLine l) -> l.entry().date())
                        .thenComparing(l -> String.valueOf(l.entry().resourceName())).thenComparing(l -> l.entry().entryId()))
                .toList();
        InvoiceOptions options = new InvoiceOptions(localDate(rs.getDate("period_from")), localDate(rs.getDate("period_to")),
                rs.getInt("payment_terms_days"), rs.getString("po_number"), rs.getString("notes"),
                rs.getObject("frame_order_id", UUID.class));
        return BillingReview.restore(id, customer, lines, options, ReviewStatus.valueOf(rs.getString("status")),
                rs.getObject("invoice_run_id", UUID.class));
    }

    private static Date date(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }

    private static LocalDate localDate(Date d) {
        return d == null ? null : d.toLocalDate();
    }
}
