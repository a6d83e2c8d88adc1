-- One truth for "which national project does this vacancy belong to". Until now it was kept twice and the two
-- disagreed: exchange.vacancies.project_id (typed freely by the employer in the vacancy API, never checked, read by
-- the public search filter `project`) and projects.project_vacancies (attached by the project's contractor through
-- POST /api/projects/:id/vacancies, read by the projects' counts).
--
-- From now on the link table is the record and the projects module owns its rule (only the project's contractor
-- attaches its own vacancy; a vacancy belongs to at most one project). exchange.vacancies.project_id is the
-- exchange's copy of it, written only by the exchange's setVacancyProject, which the projects module calls in the
-- transaction that links or unlinks, so search, the vacancy page, the feed and the counts read the same answer. The
-- vacancy API no longer takes projectId. A deferred constraint trigger below refuses any commit that leaves the two
-- apart.
--
-- Bringing the existing data into agreement, the link table wins because it is the only one whose rows were checked:
--   1. a project_id the employer typed that the rule would have allowed (the project exists, its contractor is the
--      vacancy's employer, the vacancy has no link yet) is adopted as a link (linked_by null: nobody attached it
--      through the projects module), so a contractor who used the old field keeps its vacancy in the project;
--   2. every linked vacancy gets its link's project;
--   3. every other project_id (an unknown project, someone else's project) is cleared.
-- Rows that change get updated_at = now(), as any vacancy edit, so the search index and the change feed
-- (/api/vacancies/feed) carry the correction to their readers. The file is safe to run twice: its test
-- (src/modules/projects/vacancy-link.test.ts) runs it again over data made to disagree.

ALTER TABLE projects.project_vacancies ALTER COLUMN linked_by DROP NOT NULL;
COMMENT ON COLUMN projects.project_vacancies.linked_by IS
  'account id of the contractor''s employer account that attached it; null = adopted by migration 0022 from the project_id the employer had set on the vacancy itself';

INSERT INTO projects.project_vacancies (vacancy_id, project_id, linked_by)
SELECT v.id, v.project_id, NULL
FROM exchange.vacancies v JOIN projects.projects p ON p.id = v.project_id AND p.contractor_bin = v.employer_bin
WHERE NOT EXISTS (SELECT 1 FROM projects.project_vacancies pv WHERE pv.vacancy_id = v.id);

UPDATE exchange.vacancies v SET project_id = pv.project_id, updated_at = now()
FROM projects.project_vacancies pv
WHERE pv.vacancy_id = v.id AND v.project_id IS DISTINCT FROM pv.project_id;

UPDATE exchange.vacancies v SET project_id = NULL, updated_at = now()
WHERE v.project_id IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM projects.project_vacancies pv WHERE pv.vacancy_id = v.id);

COMMENT ON COLUMN exchange.vacancies.project_id IS
  'the national project the vacancy is attached to: the exchange''s copy of projects.project_vacancies, written only by setVacancyProject (exchange index.ts) in the projects module''s link/unlink transaction; never by the vacancy API';

-- The published contract gains the project, so other modules can read the exchange's side of the link.
CREATE OR REPLACE VIEW exchange.vacancy_facts AS
  SELECT id AS vacancy_id, employer_bin, employer_name, title, occupation_code, employment_type, region_code,
         district_code, positions, positions_filled AS hires, state, published_at, expires_at, created_at, project_id
  FROM exchange.vacancies;
COMMENT ON VIEW exchange.vacancy_facts IS 'exchange''s published contract: one row per vacancy; hires = positions filled; project_id = the project it is attached to (projects.project_vacancies)';

-- At commit, each vacancy whose link was added, moved or removed must carry the same project in the exchange. It
-- reads the published view (projects may depend on exchange, never the reverse), so it guards the projects side: a
-- link written without setVacancyProject. The exchange side has one writer of project_id, setVacancyProject.
CREATE OR REPLACE FUNCTION projects.check_vacancy_link() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  vid bigint;
  linked bigint;
  recorded bigint;
BEGIN
  FOREACH vid IN ARRAY (CASE TG_OP WHEN 'INSERT' THEN ARRAY[NEW.vacancy_id] WHEN 'DELETE' THEN ARRAY[OLD.vacancy_id]
                                   ELSE ARRAY[OLD.vacancy_id, NEW.vacancy_id] END) LOOP
    SELECT project_id INTO linked FROM projects.project_vacancies WHERE vacancy_id = vid;
    SELECT project_id INTO recorded FROM exchange.vacancy_facts WHERE vacancy_id = vid;
    IF FOUND AND linked IS DISTINCT FROM recorded THEN
      RAISE EXCEPTION 'vacancy % is attached to project % in projects.project_vacancies but exchange.vacancies.project_id is %',
        vid, coalesce(linked::text, 'none'), coalesce(recorded::text, 'none')
        USING ERRCODE = 'integrity_constraint_violation',
              HINT = 'link and unlink through the projects module, which calls the exchange''s setVacancyProject in the same transaction';
    END IF;
  END LOOP;
  RETURN NULL;
END
$$;
COMMENT ON FUNCTION projects.check_vacancy_link IS 'refuses a commit that leaves projects.project_vacancies and exchange.vacancy_facts.project_id apart for a vacancy';

DROP TRIGGER IF EXISTS project_vacancies_agree_with_exchange ON projects.project_vacancies;
CREATE CONSTRAINT TRIGGER project_vacancies_agree_with_exchange
  AFTER INSERT OR UPDATE OR DELETE ON projects.project_vacancies
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION projects.check_vacancy_link();

-- Adopted links count at once.
SELECT projects.recount_projects(NULL);
