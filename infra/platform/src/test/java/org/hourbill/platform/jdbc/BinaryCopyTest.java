package org.hourbill.platform.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.hourbill.platform.RealDatabase;
import org.junit.jupiter.api.Test;
import org.postgresql.util.ByteConverter;
import org.springframework.jdbc.core.ConnectionCallback;

/** Numerics written by hand are the JDBC driver's bytes, and a real PostgreSQL reads back what was copied. */
class BinaryCopyTest {
    private static final int HEADER = 19;

    @Test
    void numerics_are_the_drivers_bytes() {
        List<BigDecimal> values = new ArrayList<>(List.of(new BigDecimal("0"), new BigDecimal("0.00"), new BigDecimal("-0.0000"),
                new BigDecimal("1"), new BigDecimal("-1"), new BigDecimal("7.5"), new BigDecimal("145.50"), new BigDecimal("1091.25"),
                new BigDecimal("10000"), new BigDecimal("100000000"), new BigDecimal("0.0001"), new BigDecimal("0.00000005"),
                new BigDecimal("9999999999.99"), new BigDecimal("-9999999999.99"), new BigDecimal("123456789012345"),
                new BigDecimal("0.123456789012345"), new BigDecimal("1E+3"), new BigDecimal("12345678901234567890.5"),
                new BigDecimal("1.000000000000000000001")));
        Random random = new Random(27);
        for (int i = 0; i < 20_000; i++) {
            values.add(new BigDecimal(BigInteger.valueOf(random.nextLong() % 1_000_000_000_000_000L).shiftRight(random.nextInt(60)),
                    random.nextInt(12)));
        }
        for (BigDecimal value : values) {
            byte[] ours = fieldOf(new BinaryCopy(1, 32).numeric(value));
            byte[] drivers = ByteConverter.numeric(value);
            assertThat(Arrays.copyOfRange(ours, 4, ours.length)).as(value.toPlainString()).isEqualTo(drivers);
            assertThat((BigDecimal) ByteConverter.numeric(ours, 4, ours.length - 4)).as(value.toPlainString()).isEqualByComparingTo(value);
        }
    }

    @Test
    void a_real_postgresql_reads_back_what_was_copied() {
        var jdbc = RealDatabase.migrated("platform_binary_copy").jdbc();
        jdbc.execute("create table if not exists copied (id uuid, day date, amount numeric(14, 4), note text)");
        List<BigDecimal> amounts = List.of(new BigDecimal("145.5000"), new BigDecimal("-0.0001"), new BigDecimal("0.0000"),
                new BigDecimal("9999999999.9999"), new BigDecimal("1091.2500"));
        BinaryCopy copy = new BinaryCopy(1, 8); // too small on purpose: the buffer grows
        List<UUID> ids = new ArrayList<>();
        for (BigDecimal amount : amounts) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            copy.row(4).uuid(id).date(LocalDate.of(2026, 12, 5)).numeric(amount).text(null);
        }
        long copied = jdbc.execute((ConnectionCallback<Long>) (Connection c) -> copy.copyInto(c, "copied", "id, day, amount, note"));

        assertThat(copied).isEqualTo(amounts.size());
        for (int i = 0; i < ids.size(); i++) {
            var row = jdbc.queryForMap("select day, amount, note from copied where id = ?", ids.get(i));
            assertThat(row.get("amount")).isEqualTo(amounts.get(i));
            assertThat(row.get("day")).isEqualTo(java.sql.Date.valueOf("2026-12-05"));
            assertThat(row.get("note")).isNull();
        }
    }

    private static byte[] fieldOf(BinaryCopy copy) {
        byte[] all = copy.written();
        return Arrays.copyOfRange(all, HEADER, all.length);
    }
}
