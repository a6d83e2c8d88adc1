-- Online job fairs: a window, a target group as rules, employers' booths with their vacancies, seekers'
-- registrations, interview slots and bookings, a booth's queue, messages, and page-view counters for the funnel.
-- People and organisations are identified by IIN/BIN without foreign keys into identity or exchange: the fairs
-- module reads them only through those modules' functions and published views.
-- btree_gist lets one exclusion constraint combine equality (booth, seeker) with range overlap (time).
CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE SCHEMA IF NOT EXISTS fairs;

CREATE TABLE fairs.fairs (
  id                      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  title                   text NOT NULL CHECK (length(title) BETWEEN 3 AND 200),
  description             text NOT NULL DEFAULT '' CHECK (length(description) <= 20000),
  organiser_account_id    bigint NOT NULL,
  organiser_name          text NOT NULL,
  starts_at               timestamptz NOT NULL,
  ends_at                 timestamptz NOT NULL,
  state                   text NOT NULL DEFAULT 'planned' CHECK (state IN ('planned', 'open', 'closed')),
  recurrence              text NOT NULL DEFAULT 'none' CHECK (recurrence IN ('none', 'monthly')),
  template_id             bigint REFERENCES fairs.fairs (id),
  max_age                 smallint CHECK (max_age BETWEEN 14 AND 100),
  graduated_within_years  smallint CHECK (graduated_within_years BETWEEN 0 AND 50),
  allowed_statuses        text[] NOT NULL DEFAULT '{}',
  region_codes            text[] NOT NULL DEFAULT '{}',
  created_at              timestamptz NOT NULL DEFAULT now(),
  CHECK (starts_at < ends_at),
  UNIQUE (template_id, starts_at)
);
COMMENT ON COLUMN fairs.fairs.recurrence IS 'monthly: the switch job creates next month''s fair from this one (same weekday-free rule: same day of month, same times)';
COMMENT ON COLUMN fairs.fairs.template_id IS 'the monthly fair this one was created from; (template_id, starts_at) is unique so the job is safe to run twice';
COMMENT ON COLUMN fairs.fairs.max_age IS 'oldest age allowed, in full years on the fair''s first day (Asia/Almaty); null = any age';
COMMENT ON COLUMN fairs.fairs.graduated_within_years IS 'graduated at most this many years before the fair; checked only when a graduation date is recorded (none is yet)';
COMMENT ON COLUMN fairs.fairs.allowed_statuses IS 'current registry status codes allowed; a code ending in _* matches its prefix (unemployed_*); empty = any status';
COMMENT ON COLUMN fairs.fairs.region_codes IS 'seekers'' regions allowed; empty = nationwide';
CREATE INDEX fairs_window_idx ON fairs.fairs (state, starts_at, ends_at);

CREATE TABLE fairs.booths (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  fair_id         bigint NOT NULL REFERENCES fairs.fairs (id),
  employer_bin    char(12) NOT NULL CHECK (employer_bin ~ '^\d{12}$'),
  employer_name   text NOT NULL,
  state           text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'approved', 'rejected')),
  decision_reason text,
  decided_at      timestamptz,
  created_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (fair_id, employer_bin),
  CHECK (state <> 'rejected' OR length(decision_reason) > 0)
);
COMMENT ON TABLE fairs.booths IS 'an employer taking part in a fair; the organiser approves it before seekers see it';

CREATE TABLE fairs.booth_vacancies (
  fair_id       bigint NOT NULL REFERENCES fairs.fairs (id),
  vacancy_id    bigint NOT NULL,
  booth_id      bigint NOT NULL REFERENCES fairs.booths (id),
  title         text NOT NULL,
  region_code   text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (fair_id, vacancy_id)
);
COMMENT ON COLUMN fairs.booth_vacancies.vacancy_id IS 'exchange vacancy of the booth''s employer (checked through the exchange when added)';
COMMENT ON COLUMN fairs.booth_vacancies.title IS 'the vacancy''s title and region when added, for the booth page and the funnel without a call per row';
CREATE INDEX booth_vacancies_booth_idx ON fairs.booth_vacancies (booth_id);

CREATE TABLE fairs.registrations (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  fair_id       bigint NOT NULL REFERENCES fairs.fairs (id),
  seeker_iin    char(12) NOT NULL CHECK (seeker_iin ~ '^\d{12}$'),
  seeker_name   text NOT NULL,
  region_code   text,
  created_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (fair_id, seeker_iin)
);
COMMENT ON COLUMN fairs.registrations.region_code IS 'the seeker''s region when registering (identity), for the funnel by region';

