package org.hourbill.billing.adapter.out.persistence;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.hourbill.billing.application.ProjectPlans;
import org.hourbill.billing.domain.plan.ActivityPrice;
import org.hourbill.billing.domain.plan.BillingProject;
import org.hourbill.billing.domain.plan.BillingType;
import org.hourbill.billing.domain.plan.ProjectElement;
import org.hourbill.billing.domain.plan.Term;
import org.hourbill.money.Money;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class JdbcProjectPlans implements ProjectPlans {
    private final JdbcTemplate jdbc;

    JdbcProjectPlans(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<BillingProject> project(UUID projectId) {
        return jdbc.query(PROJECT + " where p.id = ?", (rs, n) -> project(rs), projectId).stream().findFirst();
    }

    @Override
    public Optional<BillingProject> lockProject(UUID projectId) {
        return jdbc.query(PROJECT + " where p.id = ? for update of p", (rs, n) -> project(rs), projectId).stream().findFirst();
    }

    @Override
    public void saveAmounts(UUID projectId, BigDecimal orderAmount, BigDecimal validatedWorkAmount) {
        jdbc.update("update billing_project set order_amount = ?, validated_work_amount = ? where id = ?", orderAmount,
                validatedWorkAmount, projectId);
    }

    @Override
    public void addElement(ProjectElement e) {
        jdbc.update("""
                insert into project_element (id, project_id, kind, name, validated_amount, planned_amount, end_date)
                values (?, ?, ?, ?, ?, ?, ?)""", e.id(), e.projectId(), e.kind().name(), e.name(), e.validatedAmount(),
                e.plannedAmount(), e.endDate() == null ? null : Date.valueOf(e.endDate()));
    }

    @Override
    public List<ProjectElement> elements(UUID projectId) {
        return jdbc.query("""
                select e.*, c.currency from project_element e join billing_project p on p.id = e.project_id
                left join billing_customer c on c.id = p.customer_id
                where e.project_id = ? order by e.end_date nulls last, e.name""", (rs, n) ->
                new ProjectElement(rs.getObject("id", UUID.class), projectId, ProjectElement.Kind.valueOf(rs.getString("kind")),
                        rs.getString("name"), amount(rs, "validated_amount"), amount(rs, "planned_amount"),
                        rs.getDate("end_date") == null ? null : rs.getDate("end_date").toLocalDate()), projectId);
    }

    @Override
    public void addTerm(Term t) {
        jdbc.update("insert into project_term (id, project_id, name, amount, term_date, state) values (?, ?, ?, ?, ?, ?)", t.id(),
                t.projectId(), t.name(), t.amount(), Date.valueOf(t.date()), t.state().name());
        for (UUID element : t.triggerElementIds()) {
            jdbc.update("insert into term_trigger (term_id, element_id) values (?, ?)", t.id(), element);
        }
    }

    @Override
    public boolean saveOpenTerm(Term t) {
        int saved = jdbc.update("update project_term set name = ?, amount = ?, term_date = ?, state = ? where id = ? and state = 'OPEN'",
                t.name(), t.amount(), Date.valueOf(t.date()), t.state().name(), t.id());
        if (saved == 0) return false;
        jdbc.update("delete from term_trigger where term_id = ?", t.id());
        for (UUID element : t.triggerElementIds()) {
            jdbc.update("insert into term_trigger (term_id, element_id) values (?, ?)", t.id(), element);
        }
        return true;
    }

    @Override
    public List<Term> terms(UUID projectId) {
        return jdbc.query(TERM + " where t.project_id = ? order by t.term_date, t.created_at", (rs, n) -> term(rs),
                projectId);
    }

    @Override
    public Optional<Term> term(UUID termId) {
        return jdbc.query(TERM + " where t.id = ?", (rs, n) -> term(rs), termId).stream().findFirst();
    }

    @Override
    public int reserveTerms(UUID runId, Collection<UUID> termIds) {
        if (termIds.isEmpty()) return 0;
        return jdbc.update("update project_term set state = 'RESERVED', reserved_by = ? where id = any(?) and state = 'OPEN'", runId,
                termIds.toArray(UUID[]::new));
    }

    @Override
    public void releaseTerms(UUID runId) {
        jdbc.update("update project_term set state = 'OPEN', reserved_by = null where reserved_by = ? and state = 'RESERVED'", runId);
    }

    @Override
    public void settleTerms(UUID runId, String invoiceNumber) {
        jdbc.update("update project_term set state = 'BILLED', invoice_number = ? where reserved_by = ? and state = 'RESERVED'",
                invoiceNumber, runId);
    }

    @Override
    public int voidTerms(String invoiceNumber, boolean writeOff) {
        return writeOff
                ? jdbc.update("update project_term set state = 'WRITTEN_OFF' where invoice_number = ? and state = 'BILLED'", invoiceNumber)
                : jdbc.update("""
                        update project_term set state = 'OPEN', invoice_number = null, reserved_by = null
                        where invoice_number = ? and state = 'BILLED'""", invoiceNumber);
    }

    @Override
    public void savePrice(ActivityPrice p) {
        jdbc.update("""
                insert into activity_price (project_id, activity_type, daily_price) values (?, ?, ?)
                on conflict (project_id, activity_type) do update set daily_price = excluded.daily_price""", p.projectId(),
                p.activityType(), p.dailyPrice());
    }

    @Override
    public Optional<ActivityPrice> price(UUID projectId, String activityType) {
        return jdbc.query("select * from activity_price where project_id = ? and activity_type = ?", (rs, n) -> price(rs), projectId,
                activityType).stream().findFirst();
    }

    @Override
    public List<ActivityPrice> prices(UUID projectId) {
        return jdbc.query("select * from activity_price where project_id = ? order by activity_type", (rs, n) -> price(rs), projectId);
    }

    @Override
    public BigDecimal capUsed(UUID projectId) {
        return jdbc.queryForObject("select coalesce(sum(amount), 0) from cap_use where project_id = ? and state in ('RESERVED', 'BILLED')",
                BigDecimal.class, projectId);
    }

    @Override
    public void useCap(UUID runId, UUID projectId, BigDecimal amount) {
        jdbc.update("insert into cap_use (invoice_run_id, project_id, amount, state) values (?, ?, ?, 'RESERVED')", runId, projectId,
                amount);
    }

    @Override
    public void releaseCap(UUID runId) {
        jdbc.update("delete from cap_use where invoice_run_id = ? and state = 'RESERVED'", runId);
    }

    @Override
    public void settleCap(UUID runId, String invoiceNumber) {
        jdbc.update("update cap_use set state = 'BILLED', invoice_number = ? where invoice_run_id = ? and state = 'RESERVED'",
                invoiceNumber, runId);
    }

    @Override
    public void voidCap(String invoiceNumber) {
        jdbc.update("update cap_use set state = 'VOIDED' where invoice_number = ? and state = 'BILLED'", invoiceNumber);
    }

    private static BillingProject project(ResultSet rs) throws SQLException {
        return new BillingProject(rs.getObject("id", UUID.class), rs.getObject("customer_id", UUID.class), rs.getString("code"),
                rs.getString("name"), BillingType.of(rs.getString("billing_type")), amount(rs, "order_amount"),
                amount(rs, "validated_work_amount"));
    }

    private Term term(ResultSet rs) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        List<UUID> triggers = jdbc.queryForList("select element_id from term_trigger where term_id = ?", UUID.class, id);
        return new Term(id, rs.getObject("project_id", UUID.class), rs.getString("name"), amount(rs, "amount"),
                rs.getDate("term_date").toLocalDate(), Term.TermState.valueOf(rs.getString("state")), rs.getString("invoice_number"),
                triggers);
    }

    private static ActivityPrice price(ResultSet rs) throws SQLException {
        BigDecimal price = rs.getBigDecimal("daily_price").stripTrailingZeros();
        return new ActivityPrice(rs.getObject("project_id", UUID.class), rs.getString("activity_type"), price.setScale(Math.max(2, price.scale())));
    }

    /** Amounts with their currency's decimals, as people entered them (the columns keep three). */
    private static BigDecimal amount(ResultSet rs, String column) throws SQLException {
        return Money.shown(rs.getBigDecimal(column), rs.getString("currency"));
    }

    private static final String PROJECT = "select p.*, c.currency from billing_project p left join billing_customer c on c.id = p.customer_id";
    private static final String TERM = """
            select t.*, c.currency from project_term t join billing_project p on p.id = t.project_id
            left join billing_customer c on c.id = p.customer_id""";
}
