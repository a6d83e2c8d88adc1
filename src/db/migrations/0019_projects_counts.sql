-- Counts the job-creation map, the project lists and the labour-market balance read, kept from the exchange's
-- published views (exchange.vacancy_facts, application_facts, seeker_facts) and identity.person_facts by the
-- functions below, never typed in: they are the only writers of these tables. Why: at 5,000 projects, 25,000 linked
-- vacancies and 300,000 applications the map joined ~22,500 vacancies and their hires at read time (0.5 s under
-- load, EXPLAIN in docs/decisions.md); now it reads one row per project.
--
-- Freshness: the job `projects-counts` recounts every project each minute (rows are written only where a count
-- changed); attaching or detaching a vacancy recounts its project in the same transaction. So a link or unlink shows
-- at once; a hire, a vacancy published, edited or closed shows after the next run (≤ 1 minute). The job
-- `projects-balance` recounts the balance every five minutes. `projects.count_runs` says when each was counted.

CREATE TABLE projects.project_counts (
  project_id  bigint PRIMARY KEY REFERENCES projects.projects (id) ON DELETE CASCADE,
  vacancies   integer NOT NULL CHECK (vacancies >= 0),
  positions   integer NOT NULL CHECK (positions >= 0),
  hires       integer NOT NULL CHECK (hires >= 0)
);
COMMENT ON TABLE projects.project_counts IS 'per project with linked vacancies: published linked vacancies, their positions, and positions filled on all linked vacancies; counted by projects.recount_projects from exchange.vacancy_facts, never typed in; no row = none';

CREATE TABLE projects.project_created_jobs (
  project_id  bigint NOT NULL REFERENCES projects.projects (id) ON DELETE CASCADE,
  year        smallint NOT NULL,
  permanent   integer NOT NULL CHECK (permanent >= 0),
  temporary   integer NOT NULL CHECK (temporary >= 0),
  PRIMARY KEY (project_id, year)
);
COMMENT ON TABLE projects.project_created_jobs IS 'jobs created: hires on the project''s linked vacancies by calendar year of the hire (UTC+5), permanent = permanent or remote vacancies, the rest temporary; counted by projects.recount_projects from exchange.application_facts, never typed in; no row = none';
CREATE INDEX project_created_jobs_year_idx ON projects.project_created_jobs (year, project_id) INCLUDE (permanent, temporary);

CREATE TABLE projects.balance_counts (
  region_code      text NOT NULL,
  occupation_code  text NOT NULL,
  vacancies        integer NOT NULL,
  open_positions   integer NOT NULL,
  seekers          integer NOT NULL,
  youth_seekers    integer NOT NULL,
  PRIMARY KEY (region_code, occupation_code)
);
COMMENT ON TABLE projects.balance_counts IS 'the labour-market balance by region and ISCO-08 unit group: open positions of vacancies open at count time against seeker profiles naming the occupation, youth (under youth_age at count time) apart; counted by projects.recount_balance, never typed in';

CREATE TABLE projects.count_runs (
  what        text PRIMARY KEY CHECK (what IN ('projects', 'balance')),
  counted_at  timestamptz NOT NULL
);
COMMENT ON TABLE projects.count_runs IS 'when the last full recount of each kind of counts ran';

