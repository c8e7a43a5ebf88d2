package org.hourbill.timesheet.adapter.out.persistence;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.hourbill.timesheet.domain.Customer;
import org.hourbill.timesheet.domain.Customers;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** No derived query methods (see {@link JpaProjects}). */
interface JpaCustomers extends Customers, JpaRepository<Customer, UUID> {
    @Override
    default Customer add(Customer customer) {
        return save(customer);
    }

    @Override
    default List<Customer> findAllByOrderByName() {
        return findAll(Sort.by("name"));
    }

    @Override
    default List<Customer> readAll(Collection<UUID> ids) {
        return readAll(ids.toArray(UUID[]::new));
    }

    /** One array parameter: one statement and one cached plan whatever the number of ids. */
    @Query(nativeQuery = true, value = "select * from customer where id = any(:ids)")
    @ReadOnlyQuery
    List<Customer> readAll(UUID[] ids);
}
