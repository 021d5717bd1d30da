#!/usr/bin/env bash
# Bench-sized fault suite: the faults of FaultSuiteTest (the CI-sized suite, src/test/java/dev/baton/aws/cli/)
# at the issue's sizes, on a larger generated organization, with the packaged CLI (bin/baton-aws) in separate
# processes. See docs/faults.md.
#
# It generates the organization once (a `simulator --generate` whose world it saves from GET /_simulator/world),
# then for every row starts a fresh `bin/baton-aws simulator --world` of that file with the row's fault, reads the
# connection facts it prints, and syncs with the CLI: first a clean sync into clean.c1z, then one sync per fault
# into a copy of clean.c1z. Every row is compared with the clean file by the CLI itself:
#   baton-aws verify <row>.c1z                                      (the file is valid)
#   baton-aws diff --against clean.c1z -f <row>.c1z -o json         (resources, entitlements, grants added,
#                                                                    removed or changed)
# and the simulator's counters (GET /_simulator/stats) show that the fault happened: calls beyond the clean run's
# (retries), throttled calls, 5xx answers, sts:AssumeRole calls.
#
# Rows (names for FAULTS):
#   5xx-5           --error-rate 0.05                          5% of calls answered 500
#   5xx-15          --error-rate 0.15
#   throttle-half   --rate <every scope>=CLIENT_RATE/2         AWS at 1/2 of the client's --rate-* (all CLIENT_RATE)
#   throttle-tenth  --rate <every scope>=CLIENT_RATE/10        AWS at 1/10 of the client's rates
#   creds-1s        world limits.credentialLifetimeSeconds=1   session credentials live 1 s (no CLI flag for it)
#   latency         --jitter-ms 1000                           every call 0-1000 ms (500 ± 500 ms)
#   drop            --drop-connection-rate 0.05                5% of connections closed without a reply
#   cut             --truncate-body-rate 0.05                  5% of reply bodies stop half-way
#   stall           --slow-body-rate 0.01 --slow-body-delay-ms STALL_MS
#                                                              1% of bodies stall half-way past the client's read
#                                                              time-out (30 s, AwsClientSettings; no CLI flag)
#   budget          --rate iam=0.01, sync with --retry-budget 20s: IAM throttled for good, which the connector
#                   cannot absorb: it must exit 1 and leave the previous file byte for byte (cmp), nothing beside it
# An absorbable row passes when the sync exits 0, verify passes, diff finds nothing added, removed or changed, and
# the simulator's counters show the fault ("fault seen": 5xx answers, throttled calls, more sts:AssumeRole calls
# than the clean run, or, for replies lost on the way, more calls than the clean run; latency leaves no trace in
# the counters). The budget row passes when the sync exits 1 with one line naming an iam call and the retry budget,
# the file is byte for byte the clean one and nothing is left beside it.
#
# Usage: scripts/faults.sh [FAULTS]            e.g.  scripts/faults.sh   |   FAULTS="5xx-5,cut" scripts/faults.sh
#
# Knobs (environment variable, default):
#   FAULTS                  all rows    comma-separated row names (the clean sync always runs)
#   FAULTS_WORLD            accounts=20,iamUsersPerAccount=10,ssoUsers=300,ssoGroups=20,permissionSets=10,
#                           assignments=300,seed=11          simulator --generate spec
#   FAULTS_CLIENT_RATE      25          every --rate-* of the sync (requests/s; IAM per account)
#   FAULTS_WORKERS          8           --workers of the sync
#   FAULTS_STALL_MS         35000       stall of the stall row; must exceed the client's 30 s read time-out
#   FAULTS_TIMEOUT_MINUTES  30          per sync; a sync killed by it shows exit 124
#   FAULTS_OUT              target/faults
# Results: the table on stdout and in $FAULTS_OUT/results.md; per row $FAULTS_OUT/<row>/ holds the c1z, the sync's
# log (sync.log, JSON lines, info level), its --c1z-temp-dir (tmp/, empty after the run), the simulator's log
# (simulator.log), its counters (stats.json), the diff (diff.json) and the verify report (verify.txt);
# $FAULTS_OUT/world/ the generated organization (world.json). Exit status: 0 when every row passed, 1 otherwise.
#
# The simulator prints its (simulated) secret key with the connection facts; the script keeps them in a file only
# it can read while the simulator starts, deletes it, and passes the keys to the sync in its environment, never on
# a command line or in a log. world/ (mode 700) holds the world's own generated keys, as every world file does.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

