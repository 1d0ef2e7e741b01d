/**
 * Migration 3: results sets (issue 7) — the customers.csv of a run made elsewhere (the
 * warehouse, `cvalue run --engine duckdb`, another PC) with the scenario it was run with.
 * Kept apart from the imported inputs: a results set is never an engine input, and deleting
 * one touches nothing else.
 */
export const RESULT_SETS_SQL = `
CREATE TABLE result_sets (
  -- AUTOINCREMENT: a deleted set's id is never given to another (ids are typed into cvalue results report <id>).
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  app_version TEXT NOT NULL,
  -- The evaluation month, YYYY-MM, and the scenario as JSON (the scenario schema's output).
  month TEXT NOT NULL,
  scenario TEXT NOT NULL,
  customer_count INTEGER NOT NULL CHECK (customer_count > 0),
  -- JSON: the files read (name, sha256, bytes, rows), the reasons' and categories' names, the
  -- reconciliation rows.
  files TEXT NOT NULL,
  dictionaries TEXT NOT NULL,
  reconciliation TEXT NOT NULL
);

-- One customer column of a set: the little-endian bytes of its typed array.
CREATE TABLE result_columns (
  result_set_id INTEGER NOT NULL REFERENCES result_sets (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  bytes BLOB NOT NULL,
  PRIMARY KEY (result_set_id, name)
);
`;
