package org.hourbill.timesheet.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Projects (a persistence port). */
public interface Projects {
    Optional<Project> findById(UUID id);

    /** As they are now, for reading only: changes to what this returns are not saved. */
    List<Project> readAll(Collection<UUID> ids);

    List<Project> findByCustomerIdIn(Collection<UUID> customerIds);

    List<Project> findAllByOrderByCode();

    boolean existsByCode(String code);

    Project add(Project project);
}
