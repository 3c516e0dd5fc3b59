/// The centre's tables in PostgreSQL (CONTRACT §13). `central_events` holds every pushed
/// row exactly as the province stored it, keyed by (ledger, seq), append-only by trigger;
/// `central_tallies` is what reports read: per ledger, half-month, type and measure (and
/// agency, for submitted reports only), the count and the two sums of the events that stand (kept with each batch,
/// corrections and retractions included), so a national year report sums a few thousand
/// rows per ledger instead of scanning its events.
enum CentralSchema {
    static let version = "1"

    static let statements: [String] = [
        """
        CREATE TABLE IF NOT EXISTS central_meta (key text PRIMARY KEY, value text NOT NULL)
        """,
        """
        CREATE TABLE IF NOT EXISTS central_ledgers (
            id serial PRIMARY KEY,
            origin text NOT NULL UNIQUE,
            name text NOT NULL,
            region text,
            verifier_key text NOT NULL,
            size bigint NOT NULL DEFAULT 0,
            head_hash text NOT NULL DEFAULT repeat('0', 64),
            frontier text NOT NULL DEFAULT '',
            checkpoint text,
            cosigned text,
            checkpoint_at timestamptz,
            pushed_at timestamptz,
            coordinators text[] NOT NULL DEFAULT '{}',
            added_at timestamptz NOT NULL DEFAULT now()
        )
        """,
        """
        CREATE TABLE IF NOT EXISTS central_events (
            ledger integer NOT NULL REFERENCES central_ledgers (id),
            seq bigint NOT NULL,
            agency text NOT NULL,
            id text NOT NULL,
            type text NOT NULL,
            occurred_at text NOT NULL,
            recorded_at text NOT NULL,
            corrects text,
            data text NOT NULL,
            source_file text,
            source_sha256 text,
            source_line integer,
            source_sheet text,
            hash text NOT NULL,
            PRIMARY KEY (ledger, seq)
        )
        """,
        "CREATE UNIQUE INDEX IF NOT EXISTS central_events_key ON central_events (ledger, agency, id)",
        """
        CREATE OR REPLACE FUNCTION central_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'central_events is append-only: % is not allowed', TG_OP; END $$
        """,
        // Replaced, never dropped first: the guard is never absent, even while a second
        // `central init` or `serve` runs beside a push.
        """
        CREATE OR REPLACE TRIGGER central_events_no_change BEFORE UPDATE OR DELETE ON central_events
        FOR EACH ROW EXECUTE FUNCTION central_events_append_only()
        """,
        """
        CREATE TABLE IF NOT EXISTS central_checkpoints (
            ledger integer NOT NULL REFERENCES central_ledgers (id),
            size bigint NOT NULL,
            root text NOT NULL,
            note text NOT NULL,
            cosigned text NOT NULL,
            accepted_at timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (ledger, size)
        )
        """,
        """
        CREATE TABLE IF NOT EXISTS central_refusals (
            id bigserial PRIMARY KEY,
            ledger integer NOT NULL REFERENCES central_ledgers (id),
            refused_at timestamptz NOT NULL DEFAULT now(),
            code text NOT NULL,
            reason text NOT NULL,
            first_seq bigint,
            accepted_checkpoint text,
            offered_checkpoint text
        )
        """,
        """
        CREATE TABLE IF NOT EXISTS central_lineage (
            ledger integer NOT NULL, seq bigint NOT NULL, root bigint NOT NULL, retracted boolean NOT NULL DEFAULT false,
            PRIMARY KEY (ledger, seq)
        )
        """,
        "CREATE INDEX IF NOT EXISTS central_lineage_by_root ON central_lineage (ledger, root)",
        """
        CREATE TABLE IF NOT EXISTS central_tallies (
            ledger integer NOT NULL, bucket date NOT NULL, agency text NOT NULL, type text NOT NULL, measure text NOT NULL,
            n bigint NOT NULL, a bigint NOT NULL, b bigint NOT NULL,
            PRIMARY KEY (ledger, bucket, type, measure, agency)
        )
        """,
        """
        CREATE TABLE IF NOT EXISTS central_agencies (
            ledger integer NOT NULL, code text NOT NULL, name text NOT NULL, since date NOT NULL, until date,
            PRIMARY KEY (ledger, code)
        )
        """,
        // The standing `indicator.reported` of each lineage: a report takes each agency's
        // latest in the period (as the province's does), which a sum cannot give.
        """
        CREATE TABLE IF NOT EXISTS central_indicators (
            ledger integer NOT NULL, root bigint NOT NULL, agency text NOT NULL, indicator text NOT NULL, day date NOT NULL,
            instant bigint NOT NULL, seq bigint NOT NULL, numerator bigint NOT NULL, denominator bigint NOT NULL,
            PRIMARY KEY (ledger, root)
        )
        """,
        // Each agency's latest report of an indicator, found from the top of this index for
        // each of its (ledger, agency, indicator) keys, without sorting the ledger's reports.
        "CREATE INDEX IF NOT EXISTS central_indicators_latest ON central_indicators (ledger, agency, indicator, instant DESC, seq DESC)",
        """
        CREATE TABLE IF NOT EXISTS central_indicator_keys (
            ledger integer NOT NULL, agency text NOT NULL, indicator text NOT NULL, PRIMARY KEY (ledger, agency, indicator)
        )
        """,
        """
        INSERT INTO central_indicator_keys SELECT DISTINCT ledger, agency, indicator FROM central_indicators
        WHERE NOT EXISTS (SELECT 1 FROM central_indicator_keys) ON CONFLICT DO NOTHING
        """,
        "INSERT INTO central_meta (key, value) VALUES ('schema', '1') ON CONFLICT (key) DO NOTHING",
    ]
}
