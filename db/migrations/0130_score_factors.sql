-- Each customer's factor points per run, so that the next run can say how much a score changed and which factor
-- moved it most. A run's `factor_layout` names the factor of each byte of `factor_shares` (JSON array of
-- "score.factor"); each byte holds the factor's points in steps of half a point. NULL in runs made before.
ALTER TABLE analysis_runs ADD COLUMN factor_layout TEXT CHECK (factor_layout IS NULL OR json_valid(factor_layout));
ALTER TABLE customer_scores ADD COLUMN factor_shares BLOB;
