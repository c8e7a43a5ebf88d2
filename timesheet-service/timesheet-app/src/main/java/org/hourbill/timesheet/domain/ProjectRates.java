package org.hourbill.timesheet.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Per project and role bill rates (a persistence port). */
public interface ProjectRates {
    List<ProjectRate> findByProjectIdIn(Collection<UUID> projectIds);

    Optional<ProjectRate> findByProjectIdAndRole(UUID projectId, String role);

    ProjectRate add(ProjectRate rate);
}
