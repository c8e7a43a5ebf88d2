package org.hourbill.timesheet.adapter.out.persistence;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.hibernate.jpa.HibernateHints;
import org.hourbill.timesheet.domain.Consultant;
import org.hourbill.timesheet.domain.Consultants;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;

import jakarta.persistence.QueryHint;

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

    /** One array parameter: one statement and one cached plan whatever the number of ids; read-only, never flushed. */
    @Query(nativeQuery = true, value = "select * from resource where id = any(:ids)")
    @QueryHints({@QueryHint(name = HibernateHints.HINT_READ_ONLY, value = "true"),
            @QueryHint(name = HibernateHints.HINT_FLUSH_MODE, value = "COMMIT")})
    List<Consultant> readAll(UUID[] ids);
}
