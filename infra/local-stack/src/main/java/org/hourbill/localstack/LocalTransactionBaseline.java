package org.hourbill.localstack;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The yardstick of the billing run: the same database work as issuing one invoice, done as ONE local transaction per
 * invoice by {@code threads} threads on the same (durable) PostgreSQL, with no broker, no saga and no service in
 * between. Per invoice: the customer's unbilled entries locked, its frame order drawn down with the guard that it is
 * never overdrawn, the number taken from the counter row (gapless: it rolls back with the invoice), the invoice and its
 * lines inserted, the entries marked billed.
 */
final class LocalTransactionBaseline {
    private static final BigDecimal RATE = new BigDecimal("95.50");
    private static final BigDecimal TAX_RATE = new BigDecimal("19");

    record Result(int invoices, long entries, double seconds) {
        double invoicesPerSecond() {
            return invoices / seconds;
        }
    }

    private LocalTransactionBaseline() {
    }

    static Result run(String jdbcUrl, int customers, int entriesPerCustomer, int threads) throws Exception {
        List<UUID> customerIds = seed(jdbcUrl, customers, entriesPerCustomer);
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<Integer>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    int issued = 0;
                    try (Connection c = DriverManager.getConnection(jdbcUrl, LocalPostgres.USER, LocalPostgres.PASSWORD)) {
                        c.setAutoCommit(false);
                        for (int i = next.getAndIncrement(); i < customerIds.size(); i = next.getAndIncrement()) {
                            issue(c, customerIds.get(i));
                            c.commit();
                            issued++;
                        }
                    }
                    return issued;
                }));
            }
            int issued = 0;
            for (Future<Integer> w : workers) issued += w.get();
            double seconds = (System.nanoTime() - start) / 1e9;
            try (Connection c = DriverManager.getConnection(jdbcUrl, LocalPostgres.USER, LocalPostgres.PASSWORD)) {
                long billed = BenchmarkStack.count(c, "select count(*) from entry where state = 'BILLED'");
                long numbers = BenchmarkStack.count(c, "select count(distinct number) from invoice");
                if (billed != (long) issued * entriesPerCustomer || numbers != issued
                        || BenchmarkStack.count(c, "select count(*) from frame_order where billed_hours > total_hours") != 0) {
                    throw new IllegalStateException("the baseline broke an invariant: " + billed + " entries, " + numbers + " numbers");
                }
            }
            return new Result(issued, (long) issued * entriesPerCustomer, seconds);
        }
    }

    private static void issue(Connection c, UUID customer) throws Exception {
        List<UUID> entries = new ArrayList<>();
        List<BigDecimal> hours = new ArrayList<>();
        BigDecimal totalHours = BigDecimal.ZERO;
        try (PreparedStatement lock = c.prepareStatement(
                "select id, hours from entry where customer_id = ? and state = 'UNBILLED' order by id for update")) {
            lock.setObject(1, customer);
            try (ResultSet rs = lock.executeQuery()) {
                while (rs.next()) {
                    entries.add(rs.getObject(1, UUID.class));
                    hours.add(rs.getBigDecimal(2));
                    totalHours = totalHours.add(rs.getBigDecimal(2));
                }
            }
        }
        try (PreparedStatement draw = c.prepareStatement("""
                update frame_order set billed_hours = billed_hours + ? where customer_id = ? and billed_hours + ? <= total_hours""")) {
            draw.setBigDecimal(1, totalHours);
            draw.setObject(2, customer);
            draw.setBigDecimal(3, totalHours);
            if (draw.executeUpdate() != 1) throw new IllegalStateException("frame order too small");
        }
        long number;
        try (PreparedStatement counter = c.prepareStatement(
                "update invoice_counter set next_value = next_value + 1 where series = 'INV' and year = 2026 returning next_value - 1")) {
            try (ResultSet rs = counter.executeQuery()) {
                rs.next();
                number = rs.getLong(1);
            }
        }
        UUID invoice = UUID.randomUUID();
        BigDecimal net = BigDecimal.ZERO;
        try (PreparedStatement line = c.prepareStatement(
                "insert into invoice_line (invoice_id, position, entry_id, hours, rate, amount) values (?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < entries.size(); i++) {
                BigDecimal amount = hours.get(i).multiply(RATE).setScale(2, RoundingMode.HALF_UP);
                net = net.add(amount);
                line.setObject(1, invoice);
                line.setInt(2, i + 1);
                line.setObject(3, entries.get(i));
                line.setBigDecimal(4, hours.get(i));
                line.setBigDecimal(5, RATE);
                line.setBigDecimal(6, amount);
                line.addBatch();
            }
            // the invoice first (the lines reference it): the batch is sent after it
            BigDecimal tax = net.multiply(TAX_RATE).movePointLeft(2).setScale(2, RoundingMode.HALF_UP);
            try (PreparedStatement head = c.prepareStatement("""
                    insert into invoice (id, number, customer_id, issued_at, net, tax, total) values (?, ?, ?, ?, ?, ?, ?)""")) {
                head.setObject(1, invoice);
                head.setString(2, "INV-2026-%05d".formatted(number));
                head.setObject(3, customer);
                head.setTimestamp(4, Timestamp.from(Instant.now()));
                head.setBigDecimal(5, net);
                head.setBigDecimal(6, tax);
                head.setBigDecimal(7, net.add(tax));
                head.executeUpdate();
            }
            line.executeBatch();
        }
        try (PreparedStatement mark = c.prepareStatement("update entry set state = 'BILLED', invoice_id = ? where id = any(?)")) {
            mark.setObject(1, invoice);
            mark.setArray(2, c.createArrayOf("uuid", entries.toArray()));
            mark.executeUpdate();
        }
    }

    private static List<UUID> seed(String jdbcUrl, int customers, int entriesPerCustomer) throws Exception {
        List<UUID> ids = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl, LocalPostgres.USER, LocalPostgres.PASSWORD)) {
            c.createStatement().execute("""
                    drop table if exists invoice_line, invoice, invoice_counter, frame_order, entry;
                    create table entry (id uuid primary key, customer_id uuid not null, work_date date not null, hours numeric(6,2) not null,
                        state varchar(12) not null, invoice_id uuid);
                    create index entry_unbilled on entry (customer_id, state);
                    create table frame_order (id uuid primary key, customer_id uuid not null unique, total_hours numeric(12,2) not null,
                        billed_hours numeric(12,2) not null);
                    create table invoice_counter (series varchar(10), year int, next_value bigint not null, primary key (series, year));
                    insert into invoice_counter values ('INV', 2026, 1);
                    create table invoice (id uuid primary key, number varchar(30) not null unique, customer_id uuid not null,
                        issued_at timestamptz not null, net numeric(15,2) not null, tax numeric(15,2) not null, total numeric(15,2) not null);
                    create table invoice_line (invoice_id uuid not null references invoice (id), position int not null, entry_id uuid not null,
                        hours numeric(6,2) not null, rate numeric(12,2) not null, amount numeric(15,2) not null, primary key (invoice_id, position));
                    """);
            c.setAutoCommit(false);
            try (PreparedStatement entry = c.prepareStatement(
                    "insert into entry (id, customer_id, work_date, hours, state) values (?, ?, date '2026-10-01' + ?, 1.00, 'UNBILLED')");
                 PreparedStatement order = c.prepareStatement(
                         "insert into frame_order (id, customer_id, total_hours, billed_hours) values (?, ?, ?, 0)")) {
                for (int i = 0; i < customers; i++) {
                    UUID customer = UUID.randomUUID();
                    ids.add(customer);
                    for (int e = 0; e < entriesPerCustomer; e++) {
                        entry.setObject(1, UUID.randomUUID());
                        entry.setObject(2, customer);
                        entry.setInt(3, e % 30);
                        entry.addBatch();
                    }
                    entry.executeBatch();
                    order.setObject(1, UUID.randomUUID());
                    order.setObject(2, customer);
                    order.setBigDecimal(3, BigDecimal.valueOf(entriesPerCustomer * 2L));
                    order.addBatch();
                }
                order.executeBatch();
            }
            c.commit();
            c.setAutoCommit(true);
            c.createStatement().execute("vacuum analyze");
        }
        return ids;
    }
}
