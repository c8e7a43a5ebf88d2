package org.hourbill.timesheet.adapter.out.persistence;

import java.util.List;
import java.util.UUID;

import org.hourbill.timesheet.domain.Consultant;
import org.hourbill.timesheet.domain.Consultants;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.repository.JpaRepository;

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
}
