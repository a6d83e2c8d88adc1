-- The electronic labour exchange: vacancies and their search, applications with their event log, the hire
-- outbox towards the registry, and referrals under the regions' yearly limits.
-- People and organisations are identified by IIN/BIN without foreign keys into identity: the exchange reads them
-- only through identity's functions, and the registry side may later be distributed by IIN (Citus).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE SCHEMA IF NOT EXISTS exchange;

CREATE TABLE exchange.vacancies (
  id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  employer_bin      char(12) NOT NULL CHECK (employer_bin ~ '^\d{12}$'),
  employer_name     text NOT NULL,
  title             text NOT NULL CHECK (length(title) BETWEEN 3 AND 200),
  occupation_code   text NOT NULL REFERENCES reference.occupations (code),
  occupation_major  char(1) GENERATED ALWAYS AS (left(occupation_code, 1)) STORED,
  description       text NOT NULL CHECK (length(description) <= 20000),
  education_level   text NOT NULL DEFAULT 'none'
                    CHECK (education_level IN ('none', 'secondary', 'vocational', 'higher', 'postgraduate')),
  experience_years  smallint NOT NULL DEFAULT 0 CHECK (experience_years BETWEEN 0 AND 50),
  skills            text[] NOT NULL DEFAULT '{}',
  languages         jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(languages) = 'array'),
  driving_licence   text[] NOT NULL DEFAULT '{}',
  wage_min          integer NOT NULL CHECK (wage_min > 0),
  wage_max          integer NOT NULL,
  employment_type   text NOT NULL CHECK (employment_type IN ('permanent', 'temporary', 'seasonal', 'shift', 'remote')),
  schedule          text NOT NULL DEFAULT 'full_day'
                    CHECK (schedule IN ('full_day', 'part_time', 'flexible', 'shift_work', 'rotation')),
  kato_code         text NOT NULL REFERENCES reference.kato (code),
  region_code       text NOT NULL REFERENCES reference.regions (code),
  district_code     text REFERENCES reference.kato (code),
  positions         integer NOT NULL CHECK (positions > 0),
  positions_filled  integer NOT NULL DEFAULT 0,
  project_id        bigint,
  fair_id           bigint,
  program_code      text,
  state             text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'published', 'closed', 'filled', 'expired')),
  published_at      timestamptz,
  expires_at        timestamptz,
  closed_at         timestamptz,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  -- simple: exact words and Kazakh (no stemmer ships with PostgreSQL); russian: inflections; english: titles.
  search            tsvector GENERATED ALWAYS AS (
                      setweight(to_tsvector('simple'::regconfig, title), 'A') ||
                      setweight(to_tsvector('russian'::regconfig, title), 'A') ||
                      setweight(to_tsvector('english'::regconfig, title), 'B') ||
                      setweight(to_tsvector('simple'::regconfig, description), 'C') ||
                      setweight(to_tsvector('russian'::regconfig, description), 'D')
                    ) STORED,
  CHECK (wage_min <= wage_max),
  CHECK (positions_filled BETWEEN 0 AND positions),
  CHECK (state = 'draft' OR (published_at IS NOT NULL AND expires_at IS NOT NULL))
);
COMMENT ON COLUMN exchange.vacancies.employer_name IS 'the organisation''s name when the vacancy was created, so search results need no join into identity';
COMMENT ON COLUMN exchange.vacancies.occupation_code IS 'ISCO-08 code (unit group, 4 digits, normally); NK RK 01-2017 builds on it';
COMMENT ON COLUMN exchange.vacancies.occupation_major IS 'ISCO-08 major group (first digit), the occupation facet';
COMMENT ON COLUMN exchange.vacancies.languages IS 'required languages: [{"lang": "kk"|"ru"|"en", "level": "basic"|"intermediate"|"fluent"|"native"}]';
COMMENT ON COLUMN exchange.vacancies.driving_licence IS 'required driving licence categories (B, C, CE, …); empty = none';
COMMENT ON COLUMN exchange.vacancies.wage_min IS 'monthly wage before tax in tenge (KZT); a range is required on every vacancy';
COMMENT ON COLUMN exchange.vacancies.region_code IS 'derived from kato_code (its first two digits = region), never typed in';
COMMENT ON COLUMN exchange.vacancies.district_code IS 'the level-2 KATO ancestor of kato_code (district or city), null when the location is a whole region';
COMMENT ON COLUMN exchange.vacancies.positions_filled IS 'hires so far; incremented under a row lock on the vacancy, so it never passes positions';
COMMENT ON COLUMN exchange.vacancies.project_id IS 'national/regional project the vacancy belongs to (projects module, not yet built)';
COMMENT ON COLUMN exchange.vacancies.fair_id IS 'job fair the vacancy belongs to (fairs module, not yet built)';
COMMENT ON COLUMN exchange.vacancies.program_code IS 'state programme aimed at a target group; with fair_id, it exempts wording that names the group (e.g. youth practice)';
COMMENT ON COLUMN exchange.vacancies.expires_at IS 'end of the publication window; a scheduled job moves published vacancies past it to expired';

