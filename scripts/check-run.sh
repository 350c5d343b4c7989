#!/usr/bin/env bash
# The run command's check, part of the test command: runs scripts/run.sh as a user does, on a store of its own, twice.
#   1. A fresh store: the seed is queryable over HTTP. Then a bad file fails, a large article is left half-done by
#      Ctrl-C (SIGTERM: a background script ignores SIGINT), and everything must be gone within seconds.
#   2. A restart over that store (a failed article and a waiting one): the run command reports them and keeps serving.
source "$(dirname "$0")/common.sh"

API=http://127.0.0.1:7071/api
PIPELINE="dotnet pipeline"
MAX_STOP_SECONDS=15
WORK="$(mktemp -d /tmp/pipeline-check.XXXXXX)"
export PIPELINE_AZURITE_LOCATION="$WORK/azurite"
RUN_PID=""

finish() {
  [ -n "$RUN_PID" ] && kill -TERM "$RUN_PID" 2>/dev/null && wait "$RUN_PID" 2>/dev/null
  rm -rf "$WORK"
  return 0
}
trap finish EXIT

fail() {
  echo "error: run check: $*" >&2
  for log in "$WORK"/run-*.log; do echo "---- $log (end)" >&2; tail -n 40 "$log" >&2; done
  exit 1
}

for port in 7071 10000 10001 10002; do
  port_in_use $port && fail "port $port is in use; the check needs 7071 and 10000-10002 free"
done

# Starts the run command in the background and waits until it says it is running.
start_run() {
  local log="$WORK/run-$1.log"
  bash scripts/run.sh >"$log" 2>&1 &
  RUN_PID=$!
  for _ in $(seq 1 600); do
    grep -q "The pipeline is running" "$log" && return 0
    kill -0 "$RUN_PID" 2>/dev/null || fail "the run command ($1) ended before it was running"
    sleep 1
  done
  fail "the run command ($1) was not running after 10 minutes"
}

# Stops the run command as Ctrl-C does and checks that the host and Azurite are gone within MAX_STOP_SECONDS.
stop_run() {
  local started=$SECONDS
  kill -TERM "$RUN_PID"
  wait "$RUN_PID" 2>/dev/null || true
  RUN_PID=""
  for port in 7071 10000 10001 10002; do
    while port_in_use $port; do
      [ $((SECONDS - started)) -le $MAX_STOP_SECONDS ] || fail "port $port still served $MAX_STOP_SECONDS s after Ctrl-C"
      sleep 0.2
    done
  done
  echo "== $1: everything stopped $((SECONDS - started)) s after Ctrl-C"
}

# Polls an article's status until it is one of the given ones.
wait_status() {
  local id=$1 wanted=$2
  for _ in $(seq 1 120); do
    curl -fs "$API/articles/$id" | grep -Eq "\"status\":\"($wanted)\"" && return 0
    sleep 0.5
  done
  fail "$id never reached status $wanted"
}

check_seed() {
  curl -fs "$API/articles" | grep -q '"title":"Biden and Netanyahu speak for the first time in a month amid deepening rifts"' || fail "the seed is not listed"
  curl -fs "$API/quotes?speaker=Jake%20Sullivan" | grep -q '"speaker":"Jake Sullivan"' || fail "Jake Sullivan's quotes are not served"
  curl -fs "$API/entities?type=Person" | grep -q '"name":"Benjamin Netanyahu"' || fail "the entities are not served"
  curl -fs "$API/browse/" | grep -q '<main id="main"' || fail "the browse page is not served"
}

echo "== Run check, first start (fresh store in $PIPELINE_AZURITE_LOCATION)"
start_run first
check_seed
echo "== The seed is queryable over HTTP"

mkdir -p "$WORK/drop"
: >"$WORK/drop/empty.txt"
# A large article: ten thousand people, processed for tens of seconds, so Ctrl-C comes in the middle of it.
awk 'BEGIN {
  split("ka lo mi ra te su no vi da re", syllable, " "); print "Ten thousand names"
  for (i = 0; i < 10000; i++) {
    name = ""; n = i
    for (d = 0; d < 4; d++) { name = name syllable[n % 10 + 1]; n = int(n / 10) }
    printf "%s%s Smith met %s%s Jones in Paris.\n", toupper(substr(name, 1, 1)), substr(name, 2), "Ve", name
  }
}' >"$WORK/drop/large.txt"
$PIPELINE upload "$WORK/drop/empty.txt" >/dev/null
wait_status empty.txt failed
$PIPELINE upload "$WORK/drop/large.txt" >/dev/null
wait_status large.txt processing
stop_run "first start, with an article half-processed"

echo "== Run check, second start over the same store (a failed article and a waiting one)"
start_run second
sleep 5
kill -0 "$RUN_PID" 2>/dev/null || fail "the run command stopped itself after starting over a store with a failed article"
grep -q "empty.txt" "$WORK/run-second.log" || fail "the run command did not report the failed article"
curl -fs "$API/health" >/dev/null || fail "the host is not healthy after the restart"
check_seed
curl -fs "$API/articles?status=failed" | grep -q '"id":"empty.txt"' || fail "the failed article is not listed as failed"
curl -fs "$API/articles/empty.txt" | grep -q 'empty' || fail "the failed article does not say why"
stop_run "second start"
echo "== Run check passed: the seed is served, and a restart over failed and waiting articles keeps serving"
