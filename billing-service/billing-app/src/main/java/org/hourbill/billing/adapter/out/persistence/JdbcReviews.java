package org.hourbill.billing.adapter.out.persistence;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.hourbill.billing.application.ProjectPlans;
import org.hourbill.billing.application.Reviews;
import org.hourbill.billing.application.UnbilledPool;
import org.hourbill.billing.domain.BillingCustomer;
import org.hourbill.billing.domain.UnbilledEntry;
import org.hourbill.billing.domain.plan.BillingDefaults;
import org.hourbill.billing.domain.plan.BillingProject;
import org.hourbill.billing.domain.review.BillLine;
import org.hourbill.billing.domain.review.BillingReview;
import org.hourbill.billing.domain.review.Decision;
import org.hourbill.billing.domain.review.InvoiceOptions;
import org.hourbill.billing.domain.review.LineKind;
import org.hourbill.billing.domain.review.ReviewLine;
import org.hourbill.billing.domain.review.ReviewStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class JdbcReviews implements Reviews {
    private final JdbcTemplate jdbc;
    private final UnbilledPool pool;
    private final ProjectPlans plans;

    JdbcReviews(JdbcTemplate jdbc, UnbilledPool pool, ProjectPlans plans) {
        this.jdbc = jdbc;
        this.pool = pool;
        this.plans = plans;
    }

    @Override
    public void add(BillingReview r) {
        jdbc.update("insert into billing_review (id, customer_id, project_id, status, payment_terms_days) values (?, ?, ?, ?, ?)",
                r.id(), r.customer().id(), r.project() == null ? null : r.project().id(), r.status().name(),
                r.options().paymentTermsDays());
        saveHeader(r);
        saveLines(r.id(), r.lines());
    }

    @Override
    public Optional<BillingReview> find(UUID id) {
        return load("select * from billing_review where id = ?", id);
    }

    @Override
    public Optional<ReviewStatus> statusOf(UUID reviewId) {
        return jdbc.queryForList("select status from billing_review where id = ?", String.class, reviewId).stream()
                .map(ReviewStatus::valueOf).findFirst();
    }

    @Override
    public Optional<UUID> customerOf(UUID reviewId) {
        return jdbc.queryForList("select customer_id from billing_review where id = ?", UUID.class, reviewId).stream().findFirst();
    }

    @Override
    public Optional<BillingReview> lock(UUID id) {
        return load("select * from billing_review where id = ? for update", id);
    }

    @Override
    public void save(BillingReview r) {
        saveHeader(r);
        saveLines(r.id(), r.changedLines());
        if (r.billLinesChanged()) saveBillLines(r);
    }

    @Override
    public void issued(UUID reviewId) {
        jdbc.update("update billing_review set status = ? where id = ? and status = ?", ReviewStatus.ISSUED.name(), reviewId,
                ReviewStatus.GENERATING.name());
    }

    private void saveBillLines(BillingReview r) {
        jdbc.update("delete from review_bill_line where review_id = ?", r.id());
        jdbc.batchUpdate("""
                insert into review_bill_line (review_id, position, kind, project_id, term_id, resource_id, resource_name, activity_type,
                    period_from, period_to, description, detail, quantity, unit, unit_price, amendment, catalog_item_id,
                    covered_entry_ids, capped_quantity)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", r.billLines(), 1_000, (ps, l) -> {
            ps.setObject(1, r.id());
            ps.setInt(2, l.position());
            ps.setString(3, l.kind().name());
            ps.setObject(4, l.projectId());
            ps.setObject(5, l.termId());
            ps.setObject(6, l.resourceId());
            ps.setString(7, l.resourceName());
            ps.setString(8, l.activityType());
            ps.setDate(9, date(l.from()));
            ps.setDate(10, date(l.to()));
            ps.setString(11, l.description());
            ps.setString(12, l.detail());
            ps.setBigDecimal(13, l.quantity());
            ps.setString(14, l.unit());
            ps.setBigDecimal(15, l.unitPrice());
            ps.setBoolean(16, l.amendment());
            ps.setObject(17, l.catalogItemId());
            ps.setArray(18, ps.getConnection().createArrayOf("uuid", l.coveredEntryIds().toArray()));
            ps.setBigDecimal(19, l.cappedQuantity());
        });
    }

    @Override
    public Optional<UUID> openReviewOf(UUID customerId, LocalDate from, LocalDate to) {
        return jdbc.queryForList("""
                select id from billing_review
                where customer_id = ? and status = 'OPEN' and project_id is null and period_from >= ? and period_to <= ?
                order by created_at desc limit 1""", UUID.class, customerId, date(from), date(to)).stream().findFirst();
    }

    /** Status, options and bill details: one statement, as the review's row changes together. */
    private void saveHeader(BillingReview r) {
        InvoiceOptions o = r.options();
        var c = o.billContact();
        var p = o.paymentRecipient();
        jdbc.update("""
                update billing_review set status = ?, period_from = ?, period_to = ?, payment_terms_days = ?, po_number = ?,
                    notes = ?, frame_order_id = ?, invoice_run_id = ?, bill_contact_name = ?, bill_contact_email = ?,
                    recipient_name = ?, recipient_iban = ?, recipient_bic = ?, recipient_bank = ?, responsible = ?, comments = ?,
                    order_amount = ?
                where id = ?""", r.status().name(), date(o.periodFrom()), date(o.periodTo()), o.paymentTermsDays(), o.poNumber(),
                o.notes(), o.frameOrderId(), r.invoiceRunId(), c == null ? null : c.name(), c == null ? null : c.email(),
                p == null ? null : p.name(), p == null ? null : p.iban(), p == null ? null : p.bic(), p == null ? null : p.bankName(),
                o.responsible(), o.comments(), o.orderAmount(), r.id());
    }

    private void saveLines(UUID reviewId, List<ReviewLine> lines) {
        if (lines.isEmpty()) return;
        jdbc.batchUpdate("""
                insert into review_line (review_id, entry_id, decision, write_off_reason, capped_hours, covered_by)
                values (?, ?, ?, ?, ?, ?)
                on conflict (review_id, entry_id) do update set decision = excluded.decision, write_off_reason = excluded.write_off_reason,
                    capped_hours = excluded.capped_hours, covered_by = excluded.covered_by
                where review_line.decision <> excluded.decision
                   or review_line.write_off_reason is distinct from excluded.write_off_reason
                   or review_line.capped_hours <> excluded.capped_hours
                   or review_line.covered_by is distinct from excluded.covered_by""", lines, 1_000, (ps, l) -> {
            ps.setObject(1, reviewId);
            ps.setObject(2, l.entry().entryId());
            ps.setString(3, l.decision().name());
            ps.setString(4, l.writeOffReason());
            ps.setBigDecimal(5, l.cappedHours());
            ps.setObject(6, l.coveredBy());
        });
    }

    private Optional<BillingReview> load(String sql, UUID id) {
        return jdbc.query(sql, (rs, i) -> review(rs), id).stream().findFirst();
    }

    private BillingReview review(ResultSet rs) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        UUID customerId = rs.getObject("customer_id", UUID.class);
        BillingCustomer customer = pool.customer(customerId).orElseThrow();
        record Decided(UUID entryId, Decision decision, String reason, BigDecimal capped, Integer coveredBy) {
        }
        List<Decided> decided = jdbc.query("""
                select entry_id, decision, write_off_reason, capped_hours, covered_by from review_line where review_id = ?""",
                (l, n) -> new Decided(l.getObject(1, UUID.class), Decision.valueOf(l.getString(2)), l.getString(3), l.getBigDecimal(4),
                        l.getObject(5, Integer.class)), id);
        Map<UUID, UnbilledEntry> entries = pool.byIds(decided.stream().map(Decided::entryId).toList());
        List<ReviewLine> lines = decided.stream().filter(d -> entries.containsKey(d.entryId()))
                .map(d -> new ReviewLine(entries.get(d.entryId()), d.decision(), d.reason(), d.capped(), d.coveredBy()))
                .sorted(java.util.Comparator.comparing((ReviewLine l) -> l.entry().date())
                        .thenComparing(l -> String.valueOf(l.entry().resourceName())).thenComparing(l -> l.entry().entryId()))
                .toList();
        String contact = rs.getString("bill_contact_name");
        String recipient = rs.getString("recipient_name");
        InvoiceOptions options = new InvoiceOptions(localDate(rs.getDate("period_from")), localDate(rs.getDate("period_to")),
                rs.getInt("payment_terms_days"), rs.getString("po_number"), rs.getString("notes"),
                rs.getObject("frame_order_id", UUID.class),
                contact == null ? null : new BillingDefaults.Contact(contact, rs.getString("bill_contact_email")),
                recipient == null ? null : new BillingDefaults.PaymentRecipient(recipient, rs.getString("recipient_iban"),
                        rs.getString("recipient_bic"), rs.getString("recipient_bank")),
                rs.getString("responsible"), rs.getString("comments"), rs.getBigDecimal("order_amount"));
        UUID projectId = rs.getObject("project_id", UUID.class);
        BillingProject project = projectId == null ? null : plans.project(projectId).orElseThrow();
        List<BillLine> billLines = jdbc.query("select * from review_bill_line where review_id = ? order by position", (l, n) ->
                new BillLine(l.getInt("position"), LineKind.valueOf(l.getString("kind")), l.getObject("project_id", UUID.class),
                        l.getObject("term_id", UUID.class), l.getObject("resource_id", UUID.class), l.getString("resource_name"),
                        l.getString("activity_type"), localDate(l.getDate("period_from")), localDate(l.getDate("period_to")),
                        l.getString("description"), l.getString("detail"), quantity(l.getBigDecimal("quantity")), l.getString("unit"),
                        quantity(l.getBigDecimal("unit_price")), l.getBoolean("amendment"), l.getObject("catalog_item_id", UUID.class),
                        List.of((UUID[]) l.getArray("covered_entry_ids").getArray()), quantity(l.getBigDecimal("capped_quantity"))), id);
        return BillingReview.restore(id, customer, project, lines, billLines, options, ReviewStatus.valueOf(rs.getString("status")),
                rs.getObject("invoice_run_id", UUID.class));
    }

    private static BigDecimal quantity(BigDecimal stored) {
        return stored.setScale(Math.max(2, stored.stripTrailingZeros().scale()));
    }

    private static Date date(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }

    private static LocalDate localDate(Date d) {
        return d == null ? null : d.toLocalDate();
    }
}
