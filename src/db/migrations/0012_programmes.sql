-- State support programmes: the programmes as data (target groups, eligibility rules, duration, the dated amount
-- they pay), per-region yearly plans (places and budget in ₸) whose totals are a ledger, enrolments under
-- maker-checker (an officer proposes, a manager of the region decides), flags officers record (disability, large
-- family), and an outbox of status events for the registry channel `programs`.

-- What a place costs, as dated parameters (FACTS.md: a value the law changes is data). Amounts are stated in
-- minimum wages or MCIs so they follow the budget law; none is verified against the 2026 programme rules yet.
INSERT INTO reference.parameters (key, valid_from, value, value_json, unit, is_verified, source, note) VALUES
  ('programme_subsidised_jobs_monthly', '2024-01-01', 0.5, NULL, 'MW', false, 'Rules of the Productive Employment programme',
    'wage subsidy per month of a subsidised job for a target-group seeker (check)'),
  ('programme_social_workplaces_monthly', '2024-01-01', 0.35, NULL, 'MW', false, 'Rules of the Productive Employment programme',
    'employer''s wage subsidy per month of a social workplace (check: 35% of the wage)'),
  ('programme_youth_practice_monthly', '2024-01-01', 30, NULL, 'MCI', false, 'Rules of the Productive Employment programme',
    'youth practice wage paid from the budget per month (check)'),
  ('programme_public_works_monthly', '2024-01-01', 1, NULL, 'MW', false, 'Rules of the Productive Employment programme',
    'public works wage per month, at least one minimum wage (check)'),
  ('programme_short_training_once', '2024-01-01', 40, NULL, 'MCI', false, 'Rules of the Productive Employment programme',
    'cost of a short-term training course per person (check)'),
  ('programme_retraining_once', '2024-01-01', 80, NULL, 'MCI', false, 'Rules of the Productive Employment programme',
    'cost of a retraining course per person (check)'),
  ('programme_entrepreneurship_grant_once', '2024-01-01', 400, NULL, 'MCI', false, 'Rules of the Productive Employment programme',
    'grant for a new business idea, up to 400 MCI (check)');

-- The registry channel `programs` (0004) also asserts the start of a subsidised job and the return to a registered
-- seeker when a public-works, practice or training enrolment ends.
UPDATE registry.channels
SET allowed_statuses = ARRAY['temporarily_employed', 'in_training', 'entrepreneur', 'employed_contract', 'unemployed_registered']
WHERE code = 'programs';

CREATE SCHEMA IF NOT EXISTS programmes;

CREATE TABLE programmes.programmes (
  code               text PRIMARY KEY CHECK (code ~ '^[a-z_]+$'),
  name_kk            text NOT NULL,
  name_ru            text NOT NULL,
  name_en            text NOT NULL,
  target_group_en    text NOT NULL,
  rules              jsonb NOT NULL,
  duration_months    smallint NOT NULL CHECK (duration_months BETWEEN 1 AND 36),
  payment            text NOT NULL CHECK (payment IN ('monthly', 'once')),
  parameter_key      text NOT NULL,
  status_on_start    text REFERENCES reference.status_categories (code),
  status_on_exit     text REFERENCES reference.status_categories (code),
  sort_order         smallint NOT NULL
);
COMMENT ON COLUMN programmes.programmes.rules IS '{minAge, maxAge, statuses (current registry status; "x_*" matches a prefix), flagsAnyOf}; null or [] = rule not applied. The person must live in the plan''s region';
COMMENT ON COLUMN programmes.programmes.parameter_key IS 'reference.parameters key of the amount (MW or MCI): per month for payment=monthly, once for payment=once';
COMMENT ON COLUMN programmes.programmes.status_on_start IS 'registry status asserted through channel programs when an approved enrolment starts';
COMMENT ON COLUMN programmes.programmes.status_on_exit IS 'registry status asserted when the enrolment is completed or dropped (back to a registered seeker); null = no change';

INSERT INTO programmes.programmes
  (code, name_kk, name_ru, name_en, target_group_en, rules, duration_months, payment, parameter_key, status_on_start, status_on_exit, sort_order)