-- Recounts the given projects (NULL = all) from the exchange's published views. Serialised by an advisory lock, so
-- a job and a link/unlink never interleave; writes only rows whose counts changed; returns the rows written.
CREATE FUNCTION projects.recount_projects(only_projects bigint[] DEFAULT NULL) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
  written integer;
  more integer;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('projects.recount_projects'));

  WITH fresh AS (
    SELECT pv.project_id,
           count(*) FILTER (WHERE v.published_at IS NOT NULL)::int AS vacancies,
           coalesce(sum(v.positions) FILTER (WHERE v.published_at IS NOT NULL), 0)::int AS positions,
           coalesce(sum(v.hires), 0)::int AS hires
    FROM projects.project_vacancies pv JOIN exchange.vacancy_facts v ON v.vacancy_id = pv.vacancy_id
    WHERE only_projects IS NULL OR pv.project_id = ANY (only_projects)
    GROUP BY pv.project_id
  ), gone AS (
    DELETE FROM projects.project_counts c
    WHERE (only_projects IS NULL OR c.project_id = ANY (only_projects))
      AND NOT EXISTS (SELECT 1 FROM fresh f WHERE f.project_id = c.project_id)
    RETURNING 1
  ), put AS (
    INSERT INTO projects.project_counts AS c (project_id, vacancies, positions, hires)
    SELECT project_id, vacancies, positions, hires FROM fresh
    ON CONFLICT (project_id) DO UPDATE
      SET vacancies = excluded.vacancies, positions = excluded.positions, hires = excluded.hires
      WHERE (c.vacancies, c.positions, c.hires) IS DISTINCT FROM (excluded.vacancies, excluded.positions, excluded.hires)
    RETURNING 1
  )
  SELECT (SELECT count(*) FROM gone) + (SELECT count(*) FROM put) INTO written;

  WITH fresh AS (
    SELECT pv.project_id, extract(year FROM a.state_at AT TIME ZONE INTERVAL '+05:00')::smallint AS year,
           count(*) FILTER (WHERE v.employment_type IN ('permanent', 'remote'))::int AS permanent,
           count(*) FILTER (WHERE v.employment_type NOT IN ('permanent', 'remote'))::int AS temporary
    FROM projects.project_vacancies pv
    JOIN exchange.vacancy_facts v ON v.vacancy_id = pv.vacancy_id
    JOIN exchange.application_facts a ON a.vacancy_id = pv.vacancy_id AND a.state = 'hired'
    WHERE only_projects IS NULL OR pv.project_id = ANY (only_projects)
    GROUP BY 1, 2
  ), gone AS (
    DELETE FROM projects.project_created_jobs c
    WHERE (only_projects IS NULL OR c.project_id = ANY (only_projects))
      AND NOT EXISTS (SELECT 1 FROM fresh f WHERE f.project_id = c.project_id AND f.year = c.year)
    RETURNING 1
  ), put AS (
    INSERT INTO projects.project_created_jobs AS c (project_id, year, permanent, temporary)
    SELECT project_id, year, permanent, temporary FROM fresh
    ON CONFLICT (project_id, year) DO UPDATE
      SET permanent = excluded.permanent, temporary = excluded.temporary
      WHERE (c.permanent, c.temporary) IS DISTINCT FROM (excluded.permanent, excluded.temporary)
    RETURNING 1
  )
  SELECT (SELECT count(*) FROM gone) + (SELECT count(*) FROM put) INTO more;

  IF only_projects IS NULL THEN
    INSERT INTO projects.count_runs (what, counted_at) VALUES ('projects', now())
    ON CONFLICT (what) DO UPDATE SET counted_at = excluded.counted_at;
  END IF;
  RETURN written + more;
END
$$;
COMMENT ON FUNCTION projects.recount_projects IS 'recounts project_counts and project_created_jobs of the given projects (NULL = all) from the exchange''s published views';

-- Recounts the whole labour-market balance: vacancies open now (published, not expired: positions − hires) against
-- seeker profiles naming the occupation (the profile's region, else the person's registered region), a seeker
-- counted once per region and occupation; youth = born less than youth_age years before today.
CREATE FUNCTION projects.recount_balance(youth_age integer) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
  written integer;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('projects.recount_balance'));
  DELETE FROM projects.balance_counts;
  WITH vac AS (
    SELECT v.region_code, left(v.occupation_code, 4) AS occupation_code, count(*)::int AS vacancies,
           sum(v.positions - v.hires)::int AS open_positions
    FROM exchange.vacancy_facts v
    WHERE v.state = 'published' AND v.expires_at > now()
    GROUP BY 1, 2
  ), seek AS (
    SELECT coalesce(s.region_code, p.region_code) AS region_code, o.code AS occupation_code, count(*)::int AS seekers,
           count(*) FILTER (WHERE p.birth_date > current_date - make_interval(years => youth_age))::int AS youth_seekers
    FROM exchange.seeker_facts s
    CROSS JOIN LATERAL (SELECT DISTINCT left(c, 4) AS code FROM unnest(s.desired_occupations) AS c WHERE length(c) = 4) o
    LEFT JOIN identity.person_facts p ON p.iin = s.seeker_iin
    WHERE coalesce(s.region_code, p.region_code) IS NOT NULL
    GROUP BY 1, 2
  )
  INSERT INTO projects.balance_counts (region_code, occupation_code, vacancies, open_positions, seekers, youth_seekers)
  SELECT coalesce(vac.region_code, seek.region_code), coalesce(vac.occupation_code, seek.occupation_code),
         coalesce(vac.vacancies, 0), greatest(coalesce(vac.open_positions, 0), 0),
         coalesce(seek.seekers, 0), coalesce(seek.youth_seekers, 0)
  FROM vac FULL JOIN seek ON seek.region_code = vac.region_code AND seek.occupation_code = vac.occupation_code;
  GET DIAGNOSTICS written = ROW_COUNT;
  INSERT INTO projects.count_runs (what, counted_at) VALUES ('balance', now())
  ON CONFLICT (what) DO UPDATE SET counted_at = excluded.counted_at;
  RETURN written;
END
$$;
COMMENT ON FUNCTION projects.recount_balance IS 'recounts projects.balance_counts from the exchange''s published views and identity.person_facts';

SELECT projects.recount_projects(NULL);
SELECT projects.recount_balance(35);
