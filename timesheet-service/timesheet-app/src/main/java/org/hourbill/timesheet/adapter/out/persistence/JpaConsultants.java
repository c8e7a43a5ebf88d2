package org.hourbill.timesheet.adapter.out.persistence;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.hourbill.timesheet.domain.Consultant;
import org.hourbill.timesheet.domain.Consultants;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** No derived query methods (see {@link JpaProjects}). */
interface JpaConsultants extends Consultants, JpaRepository<Consultant, UUID> {
    @Override
    default Consultant add(Consultant consultant) {
        return save(consultant);
    }

    @Override
    default List<Consultant> findAllByOrderByName() {
        return findAll(Sort.by("name"));
    }

    @Override
    default List<Consultant> readAll(Collection<UUID> ids) {
        return readAll(ids.toArray(UUID[]::new));
    }

    /** One array parameter: one statement and one cached plan whatever the number of ids. */
    @Query(nativeQuery = true, value = "select * from resource where id = any(:ids)")
    @ReadOnlyQuery
    List<Consultant> readAll(UUID[] ids);
}
