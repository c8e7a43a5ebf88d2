-- Bills of every billing type (issue 5): a line bills time, activity days, a fixed-price term or a manual item.
-- DDL only: the triggers of V2 keep refusing any UPDATE or DELETE of an issued invoice's rows.
alter table invoice_line rename column hours to quantity;
alter table invoice_line rename column rate to unit_price;
alter table invoice_line
    alter column quantity type numeric(14, 4),
    alter column entry_id drop not null,
    add column kind         varchar(10) not null default 'TIME',
    add column entry_ids    uuid[]      not null default '{}',
    add column billing_type varchar(30),
    add column detail       varchar(1000),
    add column unit         varchar(3)  not null default 'HUR',
    add column amendment    boolean     not null default false,
    add column term_id      uuid;
-- existing time lines: their one entry moves into entry_ids (a DDL-time backfill, before any trigger sees a row)
alter table invoice_line disable trigger invoice_line_is_frozen;
update invoice_line set entry_ids = array[entry_id] where entry_id is not null;
alter table invoice_line enable trigger invoice_line_is_frozen;
alter table invoice_line drop column entry_id;

alter table invoice
    add column project_id         uuid,
    add column billing_type       varchar(30),
    add column bill_contact_name  varchar(200),
    add column bill_contact_email varchar(200),
    add column recipient_name     varchar(200),
    add column recipient_iban     varchar(40),
    add column recipient_bic      varchar(20),
    add column recipient_bank     varchar(200),
    add column responsible        varchar(200),
    add column comments           varchar(2000),
    add column order_amount       numeric(16, 3);
create index invoice_line_by_project on invoice_line (project_id);
