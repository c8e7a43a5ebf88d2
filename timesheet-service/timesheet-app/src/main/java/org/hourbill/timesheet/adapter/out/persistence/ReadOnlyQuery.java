package org.hourbill.timesheet.adapter.out.persistence;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.hibernate.jpa.HibernateHints;
import org.springframework.data.jpa.repository.QueryHints;

import jakarta.persistence.QueryHint;

/**
 * A query whose entities are read only: not tracked for changes (nothing to check at a flush) and never flushing the
 * session before it runs. For the month-end approval's reference data, read over one array parameter.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@QueryHints({@QueryHint(name = HibernateHints.HINT_READ_ONLY, value = "true"),
        @QueryHint(name = HibernateHints.HINT_FLUSH_MODE, value = "COMMIT")})
@interface ReadOnlyQuery {
}
