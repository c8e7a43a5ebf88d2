package org.hourbill.timesheet.adapter.out.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.hourbill.platform.problem.ConflictingState;
import org.hourbill.timesheet.domain.Customer;
import org.hourbill.timesheet.domain.Customer.CustomerDetails;
import org.hourbill.timesheet.domain.Customers;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class JdbcCustomers implements Customers {
    private final JdbcTemplate jdbc;

    JdbcCustomers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Customer> findById(UUID id) {
        return jdbc.query("select * from customer where id = ?", JdbcCustomers::customer, id).stream().findFirst();
    }

    @Override
    public List<Customer> findAllByOrderByName() {
        return jdbc.query("select * from customer order by name, id", JdbcCustomers::customer);
    }

    @Override
    public List<Customer> findAllById(Iterable<UUID> ids) {
        return jdbc.query("select * from customer where id = any(?)", JdbcCustomers::customer, (Object) Ids.array(ids));
    }

    @Override
    public Customer add(Customer c) {
        jdbc.update("""
                insert into customer (id, name, address, tax_id, tax_rate, currency, payment_terms_days, version)
                values (?, ?, ?, ?, ?, ?, ?, 0)""", c.id(), c.name(), c.address(), c.taxId(), c.taxRate(), c.currency(),
                c.paymentTermsDays());
        return c;
    }

    @Override
    public void save(Customer c) {
        int updated = jdbc.update("""
                update customer set name = ?, address = ?, tax_id = ?, tax_rate = ?, currency = ?, payment_terms_days = ?,
                    version = version + 1
                where id = ? and version = ?""", c.name(), c.address(), c.taxId(), c.taxRate(), c.currency(),
                c.paymentTermsDays(), c.id(), c.version());
        if (updated != 1) throw new ConflictingState("customer " + c.name() + " was changed meanwhile; reload and try again");
    }

    private static Customer customer(ResultSet rs, int row) throws SQLException {
        return Customer.restore(rs.getObject("id", UUID.class), new CustomerDetails(rs.getString("name"),
                rs.getString("address"), rs.getString("tax_id"), rs.getBigDecimal("tax_rate"), rs.getString("currency"),
                rs.getInt("payment_terms_days")), rs.getLong("version"));
    }
}
