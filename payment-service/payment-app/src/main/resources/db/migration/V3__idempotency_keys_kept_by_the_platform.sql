-- Idempotency-Keys of every POST are kept by the platform (idempotent_request, V0_4) in the request's transaction;
-- payments no longer keep their own.
drop table idempotency_key;
