package org.hourbill.payment.adapter.out.persistence;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.hourbill.payment.domain.Receivable;
import org.hourbill.payment.domain.ReceivableStatus;
import org.hourbill.payment.domain.Receivables;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class JdbcReceivables implements Receivables {
    private final JdbcTemplate jdbc;

    JdbcReceivables(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void addIfAbsent(Receivable r) {
        jdbc.update("""
                insert into receivable (invoice_id, number, customer_id, currency, issue_date, due_date, total, amount_paid, status)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (invoice_id) do nothing""", r.invoiceId(), r.number(), r.customerId(),
                r.currency(), Date.valueOf(r.issueDate()), Date.valueOf(r.dueDate()), r.total(), r.amountPaid(), r.status().name());
    }

    @Override
    public Optional<Receivable> find(UUID invoiceId) {
        return jdbc.query("select * from receivable where invoice_id = ?", (rs, n) -> receivable(rs), invoiceId).stream().findFirst();
    }

    @Override
    public Optional<Receivable> lock(UUID invoiceId) {
        return jdbc.query("select * from receivable where invoice_id = ? for update", (rs, n) -> receivable(rs), invoiceId).stream()
                .findFirst();
    }

    @Override
    public void save(Receivable r) {
        jdbc.update("update receivable set amount_paid = ?, status = ?, paid_on = ? where invoice_id = ?", r.amountPaid(),
                r.status().name(), r.paidOn() == null ? null : Date.valueOf(r.paidOn()), r.invoiceId());
    }

    @Override
    public List<Receivable> open(UUID customerId) {
        return jdbc.query("""
                select * from receivable where status = 'OPEN' and (?::uuid is null or customer_id = ?)
                order by customer_id, due_date, number""", (rs, n) -> receivable(rs), customerId, customerId);
    }

    static Receivable receivable(ResultSet rs) throws SQLException {
        int minor = Currency.getInstance(rs.getString("currency")).getDefaultFractionDigits();
        Date paidOn = rs.getDate("paid_on");
        return new Receivable(rs.getObject("invoice_id", UUID.class), rs.getString("number"), rs.getObject("customer_id", UUID.class),
                rs.getString("currency"), rs.getDate("issue_date").toLocalDate(), rs.getDate("due_date").toLocalDate(),
                rs.getBigDecimal("total").setScale(minor), rs.getBigDecimal("amount_paid").setScale(minor),
                ReceivableStatus.valueOf(rs.getString("status")), paidOn == null ? null : paidOn.toLocalDate());
    }
}
