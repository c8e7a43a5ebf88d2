-- When a run entered its current step: how long each saga step takes is a metric (hourbill_saga_step_duration_seconds).
alter table invoice_run add column step_entered_at timestamptz;
update invoice_run set step_entered_at = coalesce(finished_at, started_at);
