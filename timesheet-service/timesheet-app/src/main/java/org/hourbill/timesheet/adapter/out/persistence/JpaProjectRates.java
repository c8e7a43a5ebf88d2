package org.hourbill.timesheet.adapter.out.persistence;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.hourbill.timesheet.domain.ProjectRate;
import org.hourbill.timesheet.domain.ProjectRates;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

/** No derived query methods (see {@link JpaProjects}). */
interface JpaProjectRates extends ProjectRates, JpaRepository<ProjectRate, UUID>, JpaSpecificationExecutor<ProjectRate> {
    @Override
    default ProjectRate add(ProjectRate rate) {
        return save(rate);
    }

    @Override
    default Optional<ProjectRate> findByProjectIdAndRole(UUID projectId, String role) {
        return findOne((rate, query, where) -> where.and(where.equal(rate.get("projectId"), projectId),
                where.equal(rate.get("role"), role)));
    }

    @Override
    default List<ProjectRate> readByProjectIds(Collection<UUID> projectIds) {
        return readByProjectIds(projectIds.toArray(UUID[]::new));
    }

    /** One array parameter: one statement and one cached plan whatever the number of ids. */
    @Query(nativeQuery = true, value = "select * from project_rate where project_id = any(:projectIds)")
    @ReadOnlyQuery
    List<ProjectRate> readByProjectIds(UUID[] projectIds);
}
