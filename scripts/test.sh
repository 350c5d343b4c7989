#!/usr/bin/env bash
# The test command: installs what it needs, builds, runs the whole suite (a real Azurite included), then
# checks the run command end to end.
source "$(dirname "$0")/common.sh"

install_dependencies
echo "== dotnet build (Release)"
dotnet build Pipeline.sln -c Release --no-restore --verbosity quiet
echo "== dotnet test"
dotnet test Pipeline.sln -c Release --no-build --logger "console;verbosity=minimal"
echo "== run command check"
bash scripts/run.sh --check
