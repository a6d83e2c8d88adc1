-- The append-only, hash-chained log of every staff read or change of a person's data.
CREATE SCHEMA IF NOT EXISTS audit;

CREATE TABLE audit.log (
  seq            bigint PRIMARY KEY,
  at             timestamptz NOT NULL,
  actor_id       bigint,
  actor_login    text NOT NULL,
  actor_role     text NOT NULL,
  action         text NOT NULL,
  subject_iin    char(12),
  purpose        text,
  details        jsonb NOT NULL DEFAULT '{}',
  prev_hash      bytea NOT NULL,
  hash           bytea NOT NULL
);
COMMENT ON COLUMN audit.log.hash IS 'sha256(prev_hash || canonical JSON of the entry); `jumys audit verify` recomputes the chain';
COMMENT ON COLUMN audit.log.seq IS 'gapless: each entry is written under an advisory lock after reading the previous one';
CREATE INDEX audit_subject_idx ON audit.log (subject_iin, seq);

CREATE FUNCTION audit.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit.log is append-only: % is not allowed', TG_OP;
END $$;

CREATE TRIGGER log_append_only BEFORE UPDATE OR DELETE ON audit.log
  FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER log_no_truncate BEFORE TRUNCATE ON audit.log
  FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();
