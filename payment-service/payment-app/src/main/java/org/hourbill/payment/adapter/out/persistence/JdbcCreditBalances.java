package org.hourbill.payment.adapter.out.persistence;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import org.hourbill.payment.domain.CreditBalance;
import org.hourbill.payment.domain.CreditBalances;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class JdbcCreditBalances implements CreditBalances {
    private final JdbcTemplate jdbc;

    JdbcCreditBalances(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public CreditBalance lock(UUID customerId, String currency) {
        // The row is created at zero first, so that there is always a row to lock.
        jdbc.update("insert into credit_balance (customer_id, currency, amount) values (?, ?, 0) on conflict do nothing", customerId,
                currency);
        BigDecimal amount = jdbc.queryForObject("select amount from credit_balance where customer_id = ? and currency = ? for update",
                BigDecimal.class, customerId, currency);
        return new CreditBalance(customerId, currency, amount.setScale(minor(currency)));
    }

    @Override
    public void save(CreditBalance b) {
        jdbc.update("update credit_balance set amount = ? where customer_id = ? and currency = ?", b.amount(), b.customerId(),
                b.currency());
    }

    @Override
    public List<CreditBalance> of(UUID customerId) {
        return jdbc.query("select * from credit_balance where customer_id = ? order by currency", (rs, n) -> new CreditBalance(
                customerId, rs.getString("currency"), rs.getBigDecimal("amount").setScale(minor(rs.getString("currency")))),
                customerId);
    }

    private static int minor(String currency) {
        return Currency.getInstance(currency).getDefaultFractionDigits();
    }
}
