package org.hourbill.invoice.adapter.out.persistence;

import java.util.Optional;
import java.util.UUID;

import org.hourbill.invoice.domain.ElectronicAddress;
import org.hourbill.invoice.domain.ElectronicAddresses;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class JdbcElectronicAddresses implements ElectronicAddresses {
    private final JdbcTemplate jdbc;

    JdbcElectronicAddresses(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void save(ElectronicAddress a) {
        jdbc.update("""
                insert into buyer_electronic_address (customer_id, scheme, address) values (?, ?, ?)
                on conflict (customer_id) do update set scheme = excluded.scheme, address = excluded.address""",
                a.customerId(), a.scheme(), a.address());
    }

    @Override
    public Optional<ElectronicAddress> find(UUID customerId) {
        return jdbc.query("select * from buyer_electronic_address where customer_id = ?", (rs, n) -> new ElectronicAddress(customerId,
                rs.getString("scheme"), rs.getString("address")), customerId).stream().findFirst();
    }
}
