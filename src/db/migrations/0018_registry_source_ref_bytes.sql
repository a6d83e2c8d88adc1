-- A source_ref is a channel's opaque idempotency key: it is only ever compared for equality and looked up, never
-- shown in a linguistic order. Under the database's default collation every comparison in the unique index
-- (channel_code, source_ref) went through the locale's strcoll; under "C" it is a byte comparison, which is what
-- an idempotency key means anyway. Every daily file row probes and then inserts into that index.
ALTER TABLE registry.status_events ALTER COLUMN source_ref TYPE text COLLATE "C";
