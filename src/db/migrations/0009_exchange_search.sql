-- The in-memory search index (src/modules/exchange/search-index.*) asks before every search for the vacancies
-- changed since the newest change it has seen; this makes that question an index range scan, not a table scan.
CREATE INDEX vacancies_updated_idx ON exchange.vacancies (updated_at);
