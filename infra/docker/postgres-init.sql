-- One database per service: no service ever reads another's tables.
create database timesheet;
create database billing;
create database frame_order;
create database invoice;
create database payment;
