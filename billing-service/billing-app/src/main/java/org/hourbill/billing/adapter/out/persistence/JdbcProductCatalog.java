package org.hourbill.billing.adapter.out.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.hourbill.billing.application.ProductCatalog;
import org.hourbill.billing.domain.plan.CatalogItem;
import org.hourbill.platform.problem.ConflictingState;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class JdbcProductCatalog implements ProductCatalog {
    private final JdbcTemplate jdbc;

    JdbcProductCatalog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(CatalogItem i) {
        try {
            jdbc.update("insert into catalog_item (id, name, type, description, unit_price, unit) values (?, ?, ?, ?, ?, ?)", i.id(),
                    i.name(), i.type().name(), i.description(), i.unitPrice(), i.unit());
        } catch (DuplicateKeyException e) {
            throw new ConflictingState("the catalog has '" + i.name() + "' already");
        }
    }

    @Override
    public void saveOffered(CatalogItem i) {
        try {
            // only an item still offered changes: one retired meanwhile stays retired
            int saved = jdbc.update("""
                    update catalog_item set name = ?, type = ?, description = ?, unit_price = ?, unit = ?, retired = ?
                    where id = ? and not retired""", i.name(), i.type().name(), i.description(), i.unitPrice(), i.unit(), i.retired(), i.id());
            if (saved == 0) throw new ConflictingState("'" + i.name() + "' was retired from the catalog meanwhile");
        } catch (DuplicateKeyException e) {
            throw new ConflictingState("the catalog has '" + i.name() + "' already");
        }
    }

    @Override
    public Optional<CatalogItem> find(UUID id) {
        return jdbc.query("select * from catalog_item where id = ?", (rs, n) -> item(rs), id).stream().findFirst();
    }

    @Override
    public List<CatalogItem> all(boolean withRetired) {
        return jdbc.query("select * from catalog_item where ? or not retired order by name", (rs, n) -> item(rs), withRetired);
    }

    private static CatalogItem item(ResultSet rs) throws SQLException {
        return new CatalogItem(rs.getObject("id", UUID.class), rs.getString("name"), CatalogItem.Type.valueOf(rs.getString("type")),
                rs.getString("description"), rs.getBigDecimal("unit_price").stripTrailingZeros().setScale(
                        Math.max(2, rs.getBigDecimal("unit_price").stripTrailingZeros().scale())), rs.getString("unit"),
                rs.getBoolean("retired"));
    }
}
