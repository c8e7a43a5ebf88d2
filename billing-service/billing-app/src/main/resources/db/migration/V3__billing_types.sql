-- Billing types beyond time and materials (issue 5): what billing keeps about projects, terms, activity prices,
-- the catalog, customers' billing defaults, bill lines of reviews, and the use of capped projects' caps.
alter table billing_project
    add column order_amount          numeric(16, 3),
    add column validated_work_amount numeric(16, 3);

create table project_element (
    id               uuid primary key,
    project_id       uuid          not null references billing_project (id),
    kind             varchar(10)   not null,
    name             varchar(200)  not null,
    validated_amount numeric(16, 3),
    planned_amount   numeric(16, 3),
    end_date         date
);

create table project_term (
    id             uuid primary key,
    project_id     uuid          not null references billing_project (id),
    name           varchar(200)  not null,
    amount         numeric(16, 3) not null,
    term_date      date          not null,
    state          varchar(12)   not null default 'OPEN',
    reserved_by    uuid,
    invoice_number varchar(60),
    created_at     timestamptz   not null default now()
);
create index project_term_by_project on project_term (project_id, term_date);

create table term_trigger (
    term_id    uuid not null references project_term (id),
    element_id uuid not null references project_element (id),
    primary key (term_id, element_id)
);

create table activity_price (
    project_id    uuid          not null references billing_project (id),
    activity_type varchar(100)  not null,
    daily_price   numeric(14, 4) not null,
    primary key (project_id, activity_type)
);

create table catalog_item (
    id          uuid primary key,
    name        varchar(200)  not null unique,
    type        varchar(10)   not null,
    description varchar(1000),
    unit_price  numeric(14, 4) not null,
    unit        varchar(3)    not null
);

create table billing_defaults (
    customer_id        uuid primary key references billing_customer (id),
    bill_contact_name  varchar(200),
    bill_contact_email varchar(200),
    recipient_name     varchar(200),
    recipient_iban     varchar(40),
    recipient_bic      varchar(20),
    recipient_bank     varchar(200)
);

alter table billing_review
    add column project_id         uuid references billing_project (id),
    add column bill_contact_name  varchar(200),
    add column bill_contact_email varchar(200),
    add column recipient_name     varchar(200),
    add column recipient_iban     varchar(40),
    add column recipient_bic      varchar(20),
    add column recipient_bank     varchar(200),
    add column responsible        varchar(200),
    add column comments           varchar(2000),
    add column order_amount       numeric(16, 3);

alter table review_line
    add column capped_hours numeric(4, 2) not null default 0,
    add column covered_by   int;

create table review_bill_line (
    review_id        uuid          not null references billing_review (id),
    position         int           not null,
    kind             varchar(10)   not null,
    project_id       uuid,
    term_id          uuid,
    resource_id      uuid,
    resource_name    varchar(200),
    activity_type    varchar(100),
    period_from      date,
    period_to        date,
    description      varchar(1000) not null,
    detail           varchar(1000),
    quantity         numeric(14, 4) not null,
    unit             varchar(3)    not null,
    unit_price       numeric(14, 4) not null,
    amendment        boolean       not null default false,
    catalog_item_id  uuid,
    covered_entry_ids uuid[]       not null default '{}',
    capped_quantity  numeric(14, 4) not null default 0,
    primary key (review_id, position)
);

-- What each bill takes of a capped project's cap; the project row is locked while it is decided, so concurrent
-- bills of one project see each other. RESERVED while the run goes, BILLED once issued; a failed run deletes its
-- rows, a voided invoice marks them VOIDED (the cap is free again).
create table cap_use (
    invoice_run_id uuid          not null,
    project_id     uuid          not null references billing_project (id),
    amount         numeric(16, 3) not null,
    state          varchar(10)   not null,
    invoice_number varchar(60),
    primary key (invoice_run_id, project_id)
);
create index cap_use_by_project on cap_use (project_id) where state in ('RESERVED', 'BILLED');

-- Hours of an entry the cap kept off its invoice (written off with reason "cap"; the rest is billed).
alter table unbilled_entry add column capped_hours numeric(4, 2) not null default 0;
