-- Association analysis of a run (关联分析): which rules have only products on their right-hand side (the ones
-- that become latent needs), the trait × product relation matrix, and each customer's latent needs.
ALTER TABLE analysis_rules ADD COLUMN product_consequent INTEGER NOT NULL DEFAULT 0
  CHECK (product_consequent IN (0, 1));    -- 1 when every item of the consequent is a product

-- One matrix per run, a few kilobytes (traits × products with counts, lift and rank correlations): read whole.
CREATE TABLE analysis_associations (
  run_id   INTEGER PRIMARY KEY REFERENCES analysis_runs (run_id) ON DELETE CASCADE,
  matrix   TEXT NOT NULL CHECK (json_valid(matrix))
) STRICT;

-- A customer's latent needs in a run: the numbers of the rules (analysis_rules.rule) that propose a product the
-- customer does not hold, best first. The product, confidence and lift are the rule's. No row: no needs.
CREATE TABLE customer_needs (
  run_id       INTEGER NOT NULL REFERENCES analysis_runs (run_id) ON DELETE CASCADE,
  customer_id  TEXT NOT NULL,
  rules        TEXT NOT NULL CHECK (json_valid(rules)),
  PRIMARY KEY (run_id, customer_id)
) STRICT, WITHOUT ROWID;
