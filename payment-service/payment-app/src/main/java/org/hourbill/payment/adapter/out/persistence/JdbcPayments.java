package org.hourbill.payment.adapter.out.persistence;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.hourbill.payment.domain.Payment;
import org.hourbill.payment.domain.PaymentMode;
import org.hourbill.payment.domain.Payments;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class JdbcPayments implements Payments {
    private static final String SELECT = "select p.*, r.number from payment p join receivable r on r.invoice_id = p.invoice_id";
    private final JdbcTemplate jdbc;

    JdbcPayments(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(Payment p) {
        jdbc.update("""
                insert into payment (id, invoice_id, customer_id, paid_on, mode, currency, amount, fee, applied, excess, reference)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", p.id(), p.invoiceId(), p.customerId(), Date.valueOf(p.paidOn()),
                p.mode().name(), p.currency(), p.amount(), p.fee(), p.appliedToInvoice(), p.excessToCredit(), p.reference());
    }

    @Override
    public Optional<Payment> find(UUID id) {
        return jdbc.query(SELECT + " where p.id = ?", (rs, n) -> payment(rs), id).stream().findFirst();
    }

    @Override
    public Optional<Payment> lock(UUID id) {
        return jdbc.query(SELECT + " where p.id = ? for update of p", (rs, n) -> payment(rs), id).stream().findFirst();
    }

    @Override
    public void save(Payment p) {
        jdbc.update("update payment set reversed = ?, reversed_on = ?, reversal_reason = ? where id = ?", p.reversed(),
                p.reversedOn() == null ? null : Date.valueOf(p.reversedOn()), p.reversalReason(), p.id());
    }

    @Override
    public List<Payment> forInvoice(UUID invoiceId) {
        return jdbc.query(SELECT + " where p.invoice_id = ? order by p.paid_on, p.recorded_at", (rs, n) -> payment(rs), invoiceId);
    }

    @Override
    public List<Payment> forCustomer(UUID customerId) {
        return jdbc.query(SELECT + " where p.customer_id = ? order by p.paid_on, p.recorded_at", (rs, n) -> payment(rs), customerId);
    }

    private static Payment payment(ResultSet rs) throws SQLException {
        int minor = Currency.getInstance(rs.getString("currency")).getDefaultFractionDigits();
        Date reversedOn = rs.getDate("reversed_on");
        return new Payment(rs.getObject("id", UUID.class), rs.getObject("invoice_id", UUID.class), rs.getString("number"),
                rs.getObject("customer_id", UUID.class), rs.getDate("paid_on").toLocalDate(), PaymentMode.valueOf(rs.getString("mode")),
                rs.getString("currency"), rs.getBigDecimal("amount").setScale(minor), rs.getBigDecimal("fee").setScale(minor),
                rs.getBigDecimal("applied").setScale(minor), rs.getBigDecimal("excess").setScale(minor), rs.getString("reference"),
                rs.getBoolean("reversed"), reversedOn == null ? null : reversedOn.toLocalDate(), rs.getString("reversal_reason"));
    }
}
