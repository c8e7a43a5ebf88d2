package org.hourbill.timesheet.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Consultants (a persistence port). */
public interface Consultants {
    Optional<Consultant> findById(UUID id);

    List<Consultant> findAllById(Iterable<UUID> ids);

    List<Consultant> findAllByOrderByName();

    Consultant add(Consultant consultant);
}
