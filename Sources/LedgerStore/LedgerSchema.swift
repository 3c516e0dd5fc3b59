import GRDB

/// The shape of `ledger.sqlite`. The `events` table is part of the contract (CONTRACT §9):
/// auditors read it with `sqlite3`, so its name and columns never change.
public enum LedgerSchema {
    static func migrator() -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-event-log") { db in
            try db.execute(
                sql: """
                    CREATE TABLE events (
                        seq INTEGER PRIMARY KEY,
                        agency TEXT NOT NULL,
                        id TEXT NOT NULL,
                        type TEXT NOT NULL,
                        occurred_at TEXT NOT NULL,
                        recorded_at TEXT NOT NULL,
                        corrects TEXT,
                        data TEXT NOT NULL,
                        source_file TEXT,
                        source_sha256 TEXT,
                        source_line INTEGER,
                        hash TEXT NOT NULL,
                        UNIQUE (agency, id)
                    );
                    -- The log is append-only: rows are never changed or removed.
                    CREATE TRIGGER events_no_update BEFORE UPDATE ON events
                    BEGIN SELECT RAISE(ABORT, 'events are append-only: UPDATE is not allowed'); END;
                    CREATE TRIGGER events_no_delete BEFORE DELETE ON events
                    BEGIN SELECT RAISE(ABORT, 'events are append-only: DELETE is not allowed'); END;
                    -- seq has no gaps: each row is exactly one after the last.
                    CREATE TRIGGER events_seq_no_gap BEFORE INSERT ON events
                    WHEN NEW.seq IS NOT (SELECT COALESCE(MAX(seq), 0) + 1 FROM events)
                    BEGIN SELECT RAISE(ABORT, 'events.seq must follow the last seq without a gap'); END;
                    CREATE INDEX events_by_type ON events (type);
                    CREATE INDEX events_by_corrects ON events (agency, corrects) WHERE corrects IS NOT NULL;

                    -- Every file whose events were committed, by content: the daemon's proof,
                    -- after a crash between commit and move, that a file is already in the log.
                    CREATE TABLE ingested_files (
                        sha256 TEXT PRIMARY KEY,
                        name TEXT NOT NULL,
                        agency TEXT,
                        appended INTEGER NOT NULL,
                        duplicates INTEGER NOT NULL,
                        first_seq INTEGER,
                        last_seq INTEGER,
                        recorded_at TEXT NOT NULL
                    );
                    """)
        }
        migrator.registerMigration("v2-projections") { db in
            // Filled by `ProjectionWriter.catchUp`, which folds what the model has not seen.
            try createProjectionTables(db)
        }
        migrator.registerMigration("v3-projection-by-seq") { db in
            // Facts keyed by the root event's seq (append-only in the common case); lineage
            // rows only for events touched by a correction or retraction. Refilled by catch-up.
            try db.execute(
                sql:
                    "DROP TABLE IF EXISTS proj_lineage; DROP TABLE IF EXISTS proj_member; DROP TABLE IF EXISTS proj_effective; DROP TABLE IF EXISTS proj_checkpoint;"
            )
            try createProjectionTables(db)
        }
        migrator.registerMigration("v4-no-replace") { db in
            // `INSERT OR REPLACE` resolves a UNIQUE conflict by deleting the old row, and
            // that delete fires no trigger: refuse any insert whose key is already there.
            try db.execute(
                sql: """
                    CREATE TRIGGER events_no_replace BEFORE INSERT ON events
                    WHEN EXISTS (SELECT 1 FROM events WHERE agency = NEW.agency AND id = NEW.id)
                    BEGIN SELECT RAISE(ABORT, 'events are append-only: an existing (agency, id) cannot be replaced'); END;
                    """)
        }
        migrator.registerMigration("v5-merkle-tree") { db in
            // Filled from the events by the first writer (`StoredMerkleTree.Appender`).
            try StoredMerkleTree.createTable(db)
        }
        migrator.registerMigration("v6-merkle-guard") { db in
            // Ledgers from before the guard: the same triggers as a new table gets.
            try StoredMerkleTree.guardTable(db)
        }
        migrator.registerMigration("v7-source-sheet") { db in
            // A workbook row's sheet, in its record's `source` (CONTRACT §9): null for every
            // event before, whose records and hashes stay as they were.
            try db.execute(sql: "ALTER TABLE events ADD COLUMN source_sheet TEXT")
        }
        migrator.registerMigration("v8-projection-tallies") { db in
            // Tallies by half-month, and the few facts a report reads one by one, indexed;
            // the projection is folded again from the events at the next catch-up.
            try createTallyTables(db)
            try db.execute(sql: "DELETE FROM proj_checkpoint")
        }
        return migrator
    }

    /// The tallies a report sums (`ProjectionWriter` keeps them with `proj_effective`):
    /// per half-month, agency, type, measure label and task, the number of standing facts
    /// and the sums of their two counts (awareness surveys only). Labels and tasks are
    /// stored as `=` + text, or `` when the fact has none, so that a key is never NULL.
    /// `proj_registry_retraction` lists the retractions that name no activity event (the
    /// registry's), so that loading the registry does not read every retraction of the log.
    /// The partial (and covering) indexes hold only the facts a report reads one by one (submitted
    /// reports, indicators, contest feedback): a plain article costs them nothing.
    static func createTallyTables(_ db: Database) throws {
        // Covering: a report reads these facts from the index alone (they are scattered
        // through the table, and looking each up read nearly all of its pages). Led by
        // `root`, so that a new fact is appended at the index's end (an index in day order
        // took a random page per insert and slowed a big ingest by a third); a report reads
        // the few it holds in full and keeps those of its days.
        let covered = "agency, type, measure, task, a, b, note, instant, seq, day"
        try db.execute(
            sql: """
                CREATE TABLE proj_tally (
                    bucket TEXT NOT NULL, agency TEXT NOT NULL, type TEXT NOT NULL, measure TEXT NOT NULL, task TEXT NOT NULL,
                    n INTEGER NOT NULL, a INTEGER NOT NULL, b INTEGER NOT NULL,
                    PRIMARY KEY (bucket, agency, type, measure, task)
                ) WITHOUT ROWID;
                CREATE TABLE proj_registry_retraction (seq INTEGER PRIMARY KEY);
                CREATE INDEX proj_effective_reports ON proj_effective (root, \(covered)) WHERE type = 'report.submitted';
                CREATE INDEX proj_effective_indicators ON proj_effective (root, \(covered)) WHERE type = 'indicator.reported';
                CREATE INDEX proj_effective_feedback ON proj_effective (root, \(covered))
                    WHERE type = 'survey.submitted' AND measure = 'contest-feedback';
                """)
    }

    /// The read model of activity events (`ProjectionWriter`); also created in the
    /// temporary databases of reports as of an earlier seq.
    static func createProjectionTables(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE proj_effective (
                    root INTEGER PRIMARY KEY, agency TEXT NOT NULL, seq INTEGER NOT NULL, type TEXT NOT NULL,
                    day TEXT NOT NULL, instant INTEGER NOT NULL, measure TEXT, task TEXT, a INTEGER, b INTEGER, note TEXT
                );
                CREATE TABLE proj_member (seq INTEGER PRIMARY KEY, root INTEGER NOT NULL, retracted INTEGER NOT NULL);
                CREATE INDEX proj_member_by_root ON proj_member (root, seq);
                CREATE TABLE proj_checkpoint (name TEXT PRIMARY KEY, seq INTEGER NOT NULL, zone TEXT NOT NULL);
                """)
    }
}
