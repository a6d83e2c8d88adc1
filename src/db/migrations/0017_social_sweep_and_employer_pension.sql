-- Social, second step: income batches get a heartbeat so the abandoned-batch sweeper can fail the ones whose
-- process died (as registry.batches do), and the employer pension contribution gets its birth-year condition
-- as a dated parameter (FACTS.md: "for workers born from 1975", marked check).

ALTER TABLE social.income_batches ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
COMMENT ON COLUMN social.income_batches.updated_at IS 'heartbeat: touched every 10 s outside the load''s transaction; a received batch silent for 2 minutes is failed by the sweeper (nothing from it was applied)';
CREATE INDEX income_batches_open_idx ON social.income_batches (updated_at) WHERE state = 'received';

-- A birth year is neither money nor a ratio: the unit list gains 'year'.
ALTER TABLE reference.parameters DROP CONSTRAINT parameters_unit_check;
ALTER TABLE reference.parameters ADD CONSTRAINT parameters_unit_check
  CHECK (unit IN ('KZT', 'ratio', 'MCI', 'MW', 'days', 'months', 'ladder', 'year'));

INSERT INTO reference.parameters (key, valid_from, value, value_json, unit, is_verified, source, note) VALUES
  ('pension_employer_born_from_year', '2024-01-01', 1975, NULL, 'year', false, 'Social Code of the RK',
    'the employer pension contribution is due only for workers born on or after 1 January of this year (check)');
