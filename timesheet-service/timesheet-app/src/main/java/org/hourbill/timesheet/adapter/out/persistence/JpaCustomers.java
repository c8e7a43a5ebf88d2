package org.hourbill.timesheet.adapter.out.persistence;

import java.util.UUID;

import org.hourbill.timesheet.domain.Customer;
import org.hourbill.timesheet.domain.Customers;
import org.springframework.data.jpa.repository.JpaRepository;

interface JpaCustomers extends Customers, JpaRepository<Customer, UUID> {
    @Override
    default Customer add(Customer customer) {
        return save(customer);
    }
}
