-- frame-order-service's copy of the customers announced by timesheets (CustomerChanged.v1).
create table customer (
    id   uuid primary key,
    name varchar(200) not null
);
