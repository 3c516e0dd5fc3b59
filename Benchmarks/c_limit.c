/*
 * The physical limit for reformledger's ingest: a plain C program that appends the same
 * rows to the same `events` schema (with its triggers and unique index), chaining the same
 * SHA-256 over a record of the same size, with the same durability (WAL, synchronous=FULL)
 * and the same batch (one transaction per file). It reads pre-extracted rows, so it does no
 * JSON work at all: what is left is SQLite, hashing and fsync.
 *
 * Built with -DBARE it is the bare program instead: one table with only the UNIQUE
 * (agency, id) index, none of the contract's triggers or other indexes, a commit every
 * 10,000 rows; the floor any append-only chained log on SQLite stands on.
 *
 * Input (TSV, one row per line): agency, id, type, occurred_at, data (canonical JSON).
 * Usage: c_limit DB FILE.tsv     Build: cc -O2 c_limit.c -lsqlite3 -lcrypto [-DBARE]
 */
#include <openssl/sha.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#ifdef BARE
static const char *schema =
    "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
    "CREATE TABLE IF NOT EXISTS events (seq INTEGER PRIMARY KEY, agency TEXT NOT NULL, id TEXT NOT NULL, type TEXT NOT NULL,"
    " occurred_at TEXT NOT NULL, recorded_at TEXT NOT NULL, corrects TEXT, data TEXT NOT NULL, source_file TEXT,"
    " source_sha256 TEXT, source_line INTEGER, hash TEXT NOT NULL, UNIQUE (agency, id));";
static const long long batch = 10000;
#else
static const char *schema =
    "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
    "CREATE TABLE IF NOT EXISTS events (seq INTEGER PRIMARY KEY, agency TEXT NOT NULL, id TEXT NOT NULL, type TEXT NOT NULL,"
    " occurred_at TEXT NOT NULL, recorded_at TEXT NOT NULL, corrects TEXT, data TEXT NOT NULL, source_file TEXT,"
    " source_sha256 TEXT, source_line INTEGER, hash TEXT NOT NULL, UNIQUE (agency, id));"
    "CREATE TRIGGER IF NOT EXISTS events_no_update BEFORE UPDATE ON events BEGIN SELECT RAISE(ABORT, 'no'); END;"
    "CREATE TRIGGER IF NOT EXISTS events_no_delete BEFORE DELETE ON events BEGIN SELECT RAISE(ABORT, 'no'); END;"
    "CREATE TRIGGER IF NOT EXISTS events_seq_no_gap BEFORE INSERT ON events"
    " WHEN NEW.seq IS NOT (SELECT COALESCE(MAX(seq), 0) + 1 FROM events) BEGIN SELECT RAISE(ABORT, 'gap'); END;"
    "CREATE TRIGGER IF NOT EXISTS events_no_replace BEFORE INSERT ON events"
    " WHEN EXISTS (SELECT 1 FROM events WHERE agency = NEW.agency AND id = NEW.id) BEGIN SELECT RAISE(ABORT, 'replace'); END;"
    "CREATE INDEX IF NOT EXISTS events_by_type ON events (type);"
    "CREATE INDEX IF NOT EXISTS events_by_corrects ON events (agency, corrects) WHERE corrects IS NOT NULL;";
static const long long batch = -1;   /* one transaction for the file */
#endif

