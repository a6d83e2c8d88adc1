-- Seeker profiles (CVs), saved searches with their alerts, in-app notifications and the email outbox, and the
-- index behind the open-data change stream of vacancies.
-- Keyed by IIN without foreign keys into identity, like the rest of the exchange (see 0005).

CREATE TABLE exchange.profiles (
  seeker_iin           char(12) PRIMARY KEY CHECK (seeker_iin ~ '^\d{12}$'),
  education            jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(education) = 'array'),
  experience           jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(experience) = 'array'),
  skills               text[] NOT NULL DEFAULT '{}',
  languages            jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(languages) = 'array'),
  desired_occupations  text[] NOT NULL DEFAULT '{}',
  desired_wage         integer CHECK (desired_wage > 0),
  region_code          text REFERENCES reference.regions (code),
  district_code        text REFERENCES reference.kato (code),
  willing_to_relocate  boolean NOT NULL DEFAULT false,
  visibility           text NOT NULL CHECK (visibility IN ('private', 'officers', 'employers')),
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now(),
  CHECK (district_code IS NULL OR region_code IS NOT NULL)
);
COMMENT ON TABLE exchange.profiles IS 'a seeker''s CV, one per person; written only by the seeker';
COMMENT ON COLUMN exchange.profiles.education IS '[{"level": "none"|"secondary"|"vocational"|"higher"|"postgraduate", "field", "institution", "year"}]';
COMMENT ON COLUMN exchange.profiles.experience IS '[{"occupationCode": ISCO-08, "title", "employerName", "from": date, "to": date|null (current job)}]';
COMMENT ON COLUMN exchange.profiles.languages IS '[{"lang": "kk"|"ru"|"en", "level": "basic"|"intermediate"|"fluent"|"native"}]';
COMMENT ON COLUMN exchange.profiles.desired_occupations IS 'ISCO-08 codes (any level) the seeker wants to work in';
COMMENT ON COLUMN exchange.profiles.desired_wage IS 'monthly, before tax, in tenge; the match score compares it with a vacancy''s wage_max';
COMMENT ON COLUMN exchange.profiles.region_code IS 'where the seeker wants to work (may differ from the registered address)';
COMMENT ON COLUMN exchange.profiles.visibility IS 'private: the seeker only; officers: also employment-centre staff of the seeker''s region (audited); employers: also the employers of vacancies the seeker applied to (and officers)';

CREATE TABLE exchange.saved_searches (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  seeker_iin     char(12) NOT NULL CHECK (seeker_iin ~ '^\d{12}$'),
  name           text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  params         jsonb NOT NULL CHECK (jsonb_typeof(params) = 'object'),
  frequency      text NOT NULL CHECK (frequency IN ('instant', 'daily')),
  checked_until  timestamptz NOT NULL DEFAULT now(),
  created_at     timestamptz NOT NULL DEFAULT now()
);
COMMENT ON COLUMN exchange.saved_searches.params IS 'the search API''s query parameters (GET /api/vacancies), validated by its schema; no paging or sort';
COMMENT ON COLUMN exchange.saved_searches.checked_until IS 'the alert job''s watermark: vacancies published before it were already considered';
CREATE INDEX saved_searches_seeker_idx ON exchange.saved_searches (seeker_iin, id);
CREATE INDEX saved_searches_due_idx ON exchange.saved_searches (checked_until, id);

CREATE TABLE exchange.notifications (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  recipient_iin  char(12) NOT NULL CHECK (recipient_iin ~ '^\d{12}$'),
  kind           text NOT NULL,
  payload        jsonb NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now(),
  read_at        timestamptz
);
COMMENT ON COLUMN exchange.notifications.kind IS 'saved_search.match | application.moved';
CREATE INDEX notifications_recipient_idx ON exchange.notifications (recipient_iin, id DESC);

-- One row per (saved search, vacancy) ever alerted: the job's windows overlap on purpose (a vacancy whose
-- transaction commits late is not missed), and this key makes the overlap harmless.
CREATE TABLE exchange.alert_deliveries (
  saved_search_id  bigint NOT NULL REFERENCES exchange.saved_searches (id) ON DELETE CASCADE,
  vacancy_id       bigint NOT NULL REFERENCES exchange.vacancies (id),
  notification_id  bigint NOT NULL REFERENCES exchange.notifications (id),
  PRIMARY KEY (saved_search_id, vacancy_id)
);

CREATE TABLE exchange.email_outbox (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  recipient_iin  char(12) NOT NULL CHECK (recipient_iin ~ '^\d{12}$'),
  to_address     text,
  subject        text NOT NULL,
  body           text NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now(),
  sent_at        timestamptz
);
COMMENT ON COLUMN exchange.email_outbox.to_address IS 'the address, when known; identity stores no e-mail yet, so the sender resolves it from recipient_iin';
CREATE INDEX email_outbox_pending_idx ON exchange.email_outbox (id) WHERE sent_at IS NULL;

-- The open-data change stream pages by (updated_at, id) over everything that was ever public.
CREATE INDEX vacancies_feed_idx ON exchange.vacancies (updated_at, id) WHERE published_at IS NOT NULL;
