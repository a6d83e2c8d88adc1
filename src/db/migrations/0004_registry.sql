-- The citizen employment-status registry: channels, precedence, bitemporal status history, current status,
-- batches with reconciliation, rejected rows, the outbox of status changes, formalisation plans.

-- Published by the identity module: the facts other modules may join set-wise (never the table itself).
CREATE VIEW identity.person_facts AS
  SELECT iin, birth_date, region_code, kato_code FROM identity.people;
COMMENT ON VIEW identity.person_facts IS 'identity''s published contract for set-based joins by other modules';

CREATE SCHEMA IF NOT EXISTS registry;

CREATE TABLE registry.channels (
  code             text PRIMARY KEY CHECK (code ~ '^[a-z0-9_]+$'),
  name_kk          text NOT NULL,
  name_ru          text NOT NULL,
  name_en          text NOT NULL,
  allowed_statuses text[] NOT NULL,
  freshness_days   integer NOT NULL CHECK (freshness_days > 0),
  default_rank     smallint NOT NULL CHECK (default_rank BETWEEN 0 AND 100),
  is_internal      boolean NOT NULL DEFAULT false,
  inbox_enabled    boolean NOT NULL DEFAULT false
);
COMMENT ON COLUMN registry.channels.allowed_statuses IS 'status codes this channel may assert; any other is rejected row by row';
COMMENT ON COLUMN registry.channels.freshness_days IS 'a status nobody reconfirms within this many days of its last confirmation is stale';
COMMENT ON COLUMN registry.channels.default_rank IS 'source precedence (higher wins) unless registry.precedence says otherwise for a status group';
COMMENT ON COLUMN registry.channels.is_internal IS 'statuses Jumys itself produces (exchange hires, programme enrolments)';

CREATE TABLE registry.precedence (
  channel_code text NOT NULL REFERENCES registry.channels (code),
  status_group text NOT NULL,
  rank         smallint NOT NULL CHECK (rank BETWEEN 0 AND 100),
  PRIMARY KEY (channel_code, status_group)
);

-- Every channel's rank for every status group: the one place precedence is decided.
CREATE VIEW registry.channel_ranks AS
  SELECT c.code AS channel_code, g.status_group, coalesce(p.rank, c.default_rank) AS rank, c.freshness_days
  FROM registry.channels c
  CROSS JOIN (SELECT DISTINCT status_group FROM reference.status_categories) g
  LEFT JOIN registry.precedence p ON p.channel_code = c.code AND p.status_group = g.status_group;

INSERT INTO registry.channels (code, name_kk, name_ru, name_en, allowed_statuses, freshness_days, default_rank, is_internal) VALUES
  ('egov', 'Электрондық үкімет порталы', 'Портал электронного правительства', 'E-government portal',
    (SELECT array_agg(code ORDER BY sort_order) FROM reference.status_categories), 365, 30, false),
  ('psc', 'Халыққа қызмет көрсету орталықтары', 'Центры обслуживания населения', 'Public service centres',
    (SELECT array_agg(code ORDER BY sort_order) FROM reference.status_categories), 365, 50, false),
  ('contact1414', '1414 байланыс орталығы', 'Контакт-центр 1414', 'Contact centre 1414',
    (SELECT array_agg(code ORDER BY sort_order) FROM reference.status_categories), 180, 20, false),
  ('bank', 'Екінші деңгейдегі банктер', 'Банки второго уровня', 'Banks',
    ARRAY['employed_contract', 'entrepreneur', 'self_employed', 'platform_worker', 'pensioner', 'social_payment_recipient'], 90, 40, false),
  ('mobile', 'Ұялы байланыс операторлары', 'Операторы сотовой связи', 'Mobile operators',
    ARRAY['labour_migrant', 'departed'], 90, 10, false),
  ('school', 'Білім беру жүйесі', 'Система образования', 'School system',
    ARRAY['schoolchild', 'student', 'in_training'], 365, 70, false),
  ('clinic', 'Емханалар', 'Поликлиники', 'Clinics',
    ARRAY['pregnant', 'childcare_under3'], 180, 70, false),
  ('pension', 'Зейнетақы жарналары деректері', 'Данные о пенсионных взносах', 'Pension contribution data',
    ARRAY['employed_contract', 'domestic_worker', 'foreign_employer', 'entrepreneur', 'self_employed', 'platform_worker', 'pensioner'], 45, 60, false),
  ('exchange', 'Электрондық еңбек биржасы', 'Электронная биржа труда', 'Electronic labour exchange',
    ARRAY['employed_contract', 'unemployed_registered'], 180, 80, true),
  ('programs', 'Мемлекеттік қолдау бағдарламалары', 'Государственные программы поддержки', 'State support programmes',
    ARRAY['temporarily_employed', 'in_training', 'entrepreneur'], 180, 80, true);

