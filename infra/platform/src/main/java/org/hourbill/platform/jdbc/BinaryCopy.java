package org.hourbill.platform.jdbc;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.UUID;

import org.postgresql.PGConnection;
import org.postgresql.util.ByteConverter;

/**
 * Rows for PostgreSQL's {@code COPY ... FROM STDIN (FORMAT binary)}, written field by field in the table's column
 * order. Binary because PostgreSQL then parses nothing: in a measurement of 500-row batches into billing's pool, its
 * backend spent 15-17 us of CPU per row against 32-35 us for an insert over text arrays ({@code unnest}), 11-13 of
 * which only parsed the arrays. Numerics are encoded by the JDBC driver's own binary encoder.
 *
 * <p>COPY has no {@code on conflict}: a caller that may meet existing keys copies inside a savepoint and falls back
 * to an insert that skips them.
 */
public final class BinaryCopy {
    private static final long DAYS_FROM_1970_TO_2000 = LocalDate.of(2000, 1, 1).toEpochDay();
    private final ByteArrayOutputStream bytes;
    private final DataOutputStream out;
    private int rows;

    public BinaryCopy(int expectedRows, int bytesPerRow) {
        bytes = new ByteArrayOutputStream(19 + expectedRows * bytesPerRow);
        out = new DataOutputStream(bytes);
        write(() -> {
            out.writeBytes("PGCOPY\n");
            out.write(0xff);
            out.writeBytes("\r\n");
            out.write(0);
            out.writeInt(0); // flags: no OIDs
            out.writeInt(0); // no header extension
        });
    }

    public BinaryCopy row(int fields) {
        rows++;
        return write(() -> out.writeShort(fields));
    }

    public BinaryCopy uuid(UUID value) {
        if (value == null) return nullField();
        return write(() -> {
            out.writeInt(16);
            out.writeLong(value.getMostSignificantBits());
            out.writeLong(value.getLeastSignificantBits());
        });
    }

    /** text, varchar and char columns alike. */
    public BinaryCopy text(String value) {
        if (value == null) return nullField();
        return field(value.getBytes(StandardCharsets.UTF_8));
    }

    public BinaryCopy date(LocalDate value) {
        if (value == null) return nullField();
        return write(() -> {
            out.writeInt(4);
            out.writeInt(Math.toIntExact(value.toEpochDay() - DAYS_FROM_1970_TO_2000));
        });
    }

    public BinaryCopy numeric(BigDecimal value) {
        if (value == null) return nullField();
        return field(ByteConverter.numeric(value));
    }

    public int rows() {
        return rows;
    }

    /** Sends the rows into {@code table (columns)} on this connection (in its transaction); returns the rows copied. */
    public long copyInto(Connection connection, String table, String columns) throws SQLException {
        write(() -> out.writeShort(-1)); // trailer
        byte[] data = bytes.toByteArray();
        var copy = connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("copy " + table + " (" + columns + ") from stdin (format binary)");
        try {
            copy.writeToCopy(data, 0, data.length);
            return copy.endCopy();
        } finally {
            if (copy.isActive()) copy.cancelCopy();
        }
    }

    private BinaryCopy field(byte[] value) {
        return write(() -> {
            out.writeInt(value.length);
            out.write(value);
        });
    }

    private BinaryCopy nullField() {
        return write(() -> out.writeInt(-1));
    }

    private BinaryCopy write(IoStep step) {
        try {
            step.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        return this;
    }

    private interface IoStep {
        void run() throws IOException;
    }
}
