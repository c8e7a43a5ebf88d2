package org.hourbill.timesheet.adapter.out.persistence;

import java.util.UUID;

import org.hourbill.timesheet.domain.ProjectRate;
import org.hourbill.timesheet.domain.ProjectRates;
import org.springframework.data.jpa.repository.JpaRepository;

interface JpaProjectRates extends ProjectRates, JpaRepository<ProjectRate, UUID> {
    @Override
    default ProjectRate add(ProjectRate rate) {
        return save(rate);
    }
}
