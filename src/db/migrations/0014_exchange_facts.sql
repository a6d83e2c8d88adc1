-- Published by the exchange module: the facts other modules may join set-wise (never the tables themselves),
-- like identity.person_facts. Read by projects (the job-creation map, the labour-market balance) and analytics.
CREATE VIEW exchange.vacancy_facts AS
  SELECT id AS vacancy_id, employer_bin, employer_name, title, occupation_code, employment_type, region_code,
         district_code, positions, positions_filled AS hires, state, published_at, expires_at, created_at
  FROM exchange.vacancies;
COMMENT ON VIEW exchange.vacancy_facts IS 'exchange''s published contract: one row per vacancy; hires = positions filled';

CREATE VIEW exchange.application_facts AS
  SELECT id AS application_id, vacancy_id, seeker_iin, state, created_at, updated_at AS state_at
  FROM exchange.applications;
COMMENT ON VIEW exchange.application_facts IS 'exchange''s published contract: one row per application, its current state and when it got there (hired is final, so state_at of a hire is the hire time)';

CREATE VIEW exchange.seeker_facts AS
  SELECT seeker_iin, region_code, desired_occupations, updated_at FROM exchange.profiles;
COMMENT ON VIEW exchange.seeker_facts IS 'exchange''s published contract: a seeker profile''s region and desired ISCO-08 occupations, no personal data beyond the IIN';

-- Hires of a set of vacancies in a period (the job-creation map) without reading every application.
CREATE INDEX applications_hired_idx ON exchange.applications (vacancy_id, updated_at) WHERE state = 'hired';
