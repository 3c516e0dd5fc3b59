/*
 * The floor for a year report from the projection's tallies: a plain C program that
 * opens ledger.sqlite read-only and reads what `reformledger report` reads for a period —
 * the half-month tallies up to its last day (all from its first, the task-linked ones
 * before) and the facts read one by one (submitted reports, indicators, contest
 * feedback) through their partial indexes — summing as it goes. No registry, no
 * rendering, no signing: what is left is SQLite.
 *
 * Usage: c_tallies LEDGER FIRST LAST PERIOD     Build: cc -O2 c_tallies.c -lsqlite3
 * Prints: rows-read events-counted seconds
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static sqlite3 *db;

static long long each(const char *sql, const char *a, const char *b, long long *events, int counted) {
  sqlite3_stmt *statement;
  if (sqlite3_prepare_v2(db, sql, -1, &statement, NULL) != SQLITE_OK) { fprintf(stderr, "%s\n", sqlite3_errmsg(db)); exit(1); }
  if (a) sqlite3_bind_text(statement, 1, a, -1, SQLITE_STATIC);
  if (b) sqlite3_bind_text(statement, 2, b, -1, SQLITE_STATIC);
  long long rows = 0;
  while (sqlite3_step(statement) == SQLITE_ROW) {
    rows++;
    if (counted) *events += sqlite3_column_int64(statement, 0);
    else (void)sqlite3_column_text(statement, 0);
  }
  sqlite3_finalize(statement);
  return rows;
}

int main(int argc, char **argv) {
  if (argc != 5) { fprintf(stderr, "usage: c_tallies LEDGER FIRST LAST PERIOD\n"); return 2; }
  struct timespec start, end;
  clock_gettime(CLOCK_MONOTONIC, &start);
  if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) { fprintf(stderr, "cannot open %s\n", argv[1]); return 1; }
  sqlite3_exec(db, "BEGIN", NULL, NULL, NULL);
  long long events = 0, rows = 0;
  rows += each("SELECT n, bucket, agency, type, measure, task, a, b FROM proj_tally WHERE bucket <= ?2 AND (bucket >= ?1 OR task != '')",
               argv[2], argv[3], &events, 1);
  const char *columns = "SELECT agency, day, type, measure, task, a, b, note, instant, seq, root FROM proj_effective ";
  char sql[512];
  snprintf(sql, sizeof sql, "%sINDEXED BY proj_effective_reports WHERE type = 'report.submitted' AND measure = ?1", columns);
  rows += each(sql, argv[4], NULL, &events, 0);
  snprintf(sql, sizeof sql, "%sINDEXED BY proj_effective_feedback WHERE type = 'survey.submitted' AND measure = 'contest-feedback' AND day BETWEEN ?1 AND ?2", columns);
  rows += each(sql, argv[2], argv[3], &events, 0);
  snprintf(sql, sizeof sql, "%sINDEXED BY proj_effective_indicators WHERE type = 'indicator.reported' AND day BETWEEN ?1 AND ?2", columns);
  rows += each(sql, argv[2], argv[3], &events, 0);
  sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
  sqlite3_close(db);
  clock_gettime(CLOCK_MONOTONIC, &end);
  printf("%lld %lld %.4f\n", rows, events, (end.tv_sec - start.tv_sec) + (end.tv_nsec - start.tv_nsec) / 1e9);
  return 0;
}
