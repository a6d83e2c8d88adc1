-- Social protection of platform workers: platforms, their workers and regimes, monthly income reports with
-- exactly-once ingestion and reconciliation, and the contributions ledger per IIN × platform × month.
-- Also the dated parameters the benefit calculator needs beyond 0001 (marked unverified: FACTS.md says "check"),
-- and the registry channel `platforms` through which an active platform worker gets status platform_worker.

INSERT INTO reference.parameters (key, valid_from, value, value_json, unit, is_verified, source, note) VALUES
  ('job_loss_duration_ladder', '2018-01-01', NULL,
    '{"steps": [{"from_months": 6, "months": 1}, {"from_months": 12, "months": 2}, {"from_months": 24, "months": 3}, {"from_months": 36, "months": 4}, {"from_months": 48, "months": 5}, {"from_months": 60, "months": 6}]}',
    'ladder', false, 'Social Code of the RK', 'months of job-loss payment by months of social contributions (check the ladder)'),
  ('childcare_min_mci', '2018-01-01', 5.76, NULL, 'MCI', false, 'Law on state benefits to families with children',
    'minimum childcare payment = the budget childcare allowance for a first child (check)');

-- The one registry channel for all platforms: the event's source_ref names the platform (platform:<BIN>:…).
-- Internal: Jumys itself asserts the status from income the platforms reported.
INSERT INTO registry.channels (code, name_kk, name_ru, name_en, allowed_statuses, freshness_days, default_rank, is_internal)
VALUES ('platforms', 'Интернет-платформалар', 'Интернет-платформы', 'Online platforms', ARRAY['platform_worker'], 60, 60, true);

CREATE SCHEMA IF NOT EXISTS social;

CREATE TABLE social.platforms (
  bin           text PRIMARY KEY,
  name          text NOT NULL,
  registered_at timestamptz NOT NULL DEFAULT now(),
  registered_by bigint
);
COMMENT ON TABLE social.platforms IS 'organisations (identity BIN) registered as platform operators; they withhold contributions as tax agents';

CREATE TABLE social.platform_workers (
  platform_bin  text NOT NULL REFERENCES social.platforms (bin),
  iin           text NOT NULL,
  regime        text NOT NULL CHECK (regime IN ('standard', 'platform_4pct')),
  registered_at timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (platform_bin, iin)
);
CREATE INDEX platform_workers_iin_idx ON social.platform_workers (iin);
COMMENT ON COLUMN social.platform_workers.regime IS 'the worker''s choice: standard contributions or the 4% platform regime; applies to months reported after the choice';

CREATE TABLE social.income_batches (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  platform_bin text NOT NULL REFERENCES social.platforms (bin),
  format       text NOT NULL CHECK (format IN ('api', 'csv')),
  file_name    text,
  submitted_by bigint,
  state        text NOT NULL DEFAULT 'received' CHECK (state IN ('received', 'done', 'failed')),
  received     integer NOT NULL DEFAULT 0,
  accepted     integer NOT NULL DEFAULT 0,
  duplicate    integer NOT NULL DEFAULT 0,
  rejected     integer NOT NULL DEFAULT 0,
  error        text,
  created_at   timestamptz NOT NULL DEFAULT now(),
  finished_at  timestamptz,
  CHECK (state <> 'done' OR received = accepted + duplicate + rejected)
);
COMMENT ON TABLE social.income_batches IS 'one income report (API call or file); a done batch reconciles: received = accepted + duplicate + rejected';

CREATE TABLE social.income_rejections (
  batch_id bigint NOT NULL REFERENCES social.income_batches (id),
  line     integer NOT NULL,
  reason   text NOT NULL,
  raw      text,
  PRIMARY KEY (batch_id, line)
);

-- The income reports as received, one per platform × worker × month, and the contributions computed from the
-- rates in force in that month. Append-only: a report id is never reused and a month is never overwritten.
CREATE TABLE social.contributions (
  platform_bin     text NOT NULL REFERENCES social.platforms (bin),
  iin              text NOT NULL,
  month            date NOT NULL CHECK (extract(day FROM month) = 1),
  report_id        text NOT NULL,
  batch_id         bigint NOT NULL REFERENCES social.income_batches (id),
  regime           text NOT NULL CHECK (regime IN ('standard', 'platform_4pct')),
  income           numeric(14, 2) NOT NULL CHECK (income >= 0),
  pension_base     numeric(14, 2) NOT NULL,
  social_base      numeric(14, 2) NOT NULL,
  pension          numeric(14, 2) NOT NULL,
  employer_pension numeric(14, 2) NOT NULL,
  social           numeric(14, 2) NOT NULL,
  health_employee  numeric(14, 2) NOT NULL,
  health_employer  numeric(14, 2) NOT NULL,
  total            numeric(14, 2) NOT NULL,
  parameters       jsonb NOT NULL,
  recorded_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (iin, platform_bin, month),
  UNIQUE (platform_bin, report_id)
);
COMMENT ON COLUMN social.contributions.report_id IS 'the platform''s own id of the report row: its idempotency key; same key with other content is rejected';
COMMENT ON COLUMN social.contributions.social_base IS 'income social contributions were paid on; the benefit calculator averages it';
COMMENT ON COLUMN social.contributions.parameters IS 'each parameter used: [{key, validFrom, value}] as in force on the first of the month';
