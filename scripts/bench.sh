#!/usr/bin/env bash
# End-to-end sync benchmark (SyncBenchmark, JUnit tag "bench": never part of `mvn verify`).
#
# For each world it generates an organization, serves it with the in-process simulator at AWS-like latency and
# rate limits, and syncs it with the CLI in a forked JVM, once per mode:
#   fast      default flags, --workers 8 (GetAccountAuthorizationDetails + credential report per account)
#   upstream  --workers 1 --no-fast-path (the upstream Go connector's per-entity call pattern)
# Per run it prints wall time, API calls per service and operation (counted by the simulator), throttles, retries,
# peak RSS (VmHWM of the sync's own JVM), c1z size and rows, and the rate-limit bound: max over rate scopes of
# calls admitted in that scope / its allowed rate (IAM per account, so the busiest account), and wall/bound.
# Results: target/bench/results.txt and results.json; per run target/bench/<world>-<mode>/ holds sync.c1z, the
# CLI's log (sync.log) and the JVM's own output (jvm.out).
#
# Usage: scripts/bench.sh [WORLDS] [MODES]        e.g.  scripts/bench.sh S,M   |   scripts/bench.sh xl10 fast
#
# Knobs (environment variable -> system property, default):
#   WORLDS / BENCH_WORLDS   bench.worlds     S,M      S = 3 accounts, M = 20 accounts + 500 SSO users,
#                                                     L = accounts=200,iamUsersPerAccount=20,ssoUsers=5000,
#                                                         ssoGroups=300,permissionSets=80,assignments=6000;
#                                                     XL = accounts=1000,iamUsersPerAccount=30,ssoUsers=30000,
#                                                          ssoGroups=1500,permissionSets=200,assignments=40000
#                                                          (an enterprise organization: its ~35,000 Identity
#                                                          Center calls alone need ~30 min at 20/s);
#                                                     XL10 = a tenth of XL: accounts=100,iamUsersPerAccount=30,
#                                                          ssoUsers=3000,ssoGroups=150,permissionSets=20,
#                                                          assignments=4000 (its 1,659 provisioned pairs are
#                                                          fewer than its 3,150 principals, so unlike XL it reads
#                                                          assignments per pair; XL's per-principal shape at a
#                                                          tenth: the same spec with permissionSets=200);
#                                                     names in any case (xl10 = XL10), all with seed=1;
#                                                     or generator specs separated by ';'
#   MODES / BENCH_MODES     bench.modes      fast,upstream
#   BENCH_WORKERS           bench.workers    8        workers of the fast mode
#   BENCH_LATENCY_MS        bench.latencyMs  25       simulator latency per call
#   BENCH_JITTER_MS         bench.jitterMs   0
#   BENCH_RATES             bench.rates      iam=15,identityCenter=20,organizations=10,sts=20,cloudtrail=2
#                                                     simulator rates in requests/s (iam is per account); the
#                                                     client keeps its own defaults (--rate-* in BENCH_EXTRA_ARGS)
#   BENCH_JVM_ARGS          bench.jvmArgs    "-XX:+UseSerialGC -Xmx640m" (as bin/baton-aws for a sync)
#   BENCH_EXTRA_ARGS        bench.extraArgs  ""       extra CLI flags, e.g. "--sync-sso-user-last-login"
#   BENCH_TIMEOUT_MINUTES   bench.timeoutMinutes 60  per run
#   BENCH_OUT               bench.out        target/bench
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

worlds="${1:-${WORLDS:-${BENCH_WORLDS:-S,M}}}"
modes="${2:-${MODES:-${BENCH_MODES:-fast,upstream}}}"
out="${BENCH_OUT:-target/bench}"
props=(-Dbench.worlds="$worlds" -Dbench.modes="$modes" -Dbench.out="$out")
[ -n "${BENCH_WORKERS:-}" ] && props+=(-Dbench.workers="$BENCH_WORKERS")
[ -n "${BENCH_LATENCY_MS:-}" ] && props+=(-Dbench.latencyMs="$BENCH_LATENCY_MS")
[ -n "${BENCH_JITTER_MS:-}" ] && props+=(-Dbench.jitterMs="$BENCH_JITTER_MS")
[ -n "${BENCH_RATES:-}" ] && props+=(-Dbench.rates="$BENCH_RATES")
[ -n "${BENCH_JVM_ARGS:-}" ] && props+=(-Dbench.jvmArgs="$BENCH_JVM_ARGS")
[ -n "${BENCH_EXTRA_ARGS:-}" ] && props+=(-Dbench.extraArgs="$BENCH_EXTRA_ARGS")
[ -n "${BENCH_TIMEOUT_MINUTES:-}" ] && props+=(-Dbench.timeoutMinutes="$BENCH_TIMEOUT_MINUTES")

rm -f "$out/results.txt" "$out/results.json"
status=0
# surefire sends test output to a file (redirectTestOutputToFile), so the report is printed from results.txt
mvn -B -q -Pbench test -Dtest=SyncBenchmark -Dsurefire.failIfNoSpecifiedTests=false "${props[@]}" || status=$?
if [ -f "$out/results.txt" ]; then
  cat "$out/results.txt"
fi
if [ "$status" -ne 0 ]; then
  echo "bench: maven failed (exit $status); see target/surefire-reports/dev.baton.aws.cli.SyncBenchmark*.txt" >&2
fi
exit "$status"
