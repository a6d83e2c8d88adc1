-- People, organisations, accounts, sessions and channel API keys.
CREATE SCHEMA IF NOT EXISTS identity;

CREATE TABLE identity.people (
  iin         char(12) PRIMARY KEY CHECK (iin ~ '^\d{12}$'),
  surname     text NOT NULL,
  given_name  text NOT NULL,
  patronymic  text,
  birth_date  date,
  sex         char(1) CHECK (sex IN ('M', 'F')),
  region_code text NOT NULL REFERENCES reference.regions (code),
  kato_code   text CHECK (kato_code ~ '^\d{9}$'),
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);
COMMENT ON COLUMN identity.people.birth_date IS 'from the population register; the IIN''s date digits are only a hint (they may differ since 2013)';
COMMENT ON COLUMN identity.people.kato_code IS 'district-level KATO code of residence (level 2), used for district scope';
CREATE INDEX people_region_kato_idx ON identity.people (region_code, kato_code);

CREATE TABLE identity.organisations (
  bin         char(12) PRIMARY KEY CHECK (bin ~ '^\d{12}$'),
  name        text NOT NULL,
  region_code text NOT NULL REFERENCES reference.regions (code),
  kato_code   text CHECK (kato_code ~ '^\d{9}$'),
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX organisations_region_idx ON identity.organisations (region_code);

CREATE TABLE identity.accounts (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  login         text NOT NULL,
  password_hash text NOT NULL,
  role          text NOT NULL CHECK (role IN ('citizen', 'employer', 'officer', 'manager', 'analyst', 'channel', 'admin')),
  region_code   text REFERENCES reference.regions (code),
  district_code text CHECK (district_code ~ '^\d{9}$'),
  iin           char(12) REFERENCES identity.people (iin),
  bin           char(12) REFERENCES identity.organisations (bin),
  channel_code  text,
  display_name  text NOT NULL,
  is_demo       boolean NOT NULL DEFAULT false,
  is_disabled   boolean NOT NULL DEFAULT false,
  created_at    timestamptz NOT NULL DEFAULT now(),
  CHECK (role <> 'citizen' OR iin IS NOT NULL),
  CHECK (role <> 'employer' OR bin IS NOT NULL),
  CHECK (role NOT IN ('officer', 'manager') OR region_code IS NOT NULL),
  CHECK (role <> 'channel' OR channel_code IS NOT NULL)
);
CREATE UNIQUE INDEX accounts_login_idx ON identity.accounts (lower(login));
COMMENT ON COLUMN identity.accounts.is_demo IS 'demo accounts (password "demo") are refused when NODE_ENV=production';
COMMENT ON COLUMN identity.accounts.region_code IS 'scope of staff: null = national (analyst, admin)';

CREATE TABLE identity.sessions (
  token_hash   bytea PRIMARY KEY,
  account_id   bigint NOT NULL REFERENCES identity.accounts (id) ON DELETE CASCADE,
  created_at   timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL
);
COMMENT ON COLUMN identity.sessions.token_hash IS 'sha256 of the opaque cookie token; the token itself is never stored';
CREATE INDEX sessions_account_idx ON identity.sessions (account_id);

CREATE TABLE identity.api_keys (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id   bigint NOT NULL REFERENCES identity.accounts (id) ON DELETE CASCADE,
  key_hash     bytea NOT NULL UNIQUE,
  label        text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  revoked_at   timestamptz
);
COMMENT ON TABLE identity.api_keys IS 'keys of integration clients (channels), sent as Authorization: Bearer <key>; only sha256 is stored';
