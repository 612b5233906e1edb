-- The run's own database, created fresh for every grading run.
CREATE TABLE customers (
  id text PRIMARY KEY,
  name text NOT NULL
);
INSERT INTO customers (id, name) VALUES
  ('c-1', 'Ada'), ('c-2', 'Bo'), ('c-3', 'Chen'), ('c-4', 'Dara'), ('c-5', 'Eli');

-- Constraints are checked at COMMIT (deferred), as with many ORMs and bulk loads:
-- a transaction can get all the way to COMMIT and still fail there.
CREATE TABLE orders (
  id text PRIMARY KEY DEFERRABLE INITIALLY DEFERRED,
  customer_id text NOT NULL REFERENCES customers (id) DEFERRABLE INITIALLY DEFERRED,
  total_cents integer NOT NULL,
  created_at timestamptz NOT NULL DEFAULT clock_timestamp()
);

CREATE TABLE outbox (
  id bigserial PRIMARY KEY,
  event_type text NOT NULL,
  payload jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  published_at timestamptz
);

CREATE TABLE shipments (
  order_id text NOT NULL,
  shipped_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
