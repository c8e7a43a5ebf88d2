package org.hourbill.platform.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.deser.bean.BeanDeserializerBase;
import tools.jackson.databind.json.JsonMapper;

/** The plain form read by hand gives what Jackson gives, and everything else is Jackson's own. */
class IsoDatesTest {
    private final JsonMapper withModule = JsonMapper.builder().addModule(IsoDates.module()).build();
    private final JsonMapper plainJackson = JsonMapper.builder().build();

    @Test
    void every_day_of_four_years_reads_as_jackson_reads_it() {
        for (LocalDate day = LocalDate.of(2023, 1, 1); day.isBefore(LocalDate.of(2027, 1, 1)); day = day.plusDays(1)) {
            String json = '"' + day.toString() + '"';
            assertThat(withModule.readValue(json, LocalDate.class)).isEqualTo(day).isEqualTo(plainJackson.readValue(json, LocalDate.class));
        }
    }

    @Test
    void the_plain_form_only() {
        assertThat(IsoDates.plain("2024-02-29")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(IsoDates.plain("0001-01-01")).isEqualTo(LocalDate.of(1, 1, 1));
        for (String notPlain : List.of("2023-02-29", "2026-13-01", "2026-00-10", "2026-12-32", "2026-1-05", "2026/12/05", "20261205",
                " 2026-12-05", "+2026-12-05", "2026-12-0x", "２０２６-12-05", "")) {
            assertThat(IsoDates.plain(notPlain)).as(notPlain).isNull();
        }
    }

    @Test
    void what_is_not_plain_is_accepted_or_refused_as_jackson_does() {
        for (String json : List.of("\" 2026-12-05 \"", "\"2026-12-05T10:15:30\"", "[2026,12,5]", "\"+12026-01-01\"")) {
            assertThat(withModule.readValue(json, LocalDate.class)).as(json).isEqualTo(plainJackson.readValue(json, LocalDate.class));
        }
        for (String json : List.of("\"2026-02-30\"", "\"2026-13-01\"", "\"5.12.2026\"", "\"2026-12-0x\"")) {
            Throwable ours = catchThrowable(() -> withModule.readValue(json, LocalDate.class));
            Throwable theirs = catchThrowable(() -> plainJackson.readValue(json, LocalDate.class));
            assertThat(ours).as(json).isNotNull().hasSameClassAs(theirs);
            assertThat(ours.getMessage()).isEqualTo(theirs.getMessage());
        }
    }

    record Entry(LocalDate workDate) {
    }

    @Test
    void a_record_field_reads_through_the_module() {
        assertThat(withModule.readValue("{\"workDate\":\"2026-12-05\"}", Entry.class).workDate()).isEqualTo(LocalDate.of(2026, 12, 5));
        assertThat(Probe.dateDeserializerOf(withModule)).isInstanceOf(IsoDates.PlainDateFirst.class);
        assertThat(Probe.dateDeserializerOf(JsonMapper.builder().addModule(IsoDates.module()).defaultLeniency(false).build()))
                .isInstanceOf(IsoDates.PlainDateFirst.class);
        assertThat(Probe.dateDeserializerOf(plainJackson)).isNotInstanceOf(IsoDates.PlainDateFirst.class);
    }

    /** The deserializer Jackson contextualized for a record's date property. */
    static final class Probe extends JsonMapper {
        private Probe(JsonMapper mapper) {
            super(mapper.rebuild());
        }

        static Object dateDeserializerOf(JsonMapper mapper) {
            Probe probe = new Probe(mapper);
            var context = probe._deserializationContext(probe.createParser("{}"));
            var entry = (BeanDeserializerBase) context.findRootValueDeserializer(probe.constructType(Entry.class));
            return entry.findProperty(tools.jackson.databind.PropertyName.construct("workDate")).getValueDeserializer();
        }
    }
}
