/**
 * Migration 1: the knowledge base's first schema. Never edit a migration once released: the
 * runner compares each applied migration's checksum and refuses a database whose history it
 * does not recognise. Change the schema with a new numbered file instead.
 *
 * Facts are kept as columns, not rows: one BLOB per import per column (fact_columns), because
 * reading 3M facts row by row measures 14–23 s here (PERF-BASELINES §5) against well under a
 * second for a handful of BLOBs turned into typed arrays. Provenance is per import: every
 * customer-month of an import's fact table came from that import's datasets (fact_months says
 * which months it covers), and a key may come from one import only.
 */
export const INIT_SQL = `
-- AUTOINCREMENT: ids are shown to users and named in messages, so a deleted import's id is
-- never given to another.
CREATE TABLE imports (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  imported_at TEXT NOT NULL,
  app_version TEXT NOT NULL,
  -- JSON: the input warnings of this import (InputWarning[]), carried into every run.
  input_warnings TEXT NOT NULL
);

-- One file (or one sheet of a workbook) read by an import.
CREATE TABLE datasets (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  import_id INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
  file TEXT NOT NULL,
  sheet TEXT,
  kind TEXT NOT NULL,
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
  rows INTEGER NOT NULL CHECK (rows >= 0),
  -- JSON: the column mapping the file was read with, when the reader reports one.
  mapping TEXT
);
CREATE INDEX datasets_import ON datasets(import_id);
CREATE INDEX datasets_sha256 ON datasets(sha256);

-- The import's customer-month facts (a FactTable); its columns are in fact_columns.
CREATE TABLE fact_tables (
  import_id INTEGER PRIMARY KEY REFERENCES imports(id) ON DELETE CASCADE,
  row_count INTEGER NOT NULL CHECK (row_count > 0),
  customer_count INTEGER NOT NULL CHECK (customer_count > 0),
  -- JSON: category field → its values, indexed by the codes stored in the category columns.
  dictionaries TEXT NOT NULL
);

-- Rows first_row … first_row + row_count − 1 of the import's fact table are the month's.
CREATE TABLE fact_months (
  import_id INTEGER NOT NULL REFERENCES fact_tables(import_id) ON DELETE CASCADE,
  month TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
  first_row INTEGER NOT NULL,
  row_count INTEGER NOT NULL CHECK (row_count > 0),
  PRIMARY KEY (import_id, month)
) WITHOUT ROWID;
CREATE INDEX fact_months_month ON fact_months(month);

-- One column of an import's fact table: the little-endian bytes of a typed array.
CREATE TABLE fact_columns (
  import_id INTEGER NOT NULL REFERENCES fact_tables(import_id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  data BLOB NOT NULL,
  PRIMARY KEY (import_id, name)
);

-- SPEC §1: one row per pool per month, across every import.
CREATE TABLE cost_pools (
  import_id INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
  pool TEXT NOT NULL,
  month TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
  amount_fen INTEGER NOT NULL CHECK (amount_fen >= 0),
  scope_field TEXT CHECK (scope_field IN ('branch', 'brand', 'plan', 'channel')),
  scope_value TEXT,
  CHECK ((scope_field IS NULL) = (scope_value IS NULL)),
  PRIMARY KEY (pool, month)
);
CREATE INDEX cost_pools_import ON cost_pools(import_id);

-- SPEC §1: a customer appears once per campaign, across every import.
CREATE TABLE campaign_participants (
  import_id INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
  campaign TEXT NOT NULL,
  customer_id TEXT NOT NULL,
  start_month TEXT NOT NULL CHECK (start_month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
  cost REAL NOT NULL CHECK (cost >= 0),
  PRIMARY KEY (campaign, customer_id)
);
CREATE INDEX campaign_participants_import ON campaign_participants(import_id);

-- A column mapping saved as a template, keyed by the sheet's header signature.
CREATE TABLE column_mappings (
  signature TEXT PRIMARY KEY,
  mapping TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE scenarios (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  scenario TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- A run keeps the scenario as it was run, so editing or deleting the scenario later does not
-- change what the run says it computed.
CREATE TABLE runs (
  id INTEGER PRIMARY KEY,
  scenario_id INTEGER REFERENCES scenarios(id) ON DELETE SET NULL,
  scenario TEXT NOT NULL,
  month TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
  created_at TEXT NOT NULL,
  summary TEXT NOT NULL
);
CREATE INDEX runs_scenario ON runs(scenario_id);
`;
