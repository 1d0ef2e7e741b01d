/**
 * Migration 2: computed trends kept across restarts (issue 6: opening the trend is instant).
 *
 * A trend is derived data: one entry per (data fingerprint, scenario key), valid only for the
 * knowledge base contents it was computed from and for the build (app version, layout) that
 * wrote it. Its per-customer arrays are BLOBs, one row per trend month, so re-opening a trend of
 * a million customers is six row reads instead of a model run per month.
 */
export const TREND_CACHE_SQL = `
CREATE TABLE trend_cache (
  id INTEGER PRIMARY KEY,
  -- data-fingerprint.ts: the imports and their datasets the trend was computed from.
  data_fingerprint TEXT NOT NULL,
  -- The scenario as trendKey (trend-handlers.ts) writes it: without name and warnings.
  scenario_key TEXT NOT NULL,
  app_version TEXT NOT NULL,
  layout INTEGER NOT NULL,
  customer_count INTEGER NOT NULL CHECK (customer_count >= 0),
  -- JSON: the scenario's tier names, in its order.
  tier_names TEXT NOT NULL,
  -- Total BLOB bytes of the entry, for the cache's size budget.
  bytes INTEGER NOT NULL CHECK (bytes >= 0),
  -- Larger is more recently used; the least recently used entries go first.
  used INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (data_fingerprint, scenario_key)
);

-- One trend month: the customer arrays as the little-endian bytes of their typed arrays. The
-- month's arrears are not stored: they are a fact of the data, read from it again (monthArrears).
CREATE TABLE trend_cache_months (
  trend_id INTEGER NOT NULL REFERENCES trend_cache(id) ON DELETE CASCADE,
  position INTEGER NOT NULL CHECK (position >= 0),
  month TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
  -- JSON: the month's plan, branch and channel aggregate rows.
  groups TEXT NOT NULL,
  in_table BLOB NOT NULL,
  value BLOB NOT NULL,
  tier BLOB NOT NULL,
  avg_profit BLOB NOT NULL,
  credit BLOB NOT NULL,
  PRIMARY KEY (trend_id, position)
);
`;
