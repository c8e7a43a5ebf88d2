package org.hourbill.timesheet.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Per project and role bill rates (a persistence port). */
public interface ProjectRates {
    /** The rates of these projects as they are now, for reading only: changes to what this returns are not saved. */
    List<ProjectRate> readByProjectIds(Collection<UUID> projectIds);

    Optional<ProjectRate> findByProjectIdAndRole(UUID projectId, String role);

    ProjectRate add(ProjectRate rate);
}
