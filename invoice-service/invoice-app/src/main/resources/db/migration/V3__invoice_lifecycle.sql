-- Issue 4: invoices are sent, paid and voided; each move is audited; a credit note voids an invoice.
alter table invoice_state
    add column sent_on        date,
    add column send_mode      varchar(10),
    add column amount_paid    numeric(16, 3) not null default 0,
    add column paid_on        date,
    add column credit_note_id uuid;

-- The audit trail: who moved an invoice from where to where, when and why. Insert only.
create table invoice_history (
    id          bigserial primary key,
    invoice_id  uuid          not null references invoice (id),
    at          timestamptz   not null,
    actor       varchar(100)  not null,
    from_status varchar(12),
    to_status   varchar(12)   not null,
    detail      varchar(1000)
);
create index invoice_history_by_invoice on invoice_history (invoice_id, id);
insert into invoice_history (invoice_id, at, actor, from_status, to_status, detail)
    select id, issued_at, 'invoice-service', null, 'ISSUED', 'issued for invoice run ' || invoice_run_id from invoice;

-- A credit note cancels one invoice in full: a frozen document of its own with the invoice's lines negated.
create table credit_note (
    id                 uuid primary key,
    series             varchar(30)    not null,
    number             varchar(60)    not null unique,
    invoice_id         uuid           not null unique references invoice (id),
    issue_date         date           not null,
    reason             varchar(1000)  not null,
    total_hours        numeric(12, 2) not null,
    subtotal           numeric(16, 3) not null,
    tax_amount         numeric(16, 3) not null,
    total              numeric(16, 3) not null,
    issued_at          timestamptz    not null
);
create index credit_note_by_issue_date on credit_note (issue_date);

create trigger credit_note_is_frozen before update or delete on credit_note
    for each row execute function refuse_change_of_issued_invoice();
create trigger credit_note_is_not_truncated before truncate on credit_note
    for each statement execute function refuse_change_of_issued_invoice();
create trigger invoice_history_is_append_only before update or delete on invoice_history
    for each row execute function refuse_change_of_issued_invoice();
