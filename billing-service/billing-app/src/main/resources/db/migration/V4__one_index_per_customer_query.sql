-- Every query by customer also filters by state or can use it as a prefix: (customer_id, state, work_date) from V2
-- serves them all, so (customer_id, work_date) from V1 only cost each approved entry one more index insert.
drop index unbilled_entry_customer;
