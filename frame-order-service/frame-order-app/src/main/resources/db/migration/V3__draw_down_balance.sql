-- The order's billed hours right after a draw-down took its hours: a repeated request is answered with the figures
-- of its first answer. Rows drawn before this column existed keep null and are answered with the order's balance then.
alter table draw_down add column billed_after numeric(12, 2);
