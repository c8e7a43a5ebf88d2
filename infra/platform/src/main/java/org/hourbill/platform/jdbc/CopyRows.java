package org.hourbill.platform.jdbc;

import java.io.StringReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;

import org.postgresql.PGConnection;

/**
 * Rows for PostgreSQL's {@code COPY ... FROM STDIN} in its text format: the cheapest way in for many rows, as the
 * server parses no SQL and no array literals per row (measured with billing's pool rows, 500 per transaction:
 * 46,000-49,000 rows/s against 22,000-29,000 for one {@code insert ... select from unnest(arrays)}).
 * COPY has no {@code on conflict}: callers that may meet rows already there copy inside a savepoint and fall back.
 */
public final class CopyRows {
    private final StringBuilder text;
    private boolean firstColumn = true;
    private int rows;

    public CopyRows(int expectedRows) {
        text = new StringBuilder(Math.max(16, expectedRows) * 256);
    }

    /** The next column of the current row: null, a number written plainly, or any other value's text, escaped. */
    public CopyRows add(Object value) {
        if (!firstColumn) text.append('\t');
        firstColumn = false;
        switch (value) {
            case null -> text.append("\\N");
            case BigDecimal number -> text.append(number.toPlainString());
            case String s -> escape(s);
            default -> escape(value.toString());
        }
        return this;
    }

    public CopyRows endRow() {
        text.append('\n');
        firstColumn = true;
        rows++;
        return this;
    }

    public int rows() {
        return rows;
    }

    /** Runs {@code copySql} (a {@code copy table (columns) from stdin}) on the connection, in its transaction. */
    public long copyInto(Connection connection, String copySql) throws SQLException {
        try {
            return connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql, new StringReader(text.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text format's escapes: a backslash, and the delimiter and line ends that would otherwise split the data. */
    private void escape(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
    }
}
