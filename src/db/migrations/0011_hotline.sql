-- The hotline: reports of envelope wages, unpaid pension contributions and missing labour contracts, routed to
-- the region's inspectors (officers) and tracked to resolution with an SLA and outcomes.

INSERT INTO reference.parameters (key, valid_from, value, value_json, unit, is_verified, source, note) VALUES
  ('hotline_sla_working_days', '2018-01-01', 10, NULL, 'days', false, 'Law on the procedure for considering appeals (check)',
    'working days (Monday to Friday; public holidays not yet counted) from a report to its resolution');

CREATE SCHEMA IF NOT EXISTS hotline;

CREATE TABLE hotline.reports (
  id                      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  category                text NOT NULL CHECK (category IN ('envelope_wages', 'unpaid_pension', 'no_contract', 'other')),
  employer_bin            text CHECK (employer_bin ~ '^\d{12}$'),
  employer_name           text,
  region_code             text NOT NULL REFERENCES reference.regions (code),
  description             text NOT NULL,
  contact                 text,
  reporter_iin            text,
  is_anonymous            boolean NOT NULL,
  entered_by              bigint,
  status                  text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'assigned', 'inspecting', 'resolved', 'unfounded')),
  assigned_to             bigint,
  due_date                date NOT NULL,
  contracts_concluded     integer CHECK (contracts_concluded >= 0),
  contributions_recovered numeric(16, 2) CHECK (contributions_recovered >= 0),
  resolution_note         text,
  created_at              timestamptz NOT NULL DEFAULT now(),
  closed_at               timestamptz,
  CHECK (employer_bin IS NOT NULL OR employer_name IS NOT NULL),
  CHECK (NOT is_anonymous OR (reporter_iin IS NULL AND contact IS NULL))
);
COMMENT ON COLUMN hotline.reports.reporter_iin IS 'the signed-in reporter who did not ask for anonymity; shown only to the assigned inspector';
COMMENT ON COLUMN hotline.reports.contact IS 'optional contact of a non-anonymous reporter; shown only to the assigned inspector';
COMMENT ON COLUMN hotline.reports.due_date IS 'SLA: hotline_sla_working_days working days after the report';
CREATE INDEX reports_region_status_idx ON hotline.reports (region_code, status);
CREATE INDEX reports_employer_bin_idx ON hotline.reports (employer_bin) WHERE employer_bin IS NOT NULL;

CREATE TABLE hotline.report_events (
  report_id bigint NOT NULL REFERENCES hotline.reports (id),
  at        timestamptz NOT NULL DEFAULT now(),
  actor_id  bigint,
  status    text NOT NULL,
  note      text
);
CREATE INDEX report_events_report_idx ON hotline.report_events (report_id, at);