CREATE TABLE fairs.applications (
  application_id  bigint PRIMARY KEY,
  fair_id         bigint NOT NULL REFERENCES fairs.fairs (id),
  booth_id        bigint NOT NULL REFERENCES fairs.booths (id),
  vacancy_id      bigint NOT NULL,
  seeker_iin      char(12) NOT NULL,
  region_code     text,
  created_at      timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE fairs.applications IS 'exchange applications made through a fair; their steps live in the exchange''s event log';
CREATE INDEX fair_applications_fair_idx ON fairs.applications (fair_id, booth_id);

CREATE TABLE fairs.slots (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  fair_id       bigint NOT NULL REFERENCES fairs.fairs (id),
  booth_id      bigint NOT NULL REFERENCES fairs.booths (id),
  starts_at     timestamptz NOT NULL,
  ends_at       timestamptz NOT NULL,
  meeting_link  text NOT NULL CHECK (meeting_link ~ '^https://'),
  created_at    timestamptz NOT NULL DEFAULT now(),
  CHECK (starts_at < ends_at),
  CONSTRAINT slots_no_overlap EXCLUDE USING gist (booth_id WITH =, tstzrange(starts_at, ends_at) WITH &&)
);
COMMENT ON CONSTRAINT slots_no_overlap ON fairs.slots IS 'one booth never has two slots at the same time; [start, end) so back-to-back slots are fine';

CREATE TABLE fairs.bookings (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  slot_id     bigint NOT NULL UNIQUE REFERENCES fairs.slots (id),
  fair_id     bigint NOT NULL REFERENCES fairs.fairs (id),
  booth_id    bigint NOT NULL REFERENCES fairs.booths (id),
  seeker_iin  char(12) NOT NULL,
  starts_at   timestamptz NOT NULL,
  ends_at     timestamptz NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT bookings_seeker_no_overlap EXCLUDE USING gist (seeker_iin WITH =, tstzrange(starts_at, ends_at) WITH &&)
);
COMMENT ON COLUMN fairs.bookings.slot_id IS 'unique: never two seekers in one slot, whatever the concurrency';
COMMENT ON CONSTRAINT bookings_seeker_no_overlap ON fairs.bookings IS 'never one seeker in two overlapping slots (any booth, any fair)';
COMMENT ON COLUMN fairs.bookings.starts_at IS 'copied from the slot, so the exclusion constraint sees the time without a join';
CREATE INDEX bookings_seeker_idx ON fairs.bookings (seeker_iin);
CREATE INDEX bookings_fair_idx ON fairs.bookings (fair_id, booth_id);

CREATE TABLE fairs.queue_entries (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  booth_id    bigint NOT NULL REFERENCES fairs.booths (id),
  seeker_iin  char(12) NOT NULL,
  joined_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
  served_at   timestamptz
);
COMMENT ON TABLE fairs.queue_entries IS 'a booth''s live queue: a seeker''s place is the number of unserved entries before theirs, plus one';
CREATE UNIQUE INDEX queue_waiting_once_idx ON fairs.queue_entries (booth_id, seeker_iin) WHERE served_at IS NULL;
CREATE INDEX queue_waiting_idx ON fairs.queue_entries (booth_id, id) WHERE served_at IS NULL;

CREATE TABLE fairs.messages (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  fair_id     bigint NOT NULL REFERENCES fairs.fairs (id),
  booth_id    bigint NOT NULL REFERENCES fairs.booths (id),
  seeker_iin  char(12) NOT NULL,
  sender      text NOT NULL CHECK (sender IN ('booth', 'seeker')),
  body        text NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
  sent_at     timestamptz NOT NULL DEFAULT clock_timestamp()
);
COMMENT ON TABLE fairs.messages IS 'conversation between a booth and one seeker, kept with the fair after it closes';
CREATE INDEX messages_thread_idx ON fairs.messages (booth_id, seeker_iin, id);

CREATE TABLE fairs.visits (
  fair_id   bigint NOT NULL REFERENCES fairs.fairs (id),
  booth_id  bigint NOT NULL DEFAULT 0,
  day       date NOT NULL,
  views     bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (fair_id, booth_id, day)
);
COMMENT ON TABLE fairs.visits IS 'page views of a fair (booth_id 0) and of its booths, counted per day; the funnel''s first step';
