package org.hourbill.timesheet.adapter.out.persistence;

import java.util.UUID;

import org.hourbill.timesheet.domain.Project;
import org.hourbill.timesheet.domain.Projects;
import org.springframework.data.jpa.repository.JpaRepository;

interface JpaProjects extends Projects, JpaRepository<Project, UUID> {
    @Override
    default Project add(Project project) {
        return save(project);
    }
}
