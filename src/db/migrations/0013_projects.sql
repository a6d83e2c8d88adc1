-- National projects: national programmes → projects in a region (and district) with their sector, investment,
-- tender state and contractor, planned permanent and temporary jobs per year, and the contractor's exchange
-- vacancies linked to the project. Vacancies posted, people hired and jobs created are never stored here: they are
-- counted from the exchange's published views (exchange.vacancy_facts, exchange.application_facts) at read time.
-- Organisations are identified by BIN without a foreign key into identity (checked through identity's function).
CREATE SCHEMA IF NOT EXISTS projects;

CREATE TABLE projects.national_programmes (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code         text NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9-]{2,40}$'),
  name         text NOT NULL CHECK (length(name) BETWEEN 3 AND 300),
  description  text NOT NULL DEFAULT '' CHECK (length(description) <= 5000),
  created_at   timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE projects.national_programmes IS 'a national programme (national project) that regional projects belong to';

CREATE TABLE projects.projects (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  programme_id     bigint NOT NULL REFERENCES projects.national_programmes (id),
  title            text NOT NULL CHECK (length(title) BETWEEN 3 AND 300),
  region_code      text NOT NULL REFERENCES reference.regions (code),
  district_code    text REFERENCES reference.kato (code),
  sector           text NOT NULL CHECK (sector IN ('industry', 'energy', 'construction', 'transport', 'agriculture',
                                                   'mining', 'water', 'housing', 'social', 'tourism', 'digital', 'other')),
  investment       bigint NOT NULL CHECK (investment >= 0),
  tender_state     text NOT NULL CHECK (tender_state IN ('in_tender', 'contracted', 'under_way', 'done')),
  contractor_bin   char(12) CHECK (contractor_bin ~ '^\d{12}$'),
  contractor_name  text,
  starts_on        date NOT NULL,
  ends_on          date NOT NULL,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  CHECK (starts_on <= ends_on),
  CHECK (tender_state = 'in_tender' OR contractor_bin IS NOT NULL),
  CHECK ((contractor_bin IS NULL) = (contractor_name IS NULL)),
  CHECK (district_code IS NULL OR left(district_code, 2) = region_code)
);
COMMENT ON COLUMN projects.projects.investment IS 'planned investment in tenge (KZT)';
COMMENT ON COLUMN projects.projects.district_code IS 'level-2 KATO unit (district or city of regional significance) inside region_code; null = the region as a whole';
COMMENT ON COLUMN projects.projects.tender_state IS 'in_tender (no contractor yet, or not final) → contracted → under_way → done';
COMMENT ON COLUMN projects.projects.contractor_bin IS 'BIN of a registered organisation (identity); required once the tender is decided';
COMMENT ON COLUMN projects.projects.contractor_name IS 'the organisation''s name when it became contractor, for lists without a call per row';
CREATE INDEX projects_region_idx ON projects.projects (region_code, id);
CREATE INDEX projects_contractor_idx ON projects.projects (contractor_bin) WHERE contractor_bin IS NOT NULL;
CREATE INDEX projects_in_tender_idx ON projects.projects (region_code) WHERE tender_state = 'in_tender';

CREATE TABLE projects.planned_jobs (
  project_id  bigint NOT NULL REFERENCES projects.projects (id) ON DELETE CASCADE,
  year        smallint NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  permanent   integer NOT NULL CHECK (permanent >= 0),
  temporary   integer NOT NULL CHECK (temporary >= 0),
  PRIMARY KEY (project_id, year)
);
COMMENT ON TABLE projects.planned_jobs IS 'jobs the project plans to create in a calendar year; the plan, never the fact';
CREATE INDEX planned_jobs_year_idx ON projects.planned_jobs (year, project_id) INCLUDE (permanent, temporary);

CREATE TABLE projects.project_vacancies (
  vacancy_id    bigint PRIMARY KEY,
  project_id    bigint NOT NULL REFERENCES projects.projects (id) ON DELETE CASCADE,
  linked_by     bigint NOT NULL,
  linked_at     timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE projects.project_vacancies IS 'an exchange vacancy of the project''s contractor, attached by that contractor; a vacancy belongs to at most one project';
COMMENT ON COLUMN projects.project_vacancies.linked_by IS 'account id of the contractor''s employer account that attached it';
CREATE INDEX project_vacancies_project_idx ON projects.project_vacancies (project_id, vacancy_id);
