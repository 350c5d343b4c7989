#!/usr/bin/env bash
# The run command: installs what it needs, starts Azurite and the local Functions host, uploads seeds/, waits until
# they are processed, reports what the store holds (failed and waiting articles included) and serves the API on
# http://127.0.0.1:7071 (Host.LocalHttpPort in src/Pipeline.Functions/local.settings.json) until Ctrl-C. An article
# that failed is the article's problem, never a reason to stop.
#   PIPELINE_AZURITE_LOCATION=<folder>   where Azurite keeps its data (default .azurite)
source "$(dirname "$0")/common.sh"

AZURITE_DATA="${PIPELINE_AZURITE_LOCATION:-$ROOT/.azurite}"
STARTED=()
SIGNALS=()

cleanup() {
  # Last started first: the host stops (its listeners and sweep finish) while Azurite still answers. Azurite gets
  # SIGINT, as Ctrl-C sends: its table service saves its data on SIGINT only. The host gets SIGTERM: a script's
  # background jobs ignore SIGINT, and .NET keeps that.
  for ((i = ${#STARTED[@]} - 1; i >= 0; i--)); do
    kill "-${SIGNALS[i]}" "${STARTED[i]}" 2>/dev/null || true
    wait "${STARTED[i]}" 2>/dev/null || true
  done
  return 0
}
trap cleanup EXIT
trap 'echo; echo "Stopping."; exit 0' INT TERM

install_dependencies
echo "== dotnet build (Release)"
dotnet build src/Pipeline.LocalHost -c Release --no-restore --verbosity quiet
install_cli

SETTINGS=src/Pipeline.Functions/local.settings.json
if [ ! -f "$SETTINGS" ]; then
  cp local.settings.sample.json "$SETTINGS"
  echo "Created $SETTINGS from local.settings.sample.json"
fi
# The port the host listens on: the settings' Host.LocalHttpPort, as the host reads it.
PORT=$(node -e 'const s = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  process.stdout.write(String((s.Host && s.Host.LocalHttpPort) || 7071));' "$SETTINGS") \
  || { echo "error: $SETTINGS is not valid JSON" >&2; exit 1; }
API=http://127.0.0.1:$PORT/api

if port_in_use "$PORT"; then
  echo "error: port $PORT is in use; stop whatever listens there (another run?), or set Host.LocalHttpPort in $SETTINGS, and try again." >&2
  exit 1
fi
if port_in_use 10000 || port_in_use 10001 || port_in_use 10002; then
  echo "== Azurite ports are already in use: using the Azurite that is running there"
else
  echo "== Starting Azurite (data in $AZURITE_DATA)"
  mkdir -p "$AZURITE_DATA"
  # One process per service: Azurite serves each on one thread, and the blob trigger's container scans, receipts
  # and queue messages would otherwise wait in line with the table writes and queries (docs/performance.md).
  for service in blob queue table; do
    node_modules/.bin/azurite-$service --silent --skipApiVersionCheck --disableTelemetry \
      --${service}Host 127.0.0.1 --location "$AZURITE_DATA" >"$AZURITE_DATA/azurite-$service.log" 2>&1 &
    STARTED+=($!)
    SIGNALS+=(INT)
  done
  wait_for_port 10000 30 && wait_for_port 10001 10 && wait_for_port 10002 10 \
    || { echo "error: Azurite did not start; see $AZURITE_DATA/azurite-*.log" >&2; exit 1; }
fi

echo "== Starting the local Functions host on http://127.0.0.1:$PORT"
dotnet src/Pipeline.LocalHost/bin/Release/net10.0/Pipeline.LocalHost.dll --settings "$SETTINGS" \
  --Logging:LogLevel:Microsoft.AspNetCore=Warning &
STARTED+=($!)
SIGNALS+=(TERM)
for _ in $(seq 1 600); do
  curl -fs "$API/health" >/dev/null 2>&1 && break
  sleep 0.1
done
curl -fs "$API/health" >/dev/null || { echo "error: the host did not become healthy" >&2; exit 1; }

PIPELINE="dotnet pipeline"
echo "== Uploading seeds/"
$PIPELINE upload seeds/
$PIPELINE wait seeds/ --timeout 120 || echo "(seeds/ is not all processed: see above)"
echo "== What the store holds"
$PIPELINE status || true

cat <<MSG

The pipeline is running. Browse it: $API/browse/
Or query it:
  curl $API/articles
  curl $API/articles/000_09b943ff63819a7c.txt
  curl "$API/articles/000_09b943ff63819a7c.txt/summary?sentences=3"
  curl "$API/quotes?speaker=Jake%20Sullivan"
  curl "$API/entities?type=Person"
  curl $API/entities/Person/Joe%20Biden/articles

Add articles:   $PIPELINE upload <files or folders>
                (or any blob tool against Azurite, container "articles")
Delete one:     $PIPELINE delete <blob name or article id>
Status:         $PIPELINE status
Press Ctrl-C to stop Azurite and the host.
MSG
wait "${STARTED[-1]}"
