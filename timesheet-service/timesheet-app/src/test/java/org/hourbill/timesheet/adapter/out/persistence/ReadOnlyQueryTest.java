package org.hourbill.timesheet.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.hibernate.jpa.HibernateHints;
import org.junit.jupiter.api.Test;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.data.jpa.repository.QueryHints;

/** Spring Data finds the hints of {@link ReadOnlyQuery} the way it reads them (merged annotations) on every read. */
class ReadOnlyQueryTest {
    @Test
    void the_approvals_reference_reads_are_read_only_and_do_not_flush() throws Exception {
        for (Method read : new Method[] { JpaConsultants.class.getMethod("readAll", UUID[].class),
                JpaCustomers.class.getMethod("readAll", UUID[].class), JpaProjects.class.getMethod("readAll", UUID[].class),
                JpaProjectRates.class.getMethod("readByProjectIds", UUID[].class) }) {
            QueryHints hints = AnnotatedElementUtils.findMergedAnnotation(read, QueryHints.class);
            assertThat(hints).as(read.toString()).isNotNull();
            Map<String, String> byName = Arrays.stream(hints.value()).collect(Collectors.toMap(h -> h.name(), h -> h.value()));
            assertThat(byName).as(read.toString()).containsEntry(HibernateHints.HINT_READ_ONLY, "true")
                    .containsEntry(HibernateHints.HINT_FLUSH_MODE, "COMMIT");
        }
    }
}
