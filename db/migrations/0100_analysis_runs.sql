-- Analysis runs (step 2, 数据分析和挖掘): each a numbered, reproducible record of what was computed, from which
-- data (the as-of month) and with which model (its version and every parameter), and per customer what came out.
CREATE TABLE analysis_runs (
  run_id         INTEGER PRIMARY KEY,
  started_at     TEXT NOT NULL,
  finished_at    TEXT NOT NULL,
  actor          TEXT NOT NULL,
  model_version  TEXT NOT NULL,
  model          TEXT NOT NULL CHECK (json_valid(model)),     -- the scoring model's parameters, canonical JSON
  parameters     TEXT NOT NULL CHECK (json_valid(parameters)), -- segmentation and mining settings of the run
  as_of_month    TEXT,
  customers      INTEGER NOT NULL CHECK (customers >= 0),
  seconds        REAL NOT NULL,
  summary        TEXT NOT NULL CHECK (json_valid(summary))     -- counts and distributions for the analysis page
) STRICT;

-- One row per customer and run. A score is NULL where it does not apply: credit without credit history.
CREATE TABLE customer_scores (
  run_id            INTEGER NOT NULL REFERENCES analysis_runs (run_id) ON DELETE CASCADE,
  customer_id       TEXT NOT NULL,
  contribution      REAL NOT NULL,
  activity          REAL NOT NULL,
  channel           REAL NOT NULL,
  credit            REAL,
  loyalty           REAL NOT NULL,
  composite         REAL NOT NULL,
  profit_fen        INTEGER NOT NULL,
  tier              INTEGER NOT NULL,     -- index into the model's tiers: vip, key, potential, mass
  credit_grade      INTEGER NOT NULL,     -- 0 = no credit history
  vetoes            INTEGER NOT NULL,     -- bits of the veto codes; 0 = may be approached
  dominant_channel  INTEGER NOT NULL,     -- index into the channels; -1 = no transactions
  segment           INTEGER,              -- the run's segment number (analysis_segments); NULL = not segmented
  personas          INTEGER NOT NULL,     -- bits of the persona tags the customer carries (weight >= 0.5)
  PRIMARY KEY (run_id, customer_id)
) STRICT, WITHOUT ROWID;

-- The segments of a run, named from their centroids; `lineage` stays the same for the same group across runs.
CREATE TABLE analysis_segments (
  run_id      INTEGER NOT NULL REFERENCES analysis_runs (run_id) ON DELETE CASCADE,
  segment     INTEGER NOT NULL,
  lineage     INTEGER NOT NULL,
  name        TEXT NOT NULL CHECK (json_valid(name)),           -- {"zh": …, "en": …}
  size        INTEGER NOT NULL,
  profile     TEXT NOT NULL CHECK (json_valid(profile)),        -- centroid, averages, what sets it apart
  PRIMARY KEY (run_id, segment)
) STRICT;

-- Association rules of a run (support, confidence, lift), items as JSON arrays of item keys.
CREATE TABLE analysis_rules (
  run_id       INTEGER NOT NULL REFERENCES analysis_runs (run_id) ON DELETE CASCADE,
  rule         INTEGER NOT NULL,
  antecedent   TEXT NOT NULL CHECK (json_valid(antecedent)),
  consequent   TEXT NOT NULL CHECK (json_valid(consequent)),
  support      REAL NOT NULL,
  confidence   REAL NOT NULL,
  lift         REAL NOT NULL,
  PRIMARY KEY (run_id, rule)
) STRICT;
