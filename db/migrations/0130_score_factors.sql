-- Each customer's factor points per run, so that the next run can say how much a score changed and which factor
-- moved it most. A run's `factor_layout` names its factors (JSON array of "score.factor"). The points are kept in
-- chunks of consecutive customers (in customer_id order, as the run wrote customer_scores): a chunk holds, factor
-- by factor, one byte per customer — the factor's points in steps of half a point. Chunks, not a column of
-- customer_scores, because a million small blobs cost a run about a second to write and a few hundred big ones
-- almost nothing. Runs made before this migration have neither.
ALTER TABLE analysis_runs ADD COLUMN factor_layout TEXT CHECK (factor_layout IS NULL OR json_valid(factor_layout));

CREATE TABLE score_factor_points (
  run_id             INTEGER NOT NULL REFERENCES analysis_runs (run_id) ON DELETE CASCADE,
  first_customer_id  TEXT NOT NULL,     -- the chunk's first customer; it runs up to the next chunk's first
  customers          INTEGER NOT NULL CHECK (customers > 0),
  points             BLOB NOT NULL,     -- factors × customers bytes, factor by factor
  PRIMARY KEY (run_id, first_customer_id)
) STRICT, WITHOUT ROWID;