int main(int argc, char **argv) {
    if (argc != 3) { fprintf(stderr, "usage: %s DB FILE.tsv\n", argv[0]); return 2; }
    sqlite3 *db;
    if (sqlite3_open(argv[1], &db) != SQLITE_OK) { fprintf(stderr, "open: %s\n", sqlite3_errmsg(db)); return 1; }
    char *error = NULL;
    if (sqlite3_exec(db, schema, NULL, NULL, &error) != SQLITE_OK) { fprintf(stderr, "schema: %s\n", error); return 1; }
    FILE *in = fopen(argv[2], "r");
    if (!in) { perror("input"); return 1; }
    struct timespec start, end;
    clock_gettime(CLOCK_MONOTONIC, &start);
    sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
    sqlite3_stmt *lookup, *insert;
    sqlite3_prepare_v2(db, "SELECT 1 FROM events WHERE agency = ? AND id = ?", -1, &lookup, NULL);
    sqlite3_prepare_v2(db, "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, NULL, ?, 'bench.ndjson', ?, ?, ?)", -1, &insert, NULL);
    unsigned char previous[32] = {0}, digest[32];
    char hex[65], record[8192], *line = NULL;
    const char *file_sha = "0000000000000000000000000000000000000000000000000000000000000000";
    const char *recorded = "2024-12-31T05:00:00.000Z";
    size_t capacity = 0;
    long long seq = 0;
    ssize_t length;
    while ((length = getline(&line, &capacity, in)) > 0) {
        if (line[length - 1] == '\n') line[--length] = 0;
        char *field[5];
        field[0] = strtok(line, "\t");
        for (int i = 1; i < 5; i++) field[i] = strtok(NULL, "\t");
        if (!field[4]) continue;
        seq++;
        /* Idempotency check, as the ledger does for every event. */
        sqlite3_bind_text(lookup, 1, field[0], -1, SQLITE_STATIC);
        sqlite3_bind_text(lookup, 2, field[1], -1, SQLITE_STATIC);
        if (sqlite3_step(lookup) == SQLITE_ROW) { fprintf(stderr, "duplicate\n"); return 1; }
        sqlite3_reset(lookup);
        /* The chained record: the same fields, in the canonical order. */
        int size = snprintf(record, sizeof record,
            "{\"agency\":\"%s\",\"data\":%s,\"id\":\"%s\",\"occurred_at\":\"%s\",\"recorded_at\":\"%s\",\"seq\":%lld,"
            "\"source\":{\"file\":\"bench.ndjson\",\"line\":%lld,\"sha256\":\"%s\"},\"type\":\"%s\"}",
            field[0], field[4], field[1], field[3], recorded, seq, seq, file_sha, field[2]);
        SHA256_CTX context;
        SHA256_Init(&context);
        SHA256_Update(&context, previous, 32);
        SHA256_Update(&context, record, (size_t)size);
        SHA256_Final(digest, &context);
        memcpy(previous, digest, 32);
        for (int i = 0; i < 32; i++) {
            hex[2 * i] = "0123456789abcdef"[digest[i] >> 4];
            hex[2 * i + 1] = "0123456789abcdef"[digest[i] & 15];
        }
        sqlite3_bind_int64(insert, 1, seq);
        sqlite3_bind_text(insert, 2, field[0], -1, SQLITE_STATIC);
        sqlite3_bind_text(insert, 3, field[1], -1, SQLITE_STATIC);
        sqlite3_bind_text(insert, 4, field[2], -1, SQLITE_STATIC);
        sqlite3_bind_text(insert, 5, field[3], -1, SQLITE_STATIC);
        sqlite3_bind_text(insert, 6, recorded, -1, SQLITE_STATIC);
        sqlite3_bind_text(insert, 7, field[4], -1, SQLITE_STATIC);
        sqlite3_bind_text(insert, 8, file_sha, -1, SQLITE_STATIC);
        sqlite3_bind_int64(insert, 9, seq);
        sqlite3_bind_text(insert, 10, hex, 64, SQLITE_STATIC);
        if (sqlite3_step(insert) != SQLITE_DONE) { fprintf(stderr, "insert: %s\n", sqlite3_errmsg(db)); return 1; }
        sqlite3_reset(insert);
        if (batch > 0 && seq % batch == 0) {
            sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
            sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
        }
    }
    if (sqlite3_exec(db, "COMMIT", NULL, NULL, &error) != SQLITE_OK) { fprintf(stderr, "commit: %s\n", error); return 1; }
    clock_gettime(CLOCK_MONOTONIC, &end);
    double seconds = (double)(end.tv_sec - start.tv_sec) + (double)(end.tv_nsec - start.tv_nsec) / 1e9;
    printf("%lld %.3f\n", seq, seconds);
    sqlite3_finalize(lookup);
    sqlite3_finalize(insert);
    sqlite3_close(db);
    fclose(in);
    free(line);
    return 0;
}
