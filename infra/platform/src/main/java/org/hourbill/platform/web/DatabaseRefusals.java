package org.hourbill.platform.web;

import java.sql.SQLException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpStatus;

/**
 * What the database refused, said as a client's problem instead of a 500: two requests racing for the same
 * resource or the same unique key (409), and values the columns cannot take (400). Services check their business
 * rules first; this is the net under every request, so no input and no race ever answers 500. A database that cannot
 * be reached (down, restarting, connection lost) answers 503 with Retry-After: the one 5xx a service gives, which
 * the gateway asks again for every request that is safe to repeat.
 */
public final class DatabaseRefusals {
    /** Seconds a client waits before asking again while the database is away (a restart takes a few). */
    public static final int RETRY_AFTER_SECONDS = 2;
    private static final Pattern KEY = Pattern.compile("Key \\(([^)]*)\\)=");

    private DatabaseRefusals() {
    }

    public record Refusal(HttpStatus status, String type, String title, String detail, String field) {
    }

    public static Optional<Refusal> of(Throwable error) {
        if (databaseAway(error)) return Optional.of(databaseAway());
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockingFailureException || t instanceof PessimisticLockingFailureException) {
                return Optional.of(concurrentChange());
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return fromSqlState(serverSide(sql));
            }
        }
        return Optional.empty();
    }

    private static Optional<Refusal> fromSqlState(SQLException sql) {
        String state = sql.getSQLState();
        ServerErrorMessage server = sql instanceof PSQLException p ? p.getServerErrorMessage() : null;
        return switch (state) {
            case "40001", "40P01", "55P03" -> Optional.of(concurrentChange());
            case "23505" -> {
                String field = keyField(server);
                yield Optional.of(new Refusal(HttpStatus.CONFLICT, "duplicate", "Already exists",
                        field == null ? "Something with the same key already exists." : "Another record already has this " + field + ".", field));
            }
            case "23503" -> Optional.of(new Refusal(HttpStatus.CONFLICT, "conflicting-state", "Not allowed in the current state",
                    "The request refers to something that does not exist (any more), or something else still refers to this.",
                    server == null ? null : camel(server.getColumn())));
            case "23502", "23514" -> Optional.of(new Refusal(HttpStatus.BAD_REQUEST, "invalid-field", "Invalid request",
                    "A value is missing or outside what is allowed.", server == null ? null : camel(server.getColumn())));
            default -> state.startsWith("22")
                    ? Optional.of(new Refusal(HttpStatus.BAD_REQUEST, "invalid-field", "Invalid request",
                            "A value is too large, too long or not storable (" + dataProblem(state) + ").", server == null ? null : camel(server.getColumn())))
                    : Optional.empty();
        };
    }

    /**
     * The database cannot be reached: no connection to be had (Spring's resource failures, the pool's timeout), a
     * connection lost mid-request (SQL states 08xxx) or a server shutting down or starting (57P01-57P03).
     */
    public static boolean databaseAway(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof org.springframework.transaction.CannotCreateTransactionException
                    || t instanceof org.springframework.dao.DataAccessResourceFailureException
                    || t instanceof java.sql.SQLTransientConnectionException || t instanceof java.sql.SQLRecoverableException
                    || t instanceof java.sql.SQLNonTransientConnectionException) {
                return true;
            }
            // the rollback after a lost connection fails too, and hides what the request met behind its own error
            if (t instanceof org.springframework.transaction.TransactionSystemException failed && failed.getApplicationException() != null
                    && databaseAway(failed.getApplicationException())) {
                return true;
            }
            // HikariCP's answer on a connection it has closed as broken (no SQL state); JPA's failed rollback wraps it
            if (t instanceof SQLException sql && sql.getSQLState() == null && "Connection is closed".equals(sql.getMessage())) return true;
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")) return true;
            }
        }
        return false;
    }

    public static Refusal databaseAway() {
        return new Refusal(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable", "Temporarily unavailable",
                "The service's database cannot be reached at the moment. Send the request again in a few seconds;"
                        + " a POST is safe to send again under the same Idempotency-Key.", null);
    }

    /** A batch's exception wraps the server's own, which names the key and the column. */
    private static SQLException serverSide(SQLException sql) {
        for (Throwable t = sql; t != null; t = t instanceof SQLException s && s.getNextException() != null ? s.getNextException() : t.getCause()) {
            if (t instanceof PSQLException p && p.getServerErrorMessage() != null) return p;
        }
        return sql;
    }

    private static Refusal concurrentChange() {
        return new Refusal(HttpStatus.CONFLICT, "concurrent-change", "Changed at the same moment",
                "Someone else changed this at the same moment; reload it and try again.", null);
    }

    private static String dataProblem(String state) {
        return switch (state) {
            case "22003" -> "a number out of range";
            case "22001" -> "a text too long";
            case "22021", "22P05" -> "a character that cannot be stored";
            case "22008", "22007" -> "a date or time out of range";
            default -> "SQL state " + state;
        };
    }

    /** The last column of the unique key ("Key (customer_id, code)=(...) already exists") as a request field: code. */
    private static String keyField(ServerErrorMessage server) {
        if (server == null || server.getDetail() == null) return null;
        Matcher m = KEY.matcher(server.getDetail());
        if (!m.find()) return null;
        String[] columns = m.group(1).split(",\\s*");
        return camel(columns[columns.length - 1]);
    }

    private static String camel(String column) {
        if (column == null || column.isBlank()) return null;
        StringBuilder out = new StringBuilder();
        boolean up = false;
        for (char c : column.strip().toCharArray()) {
            if (c == '_') {
                up = true;
            } else {
                out.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return out.toString();
    }
}
