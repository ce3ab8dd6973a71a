-- Imports of core-banking exports (with the hash of every file applied and every rejected row),
-- saved column mappings, and the change history of customer records.
CREATE TABLE import_runs (
  run_id       INTEGER PRIMARY KEY,
  started_at   TEXT NOT NULL,
  finished_at  TEXT,
  status       TEXT NOT NULL CHECK (status IN ('applied', 'unchanged', 'rejected_all')),
  actor        TEXT NOT NULL,
  summary      TEXT NOT NULL CHECK (json_valid(summary))       -- per file: kind, counts, encoding
) STRICT;

CREATE TABLE import_files (
  sha256       TEXT PRIMARY KEY,                                -- of the file's bytes
  run_id       INTEGER NOT NULL REFERENCES import_runs (run_id),
  kind         TEXT NOT NULL,
  file_name    TEXT NOT NULL,
  rows         INTEGER NOT NULL,
  imported_at  TEXT NOT NULL
) STRICT;

CREATE TABLE import_rejections (
  run_id       INTEGER NOT NULL REFERENCES import_runs (run_id) ON DELETE CASCADE,
  file_name    TEXT NOT NULL,
  line         INTEGER NOT NULL,
  column_name  TEXT NOT NULL,
  value        TEXT NOT NULL,
  code         TEXT NOT NULL,
  message      TEXT NOT NULL
) STRICT;
CREATE INDEX import_rejections_run ON import_rejections (run_id, file_name, line);

CREATE TABLE import_profiles (
  name         TEXT PRIMARY KEY,
  kind         TEXT NOT NULL,
  mapping      TEXT NOT NULL CHECK (json_valid(mapping)),       -- { field: header }
  updated_at   TEXT NOT NULL
) STRICT;

-- What a manager learns about a customer beyond core banking.
ALTER TABLE customers ADD COLUMN needs TEXT;
ALTER TABLE customers ADD COLUMN interests TEXT;

CREATE TABLE customer_changes (
  change_id    INTEGER PRIMARY KEY,
  customer_id  TEXT NOT NULL REFERENCES customers (customer_id) ON DELETE CASCADE,
  field        TEXT NOT NULL,
  old_value    TEXT,
  new_value    TEXT,
  source       TEXT NOT NULL CHECK (source IN ('edit', 'import')),
  actor        TEXT NOT NULL,
  changed_at   TEXT NOT NULL
) STRICT;
CREATE INDEX customer_changes_customer ON customer_changes (customer_id, change_id);
