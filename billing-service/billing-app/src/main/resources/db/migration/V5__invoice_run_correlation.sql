-- The correlation id of the request that started a run: commands asked again after a timeout carry it too.
alter table invoice_run add column correlation_id varchar(64);