all_rows="5xx-5,5xx-15,throttle-half,throttle-tenth,creds-1s,latency,drop,cut,stall,budget"
rows="${1:-${FAULTS:-$all_rows}}"
world_spec="${FAULTS_WORLD:-accounts=20,iamUsersPerAccount=10,ssoUsers=300,ssoGroups=20,permissionSets=10,assignments=300,seed=11}"
client_rate="${FAULTS_CLIENT_RATE:-25}"
workers="${FAULTS_WORKERS:-8}"
stall_ms="${FAULTS_STALL_MS:-35000}"
timeout_minutes="${FAULTS_TIMEOUT_MINUTES:-30}"
out="${FAULTS_OUT:-target/faults}"
cli=bin/baton-aws
scopes=(iam sts organizations identityCenter cloudtrail)

for row in ${rows//,/ }; do
  case ",$all_rows," in
    *",$row,"*) ;;
    *) echo "faults: unknown row '$row'; valid: $all_rows" >&2; exit 2 ;;
  esac
done
for tool in jq curl cmp timeout; do
  command -v "$tool" > /dev/null || { echo "faults: $tool is needed" >&2; exit 2; }
done
if [ ! -f target/baton-aws.jar ]; then
  echo "faults: building target/baton-aws.jar (mvn -B -q package -DskipTests)" >&2
  mvn -B -q package -DskipTests
fi

sim_pid=""
facts=""
stop_simulator() {
  if [ -n "$sim_pid" ]; then
    kill "$sim_pid" 2> /dev/null || true
    wait "$sim_pid" 2> /dev/null || true
    sim_pid=""
  fi
  if [ -n "$facts" ]; then
    rm -f "$facts"
    facts=""
  fi
}
trap stop_simulator EXIT
trap 'stop_simulator; exit 130' INT
trap 'stop_simulator; exit 143' TERM

# start_simulator DIR ARGS...: serves in the background; sets endpoint, role_flags and exports the AWS_* variables
start_simulator() {
  local dir="$1"
  shift
  facts="$(umask 077 && mktemp)"
  "$cli" simulator --port 0 --log-format json "$@" > "$facts" 2> "$dir/simulator.log" &
  sim_pid=$!
  local waited=0
  until grep -q '^# then:' "$facts"; do
    if ! kill -0 "$sim_pid" 2> /dev/null; then
      echo "faults: the simulator did not start: $(tail -n 3 "$dir/simulator.log")" >&2
      exit 1
    fi
    sleep 0.2
    waited=$((waited + 1))
    if [ "$waited" -gt 600 ]; then
      echo "faults: the simulator printed no connection facts within 120 s" >&2
      exit 1
    fi
  done
  export AWS_ENDPOINT_URL AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_REGION
  AWS_ENDPOINT_URL="$(sed -n 's/^export AWS_ENDPOINT_URL=//p' "$facts")"
  AWS_ACCESS_KEY_ID="$(sed -n 's/^export AWS_ACCESS_KEY_ID=//p' "$facts")"
  AWS_SECRET_ACCESS_KEY="$(sed -n 's/^export AWS_SECRET_ACCESS_KEY=//p' "$facts")"
  AWS_REGION="$(sed -n 's/^export AWS_REGION=//p' "$facts")"
  # "# then: baton-aws --role-arn ARN --external-id ID --global-... --sync-secrets -f sync.c1z"
  read -r -a role_flags <<< "$(sed -n 's/^# then: baton-aws //p' "$facts" | sed 's/ -f sync.c1z$//')"
  endpoint="$AWS_ENDPOINT_URL"
  rm -f "$facts"
  facts=""
}

rm -rf "$out"
mkdir -p "$out/world"
chmod 700 "$out/world"
# Nothing of the caller's set-up reaches the simulator or the syncs: no BATON_* or AWS_* variable (a profile, a
# session token, AWS_MAX_ATTEMPTS would change what is measured), no ./.baton.yaml (an empty config file instead).
for name in $(compgen -e | grep -E '^(BATON|AWS)_' || true); do
  unset "$name"
done
: > "$out/empty.yaml"
export BATON_CONFIG_PATH="$out/empty.yaml"
load_start="$(uptime)"
started=$(date +%s)

# The organization, generated once and served from the same file by every row.
echo "faults: generating $world_spec" >&2
start_simulator "$out/world" --generate "$world_spec"
curl -sf "$endpoint/_simulator/world" > "$out/world/world.json"
stop_simulator
jq '.limits.credentialLifetimeSeconds = 1' "$out/world/world.json" > "$out/world/world-creds-1s.json"

client_flags=(--workers "$workers" --log-level info --log-format json)
for flag in --rate-iam --rate-identity-center --rate-organizations --rate-sts --rate-cloudtrail; do
  client_flags+=("$flag" "$client_rate")
done

