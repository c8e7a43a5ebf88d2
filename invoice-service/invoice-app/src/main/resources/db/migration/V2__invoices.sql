-- Issued invoices are frozen snapshots: the document tables accept INSERT only.
create table invoice (
    id                      uuid primary key,
    invoice_run_id          uuid          not null unique,
    series                  varchar(30)   not null,
    number                  varchar(60)   not null unique,
    seller_name             varchar(200)  not null,
    seller_address          varchar(500),
    seller_tax_id           varchar(50),
    seller_iban             varchar(40),
    seller_bic              varchar(20),
    seller_bank_name        varchar(200),
    customer_id             uuid          not null,
    customer_name           varchar(200)  not null,
    customer_address        varchar(500),
    customer_tax_id         varchar(50),
    currency                char(3)       not null,
    issue_date              date          not null,
    due_date                date          not null,
    period_from             date,
    period_to               date,
    payment_terms_days      int           not null,
    po_number               varchar(60),
    frame_order_id          uuid,
    frame_order_po_number   varchar(60),
    frame_order_draw_down_id uuid,
    notes                   varchar(2000),
    total_hours             numeric(12, 2) not null,
    subtotal                numeric(16, 3) not null,
    tax_rate                numeric(5, 2)  not null,
    tax_amount              numeric(16, 3) not null,
    total                   numeric(16, 3) not null,
    issued_at               timestamptz   not null
);
create index invoice_by_customer on invoice (customer_id, issue_date);
create index invoice_by_issue_date on invoice (issue_date);

create table invoice_line (
    invoice_id    uuid          not null references invoice (id),
    position      int           not null,
    entry_id      uuid          not null,
    work_date     date,
    project_id    uuid,
    task          varchar(200),
    resource_name varchar(200),
    role          varchar(100),
    description   varchar(1000),
    hours         numeric(8, 2)  not null,
    rate          numeric(14, 4) not null,
    amount        numeric(16, 3) not null,
    primary key (invoice_id, position)
);

create function refuse_change_of_issued_invoice() returns trigger language plpgsql as $$
begin
    raise exception 'issued invoices never change: % on % refused', tg_op, tg_table_name
        using errcode = 'integrity_constraint_violation';
end $$;

create trigger invoice_is_frozen before update or delete on invoice
    for each row execute function refuse_change_of_issued_invoice();
create trigger invoice_line_is_frozen before update or delete on invoice_line
    for each row execute function refuse_change_of_issued_invoice();
create trigger invoice_is_not_truncated before truncate on invoice
    for each statement execute function refuse_change_of_issued_invoice();
create trigger invoice_line_is_not_truncated before truncate on invoice_line
    for each statement execute function refuse_change_of_issued_invoice();

-- The lifecycle moves (issue 4 adds sent, paid, void); the document above does not.
create table invoice_state (
    invoice_id uuid primary key references invoice (id),
    status     varchar(12) not null,
    changed_at timestamptz not null
);
create index invoice_state_by_status on invoice_state (status);

-- One counter row per series and period; no database sequence, whose values are lost on rollback.
create table number_counter (
    series     varchar(30) not null,
    period     varchar(10) not null,
    last_value bigint      not null,
    primary key (series, period)
);

-- The first answer to every invoice request, by run id.
create table invoice_request (
    invoice_run_id uuid primary key,
    customer_id    uuid,
    outcome        varchar(10) not null,
    invoice_id     uuid references invoice (id),
    reason         varchar(1000),
    answered_at    timestamptz not null default now()
);
