#!/usr/bin/env bash
# The c1z writer against SQLite's own speed (WriterFloorBenchmark, JUnit tag "bench": never part of `mvn verify`).
# One run times, on the same generated rows: the sqlite3 CLI executing the writer's pragmas, schema, INSERTs and
# deferred indexes (the floor); C1zWriter up to its committed working database; zstd compression apart; the
# same with journal_mode=TRUNCATE and a commit every 50,000 rows; and C1zSyncStore + GrantExpander on top.
# See docs/benchmarks/2026-12-06-writer-floor.md.
#
# Usage: scripts/bench-writer.sh [SCALE]     SCALE 1 = mid-size org (14,520 resources, 24,500 entitlements,
#                                            ~280k grants); default 0.5 (about a minute on 2 cores)
# Knobs: BENCH_OUT (target/bench), BENCH_SQLITE3 (/usr/bin/sqlite3)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

scale="${1:-${BENCH_WRITER_SCALE:-0.5}}"
out="${BENCH_OUT:-target/bench}"
props=(-Dbench.writer.scale="$scale" -Dbench.out="$out")
[ -n "${BENCH_SQLITE3:-}" ] && props+=(-Dbench.sqlite3="$BENCH_SQLITE3")

echo "uptime before: $(uptime)"
rm -f "$out/writer-floor.txt"
status=0
# surefire sends test output to a file (redirectTestOutputToFile), so the report is printed from the result file
mvn -B -q -Pbench test -Dtest=WriterFloorBenchmark -Dsurefire.failIfNoSpecifiedTests=false "${props[@]}" || status=$?
echo "uptime after:  $(uptime)"
if [ -f "$out/writer-floor.txt" ]; then
  cat "$out/writer-floor.txt"
  summary=$(grep '^SUMMARY' "$out/writer-floor.txt" | cut -d' ' -f2-)
  echo
  printf '%-10s %-10s %-7s %-12s %-12s %-12s %-7s %-14s %-14s %s\n' floor_s writer_s ratio floor_sel_s floor_tr_s writer_tr_s ratio_tr \
    writer+exp_s compression_s rows
  eval "$summary"
  printf '%-10s %-10s %-7s %-12s %-12s %-12s %-7s %-14s %-14s %s\n' "$floor_s" "$writer_s" "$ratio" "$floor_select_s" \
    "$floor_truncate_s" \
    "$writer_truncate_s" "$ratio_truncate" "$writer_expansion_s" "$compression_s" "$rows"
fi
if [ "$status" -ne 0 ]; then
  echo "bench-writer: maven failed (exit $status); see target/surefire-reports/dev.baton.aws.c1z.WriterFloorBenchmark*.txt" >&2
fi
exit "$status"
