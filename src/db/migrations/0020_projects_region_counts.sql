-- The job-creation map by region, rolled up from the per-project counts (0019) and the projects' own plan, so the
-- map reads 20 rows instead of aggregating 5,000 projects on every read (20–40 ms of CPU at load 12 on 2 cores,
-- measured with EXPLAIN ANALYZE; docs/decisions.md). Recounted, never typed in, and never adjusted by deltas:
--   * by projects.recount_projects, for the regions of the projects it recounted (all of them in the job);
--   * by projects.recount_regions in the same transaction as a project's creation or edit (old and new region).
-- All of these take the same advisory lock first, so two writers never recount a region from different snapshots.

CREATE TABLE projects.region_counts (
  region_code  text PRIMARY KEY,
  projects     integer NOT NULL,
  in_tender    integer NOT NULL,
  vacancies    integer NOT NULL,
  hires        integer NOT NULL
);
COMMENT ON TABLE projects.region_counts IS 'per region: projects, projects in tender, and the sum of project_counts; recounted by projects.recount_regions; no row = no projects';

CREATE TABLE projects.region_year_jobs (
  region_code        text NOT NULL,
  year               smallint NOT NULL,
  planned_permanent  integer NOT NULL,
  planned_temporary  integer NOT NULL,
  created_permanent  integer NOT NULL,
  created_temporary  integer NOT NULL,
  PRIMARY KEY (region_code, year)
);
COMMENT ON TABLE projects.region_year_jobs IS 'per region and year: planned jobs (projects.planned_jobs) and jobs created (projects.project_created_jobs) of the region''s projects; recounted by projects.recount_regions';

-- Recounts the given regions (NULL = all) from projects, planned_jobs, project_counts and project_created_jobs.
CREATE FUNCTION projects.recount_regions(only_regions text[] DEFAULT NULL) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('projects.recount_projects'));
  DELETE FROM projects.region_counts WHERE only_regions IS NULL OR region_code = ANY (only_regions);
  INSERT INTO projects.region_counts (region_code, projects, in_tender, vacancies, hires)
  SELECT p.region_code, count(*), count(*) FILTER (WHERE p.tender_state = 'in_tender'),
         coalesce(sum(c.vacancies), 0), coalesce(sum(c.hires), 0)
  FROM projects.projects p LEFT JOIN projects.project_counts c ON c.project_id = p.id
  WHERE only_regions IS NULL OR p.region_code = ANY (only_regions)
  GROUP BY p.region_code;

  DELETE FROM projects.region_year_jobs WHERE only_regions IS NULL OR region_code = ANY (only_regions);
  INSERT INTO projects.region_year_jobs (region_code, year, planned_permanent, planned_temporary, created_permanent,
                                         created_temporary)
  SELECT region_code, year, sum(pp), sum(pt), sum(cp), sum(ct)
  FROM (
    SELECT p.region_code, j.year, j.permanent AS pp, j.temporary AS pt, 0 AS cp, 0 AS ct
    FROM projects.projects p JOIN projects.planned_jobs j ON j.project_id = p.id
    WHERE only_regions IS NULL OR p.region_code = ANY (only_regions)
    UNION ALL
    SELECT p.region_code, cj.year, 0, 0, cj.permanent, cj.temporary
    FROM projects.projects p JOIN projects.project_created_jobs cj ON cj.project_id = p.id
    WHERE only_regions IS NULL OR p.region_code = ANY (only_regions)
  ) AS jobs
  GROUP BY region_code, year;
END
$$;
COMMENT ON FUNCTION projects.recount_regions IS 'recounts region_counts and region_year_jobs of the given regions (NULL = all)';

-- recount_projects (0019) now ends by recounting the regions of the projects it recounted.
CREATE OR REPLACE FUNCTION projects.recount_projects(only_projects bigint[] DEFAULT NULL) RETURNS integer
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
    PERFORM projects.recount_regions(NULL);
    INSERT INTO projects.count_runs (what, counted_at) VALUES ('projects', now())
    ON CONFLICT (what) DO UPDATE SET counted_at = excluded.counted_at;
  ELSE
    PERFORM projects.recount_regions(ARRAY(SELECT DISTINCT region_code FROM projects.projects
                                           WHERE id = ANY (only_projects)));
  END IF;
  RETURN written + more;
END
$$;

SELECT projects.recount_regions(NULL);
