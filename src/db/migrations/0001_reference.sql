-- Reference data: territory (KATO), occupations (ISCO-08), status categories, dated parameters.
-- Rows of regions, KATO and occupations are loaded from refdata/ by the reference loader after migrations;
-- status categories and parameters are facts of law kept here, reviewable in one place.
CREATE SCHEMA IF NOT EXISTS reference;

CREATE TABLE reference.regions (
  code        text PRIMARY KEY CHECK (code ~ '^\d{2}$'),
  iso         text NOT NULL UNIQUE,
  kato        text NOT NULL UNIQUE CHECK (kato ~ '^\d{9}$'),
  type        text NOT NULL CHECK (type IN ('region', 'city')),
  name_kk     text NOT NULL,
  name_ru     text NOT NULL,
  name_en     text NOT NULL,
  center_en   text NOT NULL,
  center_kk   text NOT NULL,
  center_ru   text NOT NULL
);
COMMENT ON COLUMN reference.regions.code IS 'ISO 3166-2:KZ numeric code, which is also the KATO region prefix (10 … 79)';

CREATE TABLE reference.kato (
  code        text PRIMARY KEY CHECK (code ~ '^\d{9}$'),
  parent_code text REFERENCES reference.kato (code),
  region_code text NOT NULL REFERENCES reference.regions (code),
  level       smallint NOT NULL CHECK (level BETWEEN 1 AND 5),
  type        text,
  name_ru     text NOT NULL,
  name_kk     text,
  valid_from  date NOT NULL DEFAULT DATE '2022-10-17',
  valid_to    date
);
COMMENT ON COLUMN reference.kato.valid_from IS 'KATO changes over time; the shipped snapshot is of 17.10.2022';
COMMENT ON COLUMN reference.kato.type IS 'level 1: region | city; level 2: district | city_admin | city_district; deeper levels: null';
CREATE INDEX kato_parent_idx ON reference.kato (parent_code);
CREATE INDEX kato_region_level_idx ON reference.kato (region_code, level);

CREATE TABLE reference.occupations (
  code        text PRIMARY KEY CHECK (code ~ '^\d{1,4}$'),
  level       smallint NOT NULL CHECK (level BETWEEN 1 AND 4),
  parent_code text REFERENCES reference.occupations (code),
  title_en    text NOT NULL,
  title_ru    text,
  title_kk    text
);
COMMENT ON TABLE reference.occupations IS 'ISCO-08 (International Labour Organization); NK RK 01-2017 builds on its unit groups';
COMMENT ON COLUMN reference.occupations.title_ru IS 'null until an official ru/kk source is imported (no open machine-readable one was found)';

CREATE TABLE reference.status_categories (
  code        text PRIMARY KEY,
  status_group text NOT NULL CHECK (status_group IN ('employed', 'self_employed', 'informal', 'unemployed', 'inactive', 'away')),
  name_kk     text NOT NULL,
  name_ru     text NOT NULL,
  name_en     text NOT NULL,
  sort_order  smallint NOT NULL
);