# all_scopes RATE: --rate iam=RATE,sts=RATE,...
all_scopes() {
  local list=""
  for scope in "${scopes[@]}"; do
    list+="${list:+,}$scope=$1"
  done
  echo "--rate $list"
}

# sync_row NAME WORLD EXTRA_SYNC_FLAGS SIMULATOR_FLAGS...: one simulator, one sync into $out/NAME/sync.c1z
sync_row() {
  local name="$1" world="$2" extra="$3"
  shift 3
  local dir="$out/$name"
  mkdir -p "$dir"
  start_simulator "$dir" --world "$world" "$@"
  local t0 t1 extra_flags=()
  read -r -a extra_flags <<< "$extra"
  t0=$(date +%s.%N)
  row_exit=0
  mkdir -p "$dir/tmp"
  timeout "${timeout_minutes}m" "$cli" "${role_flags[@]}" "${client_flags[@]}" ${extra_flags[@]+"${extra_flags[@]}"} \
    --c1z-temp-dir "$dir/tmp" -f "$dir/sync.c1z" > "$dir/sync.out" 2> "$dir/sync.log" || row_exit=$?
  t1=$(date +%s.%N)
  row_wall=$(echo "$t0 $t1" | awk '{ printf "%.1f", $2 - $1 }')
  curl -sf "$endpoint/_simulator/stats" > "$dir/stats.json" || echo '{}' > "$dir/stats.json"
  stop_simulator
}

