package org.hourbill.timesheet.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The customers known to timesheets (a persistence port). */
public interface Customers {
    Optional<Customer> findById(UUID id);

    List<Customer> findAllByOrderByName();

    List<Customer> findAllById(Iterable<UUID> ids);

    Customer add(Customer customer);
}
