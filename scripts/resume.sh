#!/usr/bin/env bash
# Resumable syncs under kill -9 (docs/resumable-syncs.md). Generates a world, serves it with the simulator CLI,
# syncs it once without interruption (the reference), then KILLS times: copies the reference to a new output (the
# "previous good file"), starts a sync of it, kills it with SIGKILL after a random share (5-95%) of the reference's
# wall time, checks that the output is still byte-identical to the previous file, re-runs the same command to the
# end and compares the result with the reference (`baton-aws diff`: no row added, removed or changed). Calls are
# the simulator's own counts (before the kill, after it) against the reference run's.
#
# Usage: scripts/resume.sh [WORLD] [KILLS]        e.g. scripts/resume.sh L 10   |   scripts/resume.sh S 3
#   WORLD: S, M, L (the benchmark worlds: docs/benchmarks) or a generator spec; KILLS: default 10
# Knobs: RESUME_SEED (random kill points, default 1), RESUME_LATENCY_MS (simulator latency, default 25),
#        RESUME_EXTRA_ARGS (extra sync flags), RESUME_OUT (default target/resume). Needs the jar
#        (mvn -B -q package -DskipTests), curl and python3.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$PWD
world="${1:-L}"
kills="${2:-10}"
case "${world^^}" in
  S) spec="accounts=3,iamUsersPerAccount=5,ssoUsers=20,ssoGroups=4,permissionSets=3,assignments=20,seed=1" ;;
  M) spec="accounts=20,iamUsersPerAccount=10,ssoUsers=500,ssoGroups=30,permissionSets=15,assignments=600,seed=1" ;;
  L) spec="accounts=200,iamUsersPerAccount=20,ssoUsers=5000,ssoGroups=300,permissionSets=80,assignments=6000,seed=1" ;;
  *) spec="$world" ;;
esac
out="${RESUME_OUT:-target/resume}"
rm -rf "$out" && mkdir -p "$out" && cd "$out"
RANDOM="${RESUME_SEED:-1}"
cli="$root/bin/baton-aws"

port=$((20000 + $$ % 10000))
"$cli" simulator --generate "$spec" --port "$port" --latency-ms "${RESUME_LATENCY_MS:-25}" > sim.out 2> sim.err &
simulator=$!
trap 'kill $simulator 2>/dev/null || true' EXIT
for _ in $(seq 1 240); do grep -q '^# then' sim.out 2>/dev/null && break; sleep 0.5; done
grep -q '^# then' sim.out || { echo "resume.sh: the simulator did not start (see $out/sim.err)" >&2; exit 1; }
eval "$(grep '^export' sim.out)"
read -r -a flags <<< "$(grep '^# then' sim.out | sed 's/^# then: baton-aws //; s/ -f sync.c1z$//') ${RESUME_EXTRA_ARGS:-}"

calls() { curl -s "http://127.0.0.1:$port/_simulator/stats" | python3 -c 'import json,sys; print(sum(json.load(sys.stdin)["calls"].values()))'; }
now() { date +%s.%N; }

echo "world: $spec" | tee results.txt
uptime | tee -a results.txt
c0=$(calls); t0=$(now)
"$cli" "${flags[@]}" -f reference.c1z --log-level warn > reference.log 2>&1
t1=$(now); c1=$(calls)
wall=$(python3 -c "print(round($t1 - $t0, 1))")
ref_calls=$((c1 - c0))
echo "reference: wall ${wall} s, ${ref_calls} calls" | tee -a results.txt
printf '%-4s %-8s %-12s %-11s %-8s %-6s %-10s %-10s %s\n' run kill_s calls_before calls_after total ratio previous rows resumed | tee -a results.txt

failures=0
for i in $(seq 1 "$kills"); do
  cp reference.c1z "run$i.c1z" && cp reference.c1z previous.c1z
  share=$((5 + RANDOM % 91))
  delay=$(python3 -c "print(round($wall * $share / 100, 1))")
  c0=$(calls)
  "$cli" "${flags[@]}" -f "run$i.c1z" --log-level info > "run$i-killed.log" 2>&1 &
  sync=$!
  sleep "$delay"
  kill -9 "$sync" 2>/dev/null || true
  wait "$sync" 2>/dev/null || true
  c1=$(calls)
  if cmp -s "run$i.c1z" previous.c1z; then previous=identical; else previous=CHANGED; failures=$((failures + 1)); fi
  "$cli" "${flags[@]}" -f "run$i.c1z" --log-level info > "run$i-resumed.log" 2>&1 || { echo "run $i: the re-run failed (see $out/run$i-resumed.log)" >&2; failures=$((failures + 1)); }
  c2=$(calls)
  resumed=$(grep -o 'continuing an unfinished sync: [^"]*' "run$i-resumed.log" | sed 's/continuing an unfinished sync: //' || true)
  if "$cli" diff -f "run$i.c1z" --against reference.c1z --exit-code > "run$i-diff.txt" 2>&1; then rows=equal; else rows=DIFFERENT; failures=$((failures + 1)); fi
  before=$((c1 - c0)); after=$((c2 - c1)); total=$((before + after))
  ratio=$(python3 -c "print(round($total / $ref_calls, 3))")
  printf '%-4s %-8s %-12s %-11s %-8s %-6s %-10s %-10s %s\n' "$i" "$delay" "$before" "$after" "$total" "$ratio" "$previous" "$rows" "${resumed:-(started over)}" | tee -a results.txt
  rm -f "run$i.c1z"
done
uptime | tee -a results.txt
echo "results: $out/results.txt"
exit $((failures > 0))