INSERT INTO reference.status_categories (code, status_group, name_kk, name_ru, name_en, sort_order) VALUES
  ('employed_contract', 'employed', 'Еңбек шарты бойынша жалдамалы жұмыскер', 'Наёмный работник по трудовому договору', 'Hired under a labour contract', 1),
  ('domestic_worker', 'employed', 'Шарт бойынша үй жұмыскері', 'Домашний работник по договору', 'Domestic worker under contract', 2),
  ('foreign_employer', 'employed', 'Шетелдік кәсіпорында жұмыс істейді', 'Работает на иностранном предприятии', 'Working for a foreign enterprise', 3),
  ('temporarily_employed', 'employed', 'Уақытша жұмыспен қамтылған (қоғамдық жұмыстар, әлеуметтік жұмыс орны, жастар практикасы)', 'Временно занятый (общественные работы, социальное рабочее место, молодёжная практика)', 'Temporarily employed (public works, social workplace, youth practice)', 4),
  ('entrepreneur', 'self_employed', 'Жеке кәсіпкер', 'Индивидуальный предприниматель', 'Registered individual entrepreneur', 5),
  ('self_employed', 'self_employed', 'Жеке негізде өзін-өзі жұмыспен қамтыған', 'Самозанятый на личной основе', 'Self-employed on a personal basis', 6),
  ('platform_worker', 'self_employed', 'Платформалық жұмыскер', 'Платформенный работник', 'Platform (gig) worker', 7),
  ('subsidiary_farm', 'self_employed', 'Жеке қосалқы шаруашылықта жұмыс істейді', 'Занят в личном подсобном хозяйстве', 'Working on a personal subsidiary farm', 8),
  ('home_worker_no_contract', 'informal', 'Шартсыз үйде жұмыс істейді', 'Работает на дому без договора', 'Working at home without a contract', 9),
  ('unemployed_registered', 'unemployed', 'Тіркелген жұмыссыз / жұмыс іздеуші', 'Зарегистрированный безработный / ищущий работу', 'Registered job seeker / unemployed', 10),
  ('unemployed_unregistered', 'unemployed', 'Тіркелмеген жұмыссыз', 'Незарегистрированный безработный', 'Unemployed, not registered', 11),
  ('student', 'inactive', 'Студент', 'Студент', 'Student', 12),
  ('schoolchild', 'inactive', 'Кәмелетке толған оқушы', 'Совершеннолетний школьник', 'Adult schoolchild', 13),
  ('in_training', 'inactive', 'Оқу немесе қайта даярлау бағдарламасында', 'Проходит обучение или переподготовку', 'In a training or retraining programme', 14),
  ('housewife', 'inactive', 'Үй шаруасындағы әйел / ер', 'Домохозяйка / домохозяин', 'Housewife / househusband', 15),
  ('childcare_under3', 'inactive', 'Үш жасқа дейінгі баланы күтуде', 'Уход за ребёнком до трёх лет', 'Caring for a child under three', 16),
  ('pregnant', 'inactive', 'Жүкті (оның ішінде азаматтық-құқықтық шарт бойынша)', 'Беременная (в том числе по договору ГПХ)', 'Pregnant (including under a civil contract)', 17),
  ('pensioner', 'inactive', 'Зейнеткер', 'Пенсионер', 'Pensioner', 18),
  ('social_payment_recipient', 'inactive', 'Әлеуметтік төлемдер алушы', 'Получатель социальных выплат', 'Receiving social payments', 19),
  ('targeted_assistance_recipient', 'inactive', 'Атаулы әлеуметтік көмек алушы', 'Получатель адресной социальной помощи', 'Receiving targeted social assistance', 20),
  ('labour_migrant', 'away', 'Еңбек мигранты (шетелде жұмыс істейді)', 'Трудовой мигрант (работает за рубежом)', 'Labour migrant (working abroad)', 21),
  ('departed', 'away', 'Шетелге тұрақты тұруға кеткен', 'Выбыл за рубеж на постоянное жительство', 'Departed abroad permanently', 22);

-- Every rate and rule that the law changes is a dated row; a calculation names the rows it used.
CREATE TABLE reference.parameters (
  key         text NOT NULL,
  valid_from  date NOT NULL,
  value       numeric,
  value_json  jsonb,
  unit        text NOT NULL CHECK (unit IN ('KZT', 'ratio', 'MCI', 'MW', 'days', 'months', 'ladder')),
  is_verified boolean NOT NULL DEFAULT true,
  source      text NOT NULL,
  note        text,
  PRIMARY KEY (key, valid_from),
  CHECK ((value IS NULL) <> (value_json IS NULL))
);
COMMENT ON COLUMN reference.parameters.is_verified IS 'false where FACTS.md marks the value (check): shown as uncertain in the UI and API';
COMMENT ON COLUMN reference.parameters.unit IS 'MW = multiples of the minimum wage; MCI = multiples of the monthly calculation index';