VALUES
  ('subsidised_jobs', 'Субсидияланатын жұмыс орындары', 'Субсидируемые рабочие места', 'Subsidised jobs',
    'registered job seekers aged 18–63',
    '{"minAge": 18, "maxAge": 63, "statuses": ["unemployed_registered"], "flagsAnyOf": []}', 12, 'monthly',
    'programme_subsidised_jobs_monthly', 'employed_contract', NULL, 1),
  ('social_workplaces', 'Әлеуметтік жұмыс орындары', 'Социальные рабочие места', 'Social workplaces',
    'unemployed people with a disability, from a large family, single parents or near retirement',
    '{"minAge": 18, "maxAge": 63, "statuses": ["unemployed_*"], "flagsAnyOf": ["disability", "large_family", "single_parent", "pre_retirement"]}',
    12, 'monthly', 'programme_social_workplaces_monthly', 'temporarily_employed', 'unemployed_registered', 2),
  ('youth_practice', 'Жастар практикасы', 'Молодёжная практика', 'Youth practice',
    'unemployed young people aged 18–35',
    '{"minAge": 18, "maxAge": 35, "statuses": ["unemployed_*", "student"], "flagsAnyOf": []}', 6, 'monthly',
    'programme_youth_practice_monthly', 'temporarily_employed', 'unemployed_registered', 3),
  ('public_works', 'Қоғамдық жұмыстар', 'Общественные работы', 'Public works',
    'unemployed people aged 18–63',
    '{"minAge": 18, "maxAge": 63, "statuses": ["unemployed_*"], "flagsAnyOf": []}', 3, 'monthly',
    'programme_public_works_monthly', 'temporarily_employed', 'unemployed_registered', 4),
  ('short_training', 'Қысқа мерзімді оқыту', 'Краткосрочное обучение', 'Short-term training',
    'unemployed people and platform workers aged 18–63',
    '{"minAge": 18, "maxAge": 63, "statuses": ["unemployed_*", "platform_worker", "self_employed"], "flagsAnyOf": []}', 3, 'once',
    'programme_short_training_once', 'in_training', 'unemployed_registered', 5),
  ('retraining', 'Қайта даярлау', 'Переподготовка', 'Retraining',
    'unemployed people and the informally employed aged 18–63',
    '{"minAge": 18, "maxAge": 63, "statuses": ["unemployed_*", "home_worker_no_contract", "self_employed"], "flagsAnyOf": []}', 6, 'once',
    'programme_retraining_once', 'in_training', 'unemployed_registered', 6),
  ('entrepreneurship_grant', 'Кәсіпкерлікке грант', 'Грант на предпринимательство', 'Entrepreneurship grant',
    'unemployed and self-employed people aged 18 and over',
    '{"minAge": 18, "maxAge": null, "statuses": ["unemployed_*", "self_employed", "subsidiary_farm"], "flagsAnyOf": []}', 12, 'once',
    'programme_entrepreneurship_grant_once', 'entrepreneur', NULL, 7);

