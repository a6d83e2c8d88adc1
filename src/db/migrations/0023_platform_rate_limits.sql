-- Rate-limit counters shared by every HTTP process and app server (the @fastify/rate-limit store in
-- src/shared/rate-limit.store.ts). Owned by no module: the HTTP shell limits routes of several modules.
CREATE SCHEMA IF NOT EXISTS platform;

-- UNLOGGED: a counter lives for one window (a minute); writing it to the WAL on every attempt buys nothing.
-- After a crash or a failover the counters start again from zero, which allows at most one window's extra attempts.
-- No index besides the key: resets_at changes with every new window, and an index on it would stop HOT updates.
CREATE UNLOGGED TABLE platform.rate_limits (
  key_sha256 bytea PRIMARY KEY CHECK (octet_length(key_sha256) = 32),
  hits       integer NOT NULL CHECK (hits > 0),
  resets_at  timestamptz NOT NULL
) WITH (fillfactor = 70);

COMMENT ON TABLE platform.rate_limits IS
  'one row per limited key and route; rows whose window ended are deleted by the job rate-limit-sweep';
COMMENT ON COLUMN platform.rate_limits.key_sha256 IS
  'sha256 of the route (method and path) and the limit key (address and the typed login or reference number); the typed text is never stored';
COMMENT ON COLUMN platform.rate_limits.hits IS 'attempts counted in the current window';
COMMENT ON COLUMN platform.rate_limits.resets_at IS
  'when the current window ends (database clock, so app servers with drifting clocks agree); the next attempt after it starts a new window';
