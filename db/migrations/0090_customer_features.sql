-- One row of aggregates per customer, kept up to date by every import (electron/services/features/), so that
-- an analysis run reads a million rows instead of re-aggregating 24 million months of activity.
-- The windows (last 12 and 24 months) end at the as-of month in feature_state: the last month of activity
-- in the data. Column meanings: docs/SCORES.md, "The feature table".
CREATE TABLE customer_features (
  customer_id            TEXT PRIMARY KEY REFERENCES customers (customer_id) ON DELETE CASCADE,
  -- From holdings (open = not closed) and the product catalogue.
  deposit_balance_fen    INTEGER NOT NULL DEFAULT 0,
  wealth_balance_fen     INTEGER NOT NULL DEFAULT 0,
  open_accounts          INTEGER NOT NULL DEFAULT 0,
  dormant_accounts       INTEGER NOT NULL DEFAULT 0,
  frozen_accounts        INTEGER NOT NULL DEFAULT 0,
  category_bits          INTEGER NOT NULL DEFAULT 0,  -- deposit 1, wealth 2, loan 4, card 8, ebanking 16, insurance 32, agri 64
  payroll_bits           INTEGER NOT NULL DEFAULT 0,  -- payroll account 1, pension account 2
  -- From monthly activity, over the windows ending at the as-of month.
  fee_income_12_fen      INTEGER NOT NULL DEFAULT 0,
  deposits_12            INTEGER NOT NULL DEFAULT 0,
  withdrawals_12         INTEGER NOT NULL DEFAULT 0,
  card_swipes_12         INTEGER NOT NULL DEFAULT 0,
  tx_branch_12           INTEGER NOT NULL DEFAULT 0,
  tx_atm_pos_12          INTEGER NOT NULL DEFAULT 0,
  tx_internet_12         INTEGER NOT NULL DEFAULT 0,
  tx_mobile_12           INTEGER NOT NULL DEFAULT 0,
  tx_phone_12            INTEGER NOT NULL DEFAULT 0,
  tx_agent_12            INTEGER NOT NULL DEFAULT 0,
  months_active_12       INTEGER NOT NULL DEFAULT 0,
  months_active_24       INTEGER NOT NULL DEFAULT 0,
  deposit_months_12      INTEGER NOT NULL DEFAULT 0,
  last_active_month      TEXT,                        -- YYYY-MM, NULL = no transaction in the last 24 months
  -- The month's balance (the mean of avg_balance over its channel rows) over the last 12 months: how many
  -- months, their sum and the sum of their squares, from which the analysis works out their variation.
  balance_months_12      INTEGER NOT NULL DEFAULT 0,
  balance_sum_12         REAL NOT NULL DEFAULT 0,
  balance_square_sum_12  REAL NOT NULL DEFAULT 0,
  -- From loans and repayments; instalments count when due by the as-of date.
  loan_count             INTEGER NOT NULL DEFAULT 0,
  live_loan_count        INTEGER NOT NULL DEFAULT 0,
  repayments_due         INTEGER NOT NULL DEFAULT 0,
  repayments_on_time     INTEGER NOT NULL DEFAULT 0,
  worst_days_past_due    INTEGER NOT NULL DEFAULT 0,
  overdue_fen            INTEGER NOT NULL DEFAULT 0,
  overdue_flag           INTEGER NOT NULL DEFAULT 0 CHECK (overdue_flag IN (0, 1)),
  defaults               INTEGER NOT NULL DEFAULT 0,
  worst_classification   INTEGER NOT NULL DEFAULT 0   -- 0 no loans, normal 1 … loss 5
) STRICT;

-- What the features were computed against.
CREATE TABLE feature_state (
  id                     INTEGER PRIMARY KEY CHECK (id = 1),
  as_of_month            TEXT,                        -- YYYY-MM; NULL before any activity was imported
  refreshed_at           TEXT NOT NULL
) STRICT;
