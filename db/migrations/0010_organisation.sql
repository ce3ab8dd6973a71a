-- The branch, its staff and the key/value settings every later step reads.
CREATE TABLE branches (
  branch_id   TEXT PRIMARY KEY,                 -- core-banking branch code
  name        TEXT NOT NULL,
  region      TEXT,
  is_demo     INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1)),
  created_at  TEXT NOT NULL
) STRICT;

CREATE TABLE staff (
  staff_id    TEXT PRIMARY KEY,                 -- core-banking teller / employee number
  branch_id   TEXT NOT NULL REFERENCES branches (branch_id),
  name        TEXT NOT NULL,
  role        TEXT NOT NULL CHECK (role IN ('rm', 'head', 'operator')),
  phone       TEXT,
  active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
) STRICT;
CREATE INDEX staff_branch ON staff (branch_id);

CREATE TABLE settings (
  key         TEXT PRIMARY KEY,
  value       TEXT NOT NULL CHECK (json_valid(value)),  -- JSON
  updated_at  TEXT NOT NULL
) STRICT;
