package org.hourbill.timesheet.adapter.out.persistence;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.hourbill.timesheet.domain.ProjectRate;
import org.hourbill.timesheet.domain.ProjectRates;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

/** No derived query methods (see {@link JpaProjects}). */
interface JpaProjectRates extends ProjectRates, JpaRepository<ProjectRate, UUID>, JpaSpecificationExecutor<ProjectRate> {
    @Override
    default ProjectRate add(ProjectRate rate) {
        return save(rate);
    }

    @Override
    default List<ProjectRate> findByProjectIdIn(Collection<UUID> projectIds) {
        return findAll((rate, query, where) -> rate.get("projectId").in(projectIds));
    }

    @Override
    default Optional<ProjectRate> findByProjectIdAndRole(UUID projectId, String role) {
        return findOne((rate, query, where) -> where.and(where.equal(rate.get("projectId"), projectId),
                where.equal(rate.get("role"), role)));
    }
}
