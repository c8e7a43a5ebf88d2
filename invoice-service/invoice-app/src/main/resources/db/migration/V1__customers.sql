-- invoice-service's copy of the customers announced by timesheets (CustomerChanged.v1).
create table buyer (
    id                 uuid primary key,
    name               varchar(200)  not null,
    address            varchar(500),
    tax_id             varchar(50),
    tax_rate           numeric(5, 2) not null,
    currency           char(3)       not null,
    payment_terms_days int           not null
);
