package org.hourbill.invoice.adapter.out.persistence;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.hourbill.invoice.domain.DocumentFingerprints;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class JdbcDocumentFingerprints implements DocumentFingerprints {
    private final JdbcTemplate jdbc;

    JdbcDocumentFingerprints(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void record(UUID documentId, String sha256) {
        jdbc.update("insert into document_fingerprint (document_id, sha256) values (?, ?) on conflict do nothing", documentId, sha256);
    }

    @Override
    public List<UUID> missing() {
        return jdbc.queryForList("""
                select id from invoice i where not exists (select 1 from document_fingerprint f where f.document_id = i.id)
                union all
                select id from credit_note c where not exists (select 1 from document_fingerprint f where f.document_id = c.id)""",
                UUID.class);
    }

    @Override
    public Optional<String> find(UUID documentId) {
        return jdbc.queryForList("select sha256 from document_fingerprint where document_id = ?", String.class, documentId).stream()
                .findFirst();
    }
}
