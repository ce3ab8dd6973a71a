-- Monthly activity per customer and channel, as core banking aggregates it.
CREATE TABLE activity_monthly (
  customer_id       TEXT NOT NULL REFERENCES customers (customer_id) ON DELETE CASCADE,
  month             TEXT NOT NULL
                    CHECK (month GLOB '[12][0-9][0-9][0-9]-[01][0-9]' AND substr(month, 6) BETWEEN '01' AND '12'),
  channel           TEXT NOT NULL
                    CHECK (channel IN ('branch', 'atm_pos', 'internet', 'mobile', 'phone', 'agent')),
  deposit_count     INTEGER NOT NULL DEFAULT 0 CHECK (deposit_count >= 0),
  withdrawal_count  INTEGER NOT NULL DEFAULT 0 CHECK (withdrawal_count >= 0),
  card_swipes       INTEGER NOT NULL DEFAULT 0 CHECK (card_swipes >= 0),
  amount_fen        INTEGER NOT NULL DEFAULT 0 CHECK (amount_fen >= 0),
  avg_balance_fen   INTEGER NOT NULL DEFAULT 0,
  fee_income_fen    INTEGER NOT NULL DEFAULT 0 CHECK (fee_income_fen >= 0),
  PRIMARY KEY (customer_id, month, channel)
) STRICT, WITHOUT ROWID;