CREATE INDEX vacancies_employer_idx ON exchange.vacancies (employer_bin, state);
CREATE INDEX vacancies_search_idx ON exchange.vacancies USING gin (search) WHERE state = 'published';
CREATE INDEX vacancies_title_trgm_idx ON exchange.vacancies USING gin (title gin_trgm_ops) WHERE state = 'published';
CREATE INDEX vacancies_published_idx ON exchange.vacancies (published_at DESC, id DESC) WHERE state = 'published';
CREATE INDEX vacancies_region_idx ON exchange.vacancies (region_code, published_at DESC) WHERE state = 'published';
CREATE INDEX vacancies_expiry_idx ON exchange.vacancies (expires_at) WHERE state = 'published';
CREATE INDEX vacancies_project_idx ON exchange.vacancies (project_id) WHERE project_id IS NOT NULL;
CREATE INDEX vacancies_fair_idx ON exchange.vacancies (fair_id) WHERE fair_id IS NOT NULL;

CREATE TABLE exchange.applications (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  vacancy_id    bigint NOT NULL REFERENCES exchange.vacancies (id),
  seeker_iin    char(12) NOT NULL CHECK (seeker_iin ~ '^\d{12}$'),
  seeker_name   text NOT NULL,
  cover_letter  text CHECK (length(cover_letter) <= 5000),
  state         text NOT NULL DEFAULT 'submitted'
                CHECK (state IN ('submitted', 'viewed', 'shortlisted', 'interview', 'offer', 'hired', 'rejected', 'withdrawn')),
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (vacancy_id, seeker_iin)
);
COMMENT ON COLUMN exchange.applications.state IS 'the latest event''s state; exchange.application_events is the history';
COMMENT ON COLUMN exchange.applications.seeker_name IS 'the seeker''s display name when applying, shown to the employer instead of the IIN';
CREATE INDEX applications_seeker_idx ON exchange.applications (seeker_iin, created_at DESC);

CREATE TABLE exchange.application_events (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  application_id  bigint NOT NULL REFERENCES exchange.applications (id),
  state           text NOT NULL
                  CHECK (state IN ('submitted', 'viewed', 'shortlisted', 'interview', 'offer', 'hired', 'rejected', 'withdrawn')),
  reason          text,
  actor_role      text NOT NULL,
  actor_id        bigint,
  at              timestamptz NOT NULL DEFAULT clock_timestamp(),
  CHECK (state <> 'rejected' OR length(reason) > 0)
);
COMMENT ON COLUMN exchange.application_events.reason IS 'required for rejected: the seeker is told why';
CREATE INDEX application_events_application_idx ON exchange.application_events (application_id, id);

CREATE TABLE exchange.outbox (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  event_type    text NOT NULL,
  iin           char(12) NOT NULL,
  payload       jsonb NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  processed_at  timestamptz
);
COMMENT ON TABLE exchange.outbox IS 'events for other modules, written in the transaction that caused them; a consumer marks processed_at';
COMMENT ON COLUMN exchange.outbox.payload IS 'for status_event: {status, channel, validFrom, idempotencyKey, employerBin, vacancyId, applicationId}';
CREATE INDEX outbox_pending_idx ON exchange.outbox (id) WHERE processed_at IS NULL;

CREATE TABLE exchange.referral_limits (
  region_code  text NOT NULL REFERENCES reference.regions (code),
  year         smallint NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  total        integer NOT NULL CHECK (total >= 0),
  used         integer NOT NULL DEFAULT 0,
  PRIMARY KEY (region_code, year),
  CHECK (used BETWEEN 0 AND total)
);
COMMENT ON TABLE exchange.referral_limits IS 'yearly referral limit per region (national 350,000 a year, split by region); used is spent under a row lock';

CREATE TABLE exchange.referrals (
  id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  vacancy_id          bigint NOT NULL REFERENCES exchange.vacancies (id),
  seeker_iin          char(12) NOT NULL CHECK (seeker_iin ~ '^\d{12}$'),
  region_code         text NOT NULL,
  year                smallint NOT NULL,
  officer_account_id  bigint NOT NULL,
  note                text,
  outcome             text CHECK (outcome IN ('hired', 'not_hired', 'no_show')),
  outcome_reason      text,
  outcome_at          timestamptz,
  created_at          timestamptz NOT NULL DEFAULT now(),
  UNIQUE (vacancy_id, seeker_iin),
  FOREIGN KEY (region_code, year) REFERENCES exchange.referral_limits (region_code, year)
);
COMMENT ON COLUMN exchange.referrals.region_code IS 'the referring officer''s region, whose yearly limit the referral spent';
CREATE INDEX referrals_region_idx ON exchange.referrals (region_code, year);
CREATE INDEX referrals_seeker_idx ON exchange.referrals (seeker_iin);
