package org.hourbill.timesheet.adapter.out.persistence;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.hourbill.timesheet.domain.Project;
import org.hourbill.timesheet.domain.Projects;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

/**
 * Queries are criteria (specifications), not derived query methods: Spring Data renders derived queries as JPQL text,
 * and parsing it loads Hibernate's HQL grammar (about 450 classes of metaspace) into a service that the month-end
 * close keeps under 300 MB of resident memory. The same holds for every repository of this package.
 */
interface JpaProjects extends Projects, JpaRepository<Project, UUID>, JpaSpecificationExecutor<Project> {
    @Override
    default Project add(Project project) {
        return save(project);
    }

    @Override
    default List<Project> findByCustomerIdIn(Collection<UUID> customerIds) {
        return findAll((project, query, where) -> project.get("customerId").in(customerIds));
    }

    @Override
    default List<Project> findAllByOrderByCode() {
        return findAll(Sort.by("code"));
    }

    @Override
    default boolean existsByCode(String code) {
        return exists((project, query, where) -> where.equal(project.get("code"), code));
    }

    @Override
    default List<Project> readAll(Collection<UUID> ids) {
        return readAll(ids.toArray(UUID[]::new));
    }

    /** One array parameter: one statement and one cached plan whatever the number of ids. */
    @Query(nativeQuery = true, value = "select * from project where id = any(:ids)")
    @ReadOnlyQuery
    List<Project> readAll(UUID[] ids);
}