-- Pension contributions are paid facts: they outrank anything said about employment.
INSERT INTO registry.precedence (channel_code, status_group, rank) VALUES
  ('pension', 'employed', 95), ('pension', 'self_employed', 90), ('pension', 'inactive', 90);

CREATE TABLE registry.batches (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  channel_code  text NOT NULL REFERENCES registry.channels (code),
  state         text NOT NULL DEFAULT 'received' CHECK (state IN ('received', 'validating', 'applying', 'done', 'failed')),
  format        text NOT NULL CHECK (format IN ('csv', 'jsonl', 'api')),
  file_name     text,
  submitted_by  bigint,
  received      integer NOT NULL DEFAULT 0,
  applied       integer NOT NULL DEFAULT 0,
  superseded    integer NOT NULL DEFAULT 0,
  duplicate     integer NOT NULL DEFAULT 0,
  rejected      integer NOT NULL DEFAULT 0,
  error         text,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  finished_at   timestamptz,
  CHECK (state <> 'done' OR received = applied + superseded + duplicate + rejected)
);
COMMENT ON TABLE registry.batches IS 'one uploaded file or API call; counts reconcile when done (checked by constraint)';
COMMENT ON COLUMN registry.batches.received IS 'while validating: rows read so far (progress); when done: every data row of the input';
CREATE INDEX batches_channel_idx ON registry.batches (channel_code, id DESC);
CREATE INDEX batches_unfinished_idx ON registry.batches (state) WHERE state IN ('received', 'validating', 'applying');

CREATE TABLE registry.batch_rejections (
  batch_id  bigint NOT NULL REFERENCES registry.batches (id),
  line      integer NOT NULL,
  reason    text NOT NULL,
  raw       text,
  PRIMARY KEY (batch_id, line)
);
COMMENT ON COLUMN registry.batch_rejections.line IS 'line number in the file (the header is line 1), or the 1-based index of an API event';

-- Bitemporal history: valid time (valid_from/valid_to) and transaction time (recorded_at). Append-only.
CREATE TABLE registry.status_events (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  iin           char(12) NOT NULL,
  status        text NOT NULL REFERENCES reference.status_categories (code),
  valid_from    date NOT NULL,
  valid_to      date,
  recorded_at   timestamptz NOT NULL,
  channel_code  text NOT NULL REFERENCES registry.channels (code),
  batch_id      bigint REFERENCES registry.batches (id),
  source_ref    text NOT NULL,
  outcome       text NOT NULL CHECK (outcome IN ('applied', 'superseded')),
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
COMMENT ON COLUMN registry.status_events.source_ref IS 'the channel''s own id of the event: its idempotency key (unique per channel)';
COMMENT ON COLUMN registry.status_events.outcome IS 'applied: became or reconfirmed the current status; superseded: lost to precedence, kept as history';
COMMENT ON COLUMN registry.status_events.valid_to IS 'as asserted by the channel; otherwise the status holds until the next applied one';
CREATE UNIQUE INDEX status_events_source_idx ON registry.status_events (channel_code, source_ref);
CREATE INDEX status_events_iin_idx ON registry.status_events (iin, valid_from);

CREATE TABLE registry.current_status (
  iin           char(12) PRIMARY KEY,
  status        text NOT NULL,
  status_group  text NOT NULL,
  valid_from    date NOT NULL,
  channel_code  text NOT NULL,
  rank          smallint NOT NULL,
  event_id      bigint NOT NULL,
  confirmed_at  timestamptz NOT NULL,
  fresh_until   timestamptz NOT NULL
);
COMMENT ON COLUMN registry.current_status.confirmed_at IS 'the last time any channel asserted this same status';
COMMENT ON COLUMN registry.current_status.fresh_until IS 'stale after this instant: the latest confirmation plus its channel''s freshness window';
CREATE INDEX current_status_fresh_idx ON registry.current_status (fresh_until);

-- Status changes for other modules (programmes, analytics) to consume; written in the merge's transaction.
CREATE TABLE registry.outbox (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  iin           char(12) NOT NULL,
  old_status    text,
  new_status    text NOT NULL,
  valid_from    date NOT NULL,
  channel_code  text NOT NULL,
  event_id      bigint NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE registry.formalisation_plans (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  region_code   text NOT NULL REFERENCES reference.regions (code),
  district_code text,
  year          smallint NOT NULL CHECK (year BETWEEN 2018 AND 2100),
  category      text NOT NULL CHECK (category IN ('hired', 'self_employed', 'subsidiary_farm', 'unemployed_unregistered')),
  target        integer NOT NULL CHECK (target >= 0),
  UNIQUE NULLS NOT DISTINCT (region_code, district_code, year, category)
);
COMMENT ON TABLE registry.formalisation_plans IS 'how many people of a category must get an updated status; progress is counted from the registry, never typed in';
