package org.hourbill.timesheet.adapter.out.persistence;

import java.util.List;
import java.util.UUID;

import org.hourbill.timesheet.domain.Customer;
import org.hourbill.timesheet.domain.Customers;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.repository.JpaRepository;

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
}