-- Facts the registry does not hold, recorded by an officer (audited in audit.log with the officer's purpose).
CREATE TABLE programmes.person_flags (
  iin          char(12) NOT NULL CHECK (iin ~ '^\d{12}$'),
  flag         text NOT NULL CHECK (flag IN ('disability', 'large_family', 'single_parent', 'pre_retirement')),
  recorded_by  bigint NOT NULL,
  recorded_at  timestamptz NOT NULL DEFAULT now(),
  note         text,
  PRIMARY KEY (iin, flag)
);
COMMENT ON TABLE programmes.person_flags IS 'target-group facts recorded by an officer from a document seen; each recording is audited';

-- A region's plan for one programme and year, and its ledger totals. The totals move only under this row's lock
-- in the transaction that writes the ledger entry; the CHECKs are the last line should a bug try otherwise.
CREATE TABLE programmes.plans (
  id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  region_code       text NOT NULL REFERENCES reference.regions (code),
  year              smallint NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  programme_code    text NOT NULL REFERENCES programmes.programmes (code),
  places            integer NOT NULL CHECK (places >= 0),
  budget            numeric(16, 2) NOT NULL CHECK (budget >= 0),
  places_committed  integer NOT NULL DEFAULT 0 CHECK (places_committed >= 0),
  places_spent      integer NOT NULL DEFAULT 0 CHECK (places_spent >= 0),
  budget_committed  numeric(16, 2) NOT NULL DEFAULT 0 CHECK (budget_committed >= 0),
  budget_spent      numeric(16, 2) NOT NULL DEFAULT 0 CHECK (budget_spent >= 0),
  people_enrolled   integer NOT NULL DEFAULT 0,
  people_completed  integer NOT NULL DEFAULT 0,
  people_dropped    integer NOT NULL DEFAULT 0,
  followed_up       integer NOT NULL DEFAULT 0,
  employed_after_6m integer NOT NULL DEFAULT 0,
  set_by            bigint NOT NULL,
  updated_at        timestamptz NOT NULL DEFAULT now(),
  UNIQUE (region_code, year, programme_code),
  CHECK (places_committed + places_spent <= places),
  CHECK (budget_committed + budget_spent <= budget)
);
CREATE INDEX plans_year_idx ON programmes.plans (year, region_code);
COMMENT ON COLUMN programmes.plans.places_committed IS 'places held by active enrolments; a completion moves the place to places_spent, a drop releases it';
COMMENT ON COLUMN programmes.plans.budget_committed IS 'money reserved for active enrolments; a completion spends it, a drop spends the months served and releases the rest';
COMMENT ON COLUMN programmes.plans.followed_up IS 'completions whose six-month follow-up date has passed and was read from the registry';
COMMENT ON COLUMN programmes.plans.employed_after_6m IS 'of those, employed or self-employed six months after completion (registry status history)';

CREATE TABLE programmes.enrolments (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  plan_id          bigint NOT NULL REFERENCES programmes.plans (id),
  programme_code   text NOT NULL REFERENCES programmes.programmes (code),
  region_code      text NOT NULL,
  year             smallint NOT NULL,
  iin              char(12) NOT NULL CHECK (iin ~ '^\d{12}$'),
  start_date       date NOT NULL,
  end_date         date NOT NULL,
  state            text NOT NULL DEFAULT 'proposed' CHECK (state IN ('proposed', 'refused', 'active', 'completed', 'dropped')),
  cost             numeric(14, 2) NOT NULL CHECK (cost >= 0),
  parameters       jsonb NOT NULL,
  eligibility      jsonb NOT NULL,
  purpose          text NOT NULL,
  proposed_by      bigint NOT NULL,
  proposed_at      timestamptz NOT NULL DEFAULT now(),
  decided_by       bigint,
  decided_at       timestamptz,
  refusal_reason   text,
  exit_date        date,
  exit_reason      text,
  spent            numeric(14, 2),
  followup_date    date,
  followup_status  text,
  followup_group   text,
  CHECK (decided_by IS NULL OR decided_by <> proposed_by),
  CHECK (state <> 'refused' OR (refusal_reason IS NOT NULL AND decided_by IS NOT NULL)),
  CHECK (state IN ('proposed', 'refused') OR decided_by IS NOT NULL),
  CHECK (end_date > start_date)
);
COMMENT ON COLUMN programmes.enrolments.decided_by IS 'the manager who approved or refused; never the proposer (maker-checker)';
COMMENT ON COLUMN programmes.enrolments.parameters IS 'the dated parameters the cost was computed from: [{key, validFrom, value, unit}]';
COMMENT ON COLUMN programmes.enrolments.eligibility IS 'the facts and rules checked at the proposal, as shown to the officer';
COMMENT ON COLUMN programmes.enrolments.followup_status IS 'registry status on followup_date (completion + 6 months); null until the follow-up job has read it';
-- One place per person, programme and year: a refused proposal does not block a new one.
CREATE UNIQUE INDEX enrolments_person_idx ON programmes.enrolments (iin, programme_code, year) WHERE state <> 'refused';
CREATE INDEX enrolments_region_idx ON programmes.enrolments (region_code, year, id DESC);
CREATE INDEX enrolments_region_state_idx ON programmes.enrolments (region_code, year, state, id DESC);
CREATE INDEX enrolments_followup_idx ON programmes.enrolments (followup_date) WHERE state = 'completed' AND followup_status IS NULL;

CREATE TABLE programmes.ledger (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  plan_id       bigint NOT NULL REFERENCES programmes.plans (id),
  enrolment_id  bigint NOT NULL REFERENCES programmes.enrolments (id),
  entry         text NOT NULL CHECK (entry IN ('commit', 'spend', 'release')),
  places        smallint NOT NULL,
  amount        numeric(14, 2) NOT NULL,
  actor_id      bigint NOT NULL,
  at            timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ledger_plan_idx ON programmes.ledger (plan_id, id);
COMMENT ON TABLE programmes.ledger IS 'append-only movements of places and money: commit on approval, spend on completion (or the months served on a drop), release of the rest';

CREATE TABLE programmes.outbox (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  iin           char(12) NOT NULL,
  payload       jsonb NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  processed_at  timestamptz
);
COMMENT ON TABLE programmes.outbox IS 'status events for the registry (channel programs), written in the transaction that started or ended an enrolment';
COMMENT ON COLUMN programmes.outbox.payload IS '{status, validFrom, idempotencyKey, enrolmentId}';
CREATE INDEX outbox_pending_idx ON programmes.outbox (id) WHERE processed_at IS NULL;
