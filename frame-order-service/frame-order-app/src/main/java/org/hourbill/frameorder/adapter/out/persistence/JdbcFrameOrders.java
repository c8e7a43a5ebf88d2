package org.hourbill.frameorder.adapter.out.persistence;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.hourbill.frameorder.domain.DrawDown;
import org.hourbill.frameorder.domain.DrawDownStatus;
import org.hourbill.frameorder.domain.FrameOrder;
import org.hourbill.frameorder.domain.FrameOrderStatus;
import org.hourbill.frameorder.domain.FrameOrders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class JdbcFrameOrders implements FrameOrders {
    private final JdbcTemplate jdbc;

    JdbcFrameOrders(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(FrameOrder o) {
        jdbc.update("""
                insert into frame_order (id, customer_id, po_number, total_hours, billed_hours, valid_from, valid_to, status)
                values (?, ?, ?, ?, ?, ?, ?, ?)""", o.id(), o.customerId(), o.poNumber(), o.totalHours(), o.billedHours(),
                Date.valueOf(o.validFrom()), Date.valueOf(o.validTo()), o.status().name());
    }

    @Override
    public Optional<FrameOrder> find(UUID id) {
        return jdbc.query("select * from frame_order where id = ?", (rs, i) -> order(rs), id).stream().findFirst();
    }

    @Override
    public Optional<FrameOrder> lock(UUID id) {
        return jdbc.query("select * from frame_order where id = ? for update", (rs, i) -> order(rs), id).stream().findFirst();
    }

    @Override
    public void save(FrameOrder o) {
        jdbc.update("update frame_order set billed_hours = ?, status = ? where id = ?", o.billedHours(), o.status().name(), o.id());
    }

    @Override
    public List<FrameOrder> ofCustomer(UUID customerId, FrameOrderStatus status) {
        return jdbc.query("""
                select * from frame_order where (?::uuid is null or customer_id = ?) and (?::varchar is null or status = ?)
                order by valid_from, po_number""", (rs, i) -> order(rs), customerId, customerId,
                status == null ? null : status.name(), status == null ? null : status.name());
    }

    @Override
    public boolean poNumberTaken(UUID customerId, String poNumber) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from frame_order where customer_id = ? and po_number = ?)", Boolean.class,
                customerId, poNumber));
    }

    @Override
    public Optional<DrawDown> drawDown(UUID drawDownId) {
        return jdbc.query("select * from draw_down where id = ?", (rs, i) -> drawDown(rs), drawDownId).stream().findFirst();
    }

    @Override
    public void record(DrawDown d) {
        jdbc.update("""
                insert into draw_down (id, frame_order_id, hours, status, reference, invoice_number, note, at, billed_after)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (id) do update set status = excluded.status, note = excluded.note""",
                d.id(), d.frameOrderId(), d.hours(), d.status().name(), d.reference(), d.invoiceNumber(), d.note(),
                Timestamp.from(d.at()), d.billedAfter());
    }

    @Override
    public boolean linkInvoice(UUID drawDownId, String invoiceNumber) {
        return jdbc.update("update draw_down set invoice_number = ? where id = ?", invoiceNumber, drawDownId) == 1;
    }

    @Override
    public List<DrawDown> history(UUID frameOrderId) {
        return jdbc.query("select * from draw_down where frame_order_id = ? order by at, id", (rs, i) -> drawDown(rs), frameOrderId);
    }

    private static FrameOrder order(ResultSet rs) throws SQLException {
        return FrameOrder.restore(rs.getObject("id", UUID.class), rs.getObject("customer_id", UUID.class),
                rs.getString("po_number"), rs.getBigDecimal("total_hours"), rs.getDate("valid_from").toLocalDate(),
                rs.getDate("valid_to").toLocalDate(), rs.getBigDecimal("billed_hours"),
                FrameOrderStatus.valueOf(rs.getString("status")));
    }

    private static DrawDown drawDown(ResultSet rs) throws SQLException {
        return new DrawDown(rs.getObject("id", UUID.class), rs.getObject("frame_order_id", UUID.class), rs.getBigDecimal("hours"),
                DrawDownStatus.valueOf(rs.getString("status")), rs.getString("reference"), rs.getString("invoice_number"),
                rs.getString("note"), rs.getTimestamp("at").toInstant(), rs.getBigDecimal("billed_after"));
    }
}
