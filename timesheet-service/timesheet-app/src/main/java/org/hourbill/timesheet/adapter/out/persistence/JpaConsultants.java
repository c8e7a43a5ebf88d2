package org.hourbill.timesheet.adapter.out.persistence;

import java.util.UUID;

import org.hourbill.timesheet.domain.Consultant;
import org.hourbill.timesheet.domain.Consultants;
import org.springframework.data.jpa.repository.JpaRepository;

interface JpaConsultants extends Consultants, JpaRepository<Consultant, UUID> {
    @Override
    default Consultant add(Consultant consultant) {
        return save(consultant);
    }
}
