package org.hourbill.timesheet.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The customers known to timesheets (a persistence port). */
public interface Customers {
    Optional<Customer> findById(UUID id);

    List<Customer> findAllByOrderByName();

    /** As they are now, for reading only: changes to what this returns are not saved. */
    List<Customer> readAll(Collection<UUID> ids);

    Customer add(Customer customer);
}
