-- Billing's own copies of timesheet reference data (never read from the timesheet database).
create table billing_customer (
    id                 uuid primary key,
    name               varchar(200)  not null,
    address            varchar(500),
    tax_id             varchar(50),
    tax_rate           numeric(5, 2) not null,
    currency           char(3)       not null,
    payment_terms_days int           not null
);

create table billing_project (
    id           uuid primary key,
    customer_id  uuid         not null,
    code         varchar(40)  not null,
    name         varchar(200) not null,
    billing_type varchar(30)  not null
);

-- Approved, billable, not yet billed entries, priced at approval.
create table unbilled_entry (
    entry_id      uuid primary key,
    customer_id   uuid           not null,
    project_id    uuid           not null,
    billing_type  varchar(30)    not null,
    resource_id   uuid           not null,
    resource_name varchar(200),
    role          varchar(100),
    task          varchar(200),
    work_date     date           not null,
    hours         numeric(4, 2)  not null,
    rate          numeric(12, 2) not null,
    amount        numeric(14, 3) not null,
    currency      char(3)        not null,
    description   varchar(2000)
);

create index unbilled_entry_customer on unbilled_entry (customer_id, work_date);