INSERT INTO reference.parameters (key, valid_from, value, value_json, unit, is_verified, source, note) VALUES
  ('mci', '2024-01-01', 3692, NULL, 'KZT', true, 'Law on the republican budget 2024–2026', 'monthly calculation index'),
  ('mci', '2025-01-01', 3932, NULL, 'KZT', true, 'Law on the republican budget 2025–2027', NULL),
  ('mci', '2026-01-01', 4325, NULL, 'KZT', true, 'Law on the republican budget 2026–2028', NULL),
  ('min_wage', '2024-01-01', 85000, NULL, 'KZT', true, 'Law on the republican budget 2024–2026', 'minimum monthly wage; unchanged in 2025 and 2026'),
  ('pension_employee_rate', '1998-01-01', 0.10, NULL, 'ratio', true, 'Social Code of the RK', 'mandatory pension contribution withheld from the employee'),
  ('pension_employee_cap_mw', '1998-01-01', 50, NULL, 'MW', true, 'Social Code of the RK', 'monthly income base capped at 50 minimum wages'),
  ('pension_employer_rate', '2024-01-01', 0.015, NULL, 'ratio', false, 'Social Code of the RK', 'for workers born from 1975 (check)'),
  ('pension_employer_rate', '2025-01-01', 0.025, NULL, 'ratio', false, 'Social Code of the RK', NULL),
  ('pension_employer_rate', '2026-01-01', 0.035, NULL, 'ratio', false, 'Social Code of the RK', NULL),
  ('pension_employer_rate', '2027-01-01', 0.045, NULL, 'ratio', false, 'Social Code of the RK', NULL),
  ('pension_employer_rate', '2028-01-01', 0.05, NULL, 'ratio', false, 'Social Code of the RK', NULL),
  ('social_contribution_rate', '2020-01-01', 0.035, NULL, 'ratio', true, 'Social Code of the RK', 'to the State Social Insurance Fund'),
  ('social_contribution_rate', '2025-01-01', 0.05, NULL, 'ratio', true, 'Social Code of the RK', NULL),
  ('social_contribution_base_min_mw', '2020-01-01', 1, NULL, 'MW', false, 'Social Code of the RK', 'base 1–7 minimum wages (check 2026)'),
  ('social_contribution_base_max_mw', '2020-01-01', 7, NULL, 'MW', false, 'Social Code of the RK', 'base 1–7 minimum wages (check 2026)'),
  ('health_employer_rate', '2020-01-01', 0.03, NULL, 'ratio', false, 'Law on compulsory social health insurance', 'check caps for 2025/26'),
  ('health_employee_rate', '2020-01-01', 0.02, NULL, 'ratio', false, 'Law on compulsory social health insurance', 'check caps for 2025/26'),
  ('single_payment_city_mci', '2019-01-01', 1, NULL, 'MCI', true, 'Tax Code of the RK', 'single cumulative payment per month, cities of republican and regional significance'),
  ('single_payment_city_mci', '2026-01-01', 0, NULL, 'MCI', false, 'Tax Code of the RK (2026)', 'abolished from 2026 (check)'),
  ('single_payment_other_mci', '2019-01-01', 0.5, NULL, 'MCI', true, 'Tax Code of the RK', 'single cumulative payment per month, elsewhere'),
  ('single_payment_other_mci', '2026-01-01', 0, NULL, 'MCI', false, 'Tax Code of the RK (2026)', 'abolished from 2026 (check)'),
  ('platform_pension_rate', '2024-01-01', 0.01, NULL, 'ratio', true, 'Tax Code of the RK, special regime for platform employment', 'part of the 4% platform regime'),
  ('platform_employer_pension_rate', '2024-01-01', 0.01, NULL, 'ratio', true, 'Tax Code of the RK, special regime for platform employment', 'part of the 4% platform regime'),
  ('platform_social_rate', '2024-01-01', 0.01, NULL, 'ratio', true, 'Tax Code of the RK, special regime for platform employment', 'part of the 4% platform regime'),
  ('platform_health_rate', '2024-01-01', 0.01, NULL, 'ratio', true, 'Tax Code of the RK, special regime for platform employment', 'part of the 4% platform regime'),
  ('platform_income_cap_mci', '2024-01-01', 300, NULL, 'MCI', true, 'Tax Code of the RK, special regime for platform employment', 'monthly income up to 300 MCI'),
  ('job_loss_replacement_rate', '2018-01-01', 0.40, NULL, 'ratio', true, 'Social Code of the RK', 'share of average monthly income; the start date of the 40% rate is not in FACTS.md'),
  ('job_loss_replacement_rate', '2023-01-01', 0.45, NULL, 'ratio', true, 'Social Code of the RK', NULL),
  ('job_loss_length_coefficient', '2018-01-01', NULL,
    '{"steps": [{"from_months": 6, "coefficient": 0.70}, {"from_months": 12, "coefficient": 0.75}, {"from_months": 24, "coefficient": 0.85}, {"from_months": 36, "coefficient": 0.90}, {"from_months": 48, "coefficient": 0.95}, {"from_months": 60, "coefficient": 1.00}], "then_per_12_months": 0.02, "max": 1.30}',
    'ladder', true, 'Social Code of the RK', 'by months of social contributions'),
  ('job_loss_average_months', '2018-01-01', 24, NULL, 'months', true, 'Social Code of the RK', 'average monthly income over the last 24 months'),
  ('maternity_rate', '2018-01-01', 1.00, NULL, 'ratio', true, 'Social Code of the RK', 'of average monthly income over the last 12 months'),
  ('maternity_days', '2018-01-01', 126, NULL, 'days', true, 'Social Code of the RK', '70 + 56 days'),
  ('maternity_days_complicated', '2018-01-01', 140, NULL, 'days', true, 'Social Code of the RK', 'complicated or multiple births'),
  ('maternity_income_cap_mw', '2018-01-01', 7, NULL, 'MW', false, 'Social Code of the RK', 'income cap ~7 minimum wages (check)'),
  ('childcare_rate', '2018-01-01', 0.40, NULL, 'ratio', true, 'Social Code of the RK', 'of average monthly income over 24 months, child up to 1.5 years'),
  ('childcare_cap_mw', '2018-01-01', 7, NULL, 'MW', false, 'Social Code of the RK', 'maximum = 40% of 7 minimum wages (check)');
