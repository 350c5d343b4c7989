#!/bin/sh
# After the code is deployed, the host has its blobs_extension system key: subscribe the Event Grid system topic's
# BlobCreated events for the articles container to the function's blob webhook (infra/eventgrid-subscription.bicep).
# azd runs this with its outputs in the environment; run by hand, export them first:
#   AZURE_RESOURCE_GROUP, AZURE_FUNCTION_APP_NAME, EVENT_GRID_SYSTEM_TOPIC_NAME
set -eu
command -v az >/dev/null 2>&1 || { echo "error: the Azure CLI (az) is required" >&2; exit 1; }
: "${AZURE_RESOURCE_GROUP:?set AZURE_RESOURCE_GROUP}" "${AZURE_FUNCTION_APP_NAME:?set AZURE_FUNCTION_APP_NAME}" "${EVENT_GRID_SYSTEM_TOPIC_NAME:?set EVENT_GRID_SYSTEM_TOPIC_NAME}"

# The key appears once the host has started with the blob extension; give it a minute.
key=""
for _ in 1 2 3 4 5 6 7 8 9 10 11 12; do
  key=$(az functionapp keys list -n "$AZURE_FUNCTION_APP_NAME" -g "$AZURE_RESOURCE_GROUP" --query "systemKeys.blobs_extension" -o tsv 2>/dev/null || true)
  [ -n "$key" ] && break
  sleep 10
done
[ -n "$key" ] || { echo "error: no blobs_extension key on $AZURE_FUNCTION_APP_NAME yet; deploy the code, then rerun this script" >&2; exit 1; }

az deployment group create -g "$AZURE_RESOURCE_GROUP" -n eventgrid-subscription \
  -f "$(dirname "$0")/../eventgrid-subscription.bicep" \
  -p systemTopicName="$EVENT_GRID_SYSTEM_TOPIC_NAME" functionAppName="$AZURE_FUNCTION_APP_NAME" blobsExtensionKey="$key" \
  --output none
echo "Event Grid now delivers BlobCreated events of the articles container to $AZURE_FUNCTION_APP_NAME."