# counters STATS: "calls throttled errors assumeRole"
counters() {
  jq -r '[([.calls // {} | .[]] | add // 0), ([.throttled // {} | .[]] | add // 0),
          ([.errors // {} | .[]] | add // 0), (.calls["sts:AssumeRole"] // 0)] | map(tostring) | join(" ")' "$1"
}

table="$out/results.md"
{
  echo "| fault | exit | verify | lost (res/ent/grants) | extra (res/ent/grants) | changed (res/ent/grants) | AWS calls (+ vs clean) | throttled | 5xx | sts:AssumeRole | fault seen | wall s | result |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
} > "$table.rows"
notes=()
failed=0

# clean
echo "faults: clean sync" >&2
sync_row clean "$out/world/world.json" ""
read -r clean_calls clean_throttled clean_errors clean_assume <<< "$(counters "$out/clean/stats.json")"
clean_verify="fail"
"$cli" verify "$out/clean/sync.c1z" > "$out/clean/verify.txt" 2>&1 && clean_verify="ok"
clean_result="PASS"
if [ "$row_exit" -ne 0 ] || [ "$clean_verify" != ok ]; then
  clean_result="FAIL"
  failed=1
  notes+=("clean: exit $row_exit: $(grep -v '^{' "$out/clean/sync.log" | tail -n 1)")
fi
echo "| clean | $row_exit | $clean_verify | - | - | - | $clean_calls | $clean_throttled | $clean_errors | $clean_assume | - | $row_wall | $clean_result |" >> "$table.rows"
echo "faults: clean: exit $row_exit, $clean_calls calls, ${row_wall}s, $(cat "$out/clean/verify.txt")" >&2
if [ "$clean_result" = FAIL ]; then
  echo "faults: the clean sync failed; see $out/clean/sync.log" >&2
  exit 1
fi

for row in ${rows//,/ }; do
  world="$out/world/world.json"
  extra=""
  sim=()
  label="$row"
  case "$row" in
    5xx-5) sim=(--error-rate 0.05); label="5% 5xx" ;;
    5xx-15) sim=(--error-rate 0.15); label="15% 5xx" ;;
    throttle-half)
      read -r -a sim <<< "$(all_scopes "$(awk -v r="$client_rate" 'BEGIN { print r / 2 }')")"
      label="AWS at 1/2 of the client rates" ;;
    throttle-tenth)
      read -r -a sim <<< "$(all_scopes "$(awk -v r="$client_rate" 'BEGIN { print r / 10 }')")"
      label="AWS at 1/10 of the client rates" ;;
    creds-1s) world="$out/world/world-creds-1s.json"; label="credentials live 1 s" ;;
    latency) sim=(--latency-ms 0 --jitter-ms 1000); label="latency 500 ± 500 ms" ;;
    drop) sim=(--drop-connection-rate 0.05); label="5% dropped connections" ;;
    cut) sim=(--truncate-body-rate 0.05); label="5% bodies cut mid-way" ;;
    stall) sim=(--slow-body-rate 0.01 --slow-body-delay-ms "$stall_ms")
      label="1% bodies stalled $((stall_ms / 1000)) s (read time-out 30 s)" ;;
    budget) sim=(--rate iam=0.01); extra="--retry-budget 20s"
      label="IAM throttled for good, --retry-budget 20s (must fail)" ;;
  esac
  echo "faults: $row ($label)" >&2
  mkdir -p "$out/$row"
  cp "$out/clean/sync.c1z" "$out/$row/sync.c1z"
  sync_row "$row" "$world" "$extra" ${sim[@]+"${sim[@]}"}
  read -r calls throttled errors assume <<< "$(counters "$out/$row/stats.json")"
  more=$((calls - clean_calls))
  seen="no"
  case "$row" in
    5xx-*) [ "$errors" -gt 0 ] && seen="yes" ;;
    throttle-* | budget) [ "$throttled" -gt 0 ] && seen="yes" ;;
    creds-1s) [ "$assume" -gt "$clean_assume" ] && seen="yes" ;;
    drop | cut | stall) [ "$more" -gt 0 ] && seen="yes" ;;
    latency) seen="-" ;;
  esac
  [ "$more" -ge 0 ] && more="+$more"
  last_error="$(grep -v '^{' "$out/$row/sync.log" | tail -n 1 || true)"
  if [ "$row" = budget ]; then
    kept="changed"
    cmp -s "$out/clean/sync.c1z" "$out/$row/sync.c1z" && kept="kept (cmp)"
    leftovers="$(cd "$out/$row" && { ls -A | grep '^sync\.c1z.'; ls -A tmp | sed 's|^|tmp/|'; } || true)"
    result="PASS"
    if [ "$row_exit" -ne 1 ] || [ "$kept" != "kept (cmp)" ] || [ -n "$leftovers" ] || [ "$seen" = no ] ||
        ! [[ $last_error =~ ^baton-aws:\ iam:[A-Za-z]+\ .*retry\ budget\ of\ 20s ]]; then
      result="FAIL"
    fi
    [ -n "$leftovers" ] && kept="$kept, left behind: $(echo $leftovers)"
    notes+=("$row: exit $row_exit, stderr: \`$last_error\`")
    echo "| $label | $row_exit | file $kept | - | - | - | $calls ($more) | $throttled | $errors | $assume | $seen | $row_wall | $result |" >> "$table.rows"
  else
    verify="fail"
    "$cli" verify "$out/$row/sync.c1z" > "$out/$row/verify.txt" 2>&1 && verify="ok"
    lost="-" extra_rows="-" changed="-"
    result="FAIL"
    # --exit-code: 0 nothing changed, 3 something did (counted from the JSON), anything else the diff failed
    diff_exit=0
    "$cli" diff --no-query-cache --log-level warn --exit-code --against "$out/clean/sync.c1z" -f "$out/$row/sync.c1z" \
      -o json > "$out/$row/diff.json" 2> "$out/$row/diff.log" || diff_exit=$?
    if [ "$diff_exit" -eq 0 ] || [ "$diff_exit" -eq 3 ]; then
      read -r lost extra_rows changed <<< "$(jq -r '.summary as $s | [
          "\($s.resources.removed)/\($s.entitlements.removed)/\($s.grants.removed)",
          "\($s.resources.added)/\($s.entitlements.added)/\($s.grants.added)",
          "\($s.resources.changed)/\($s.entitlements.changed)/\($s.grants.changed)"] | join(" ")' \
          "$out/$row/diff.json")"
      if [ "$row_exit" -eq 0 ] && [ "$verify" = ok ] && [ "$diff_exit" -eq 0 ] && [ "$seen" != no ]; then
        result="PASS"
      fi
    else
      notes+=("$row: diff exit $diff_exit: $(tail -n 1 "$out/$row/diff.log")")
    fi
    [ "$row_exit" -ne 0 ] && notes+=("$row: exit $row_exit, stderr: \`$last_error\`")
    echo "| $label | $row_exit | $verify | $lost | $extra_rows | $changed | $calls ($more) | $throttled | $errors | $assume | $seen | $row_wall | $result |" >> "$table.rows"
  fi
  [ "$result" = PASS ] || failed=1
  echo "faults: $row: exit $row_exit, ${row_wall}s, $result" >&2
done

load_end="$(uptime)"
{
  echo "# Fault runs, $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  echo "World \`$world_spec\`; client \`--rate-*\` $client_rate, \`--workers $workers\`; $(nproc) cores."
  echo "Load at start:${load_start#*load average:} (1/5/15 min); at end:${load_end#*load average:}; total $(( $(date +%s) - started )) s."
  echo
  cat "$table.rows"
  if [ "${#notes[@]}" -gt 0 ]; then
    echo
    for note in "${notes[@]}"; do
      echo "- $note"
    done
  fi
} > "$table"
rm -f "$table.rows"
cat "$table"
exit "$failed"
