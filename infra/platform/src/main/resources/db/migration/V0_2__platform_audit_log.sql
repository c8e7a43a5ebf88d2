-- Audit log every service has (infra/platform): who did what through the API. Append-only.
create table audit_entry (
    id             uuid         primary key,
    occurred_at    timestamptz  not null,
    actor          varchar(200) not null,
    actor_name     varchar(200),
    roles          varchar(500) not null,
    action         varchar(200) not null,
    method         varchar(10)  not null,
    path           varchar(1000) not null,
    target         json         not null,
    status         int          not null,
    correlation_id varchar(64)
);
create index audit_entry_by_time on audit_entry (occurred_at desc);
create index audit_entry_by_actor on audit_entry (actor, occurred_at desc);

create function audit_entry_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the audit log is append-only';
end $$;
create trigger audit_entry_append_only before update or delete on audit_entry
    for each row execute function audit_entry_is_append_only();
create trigger audit_entry_no_truncate before truncate on audit_entry
    for each statement execute function audit_entry_is_append_only();
