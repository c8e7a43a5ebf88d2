package org.hourbill.timesheet.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Consultants (a persistence port). */
public interface Consultants {
    Optional<Consultant> findById(UUID id);

    /** As they are now, for reading only: changes to what this returns are not saved. */
    List<Consultant> readAll(Collection<UUID> ids);

    List<Consultant> findAllByOrderByName();

    Consultant add(Consultant consultant);
}
