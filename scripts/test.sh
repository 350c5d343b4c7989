#!/usr/bin/env bash
# The test command: installs what it needs (Chromium too, for the browser test), builds, runs the whole suite (a real
# Azurite included), then checks the run command end to end (scripts/check-run.sh).
source "$(dirname "$0")/common.sh"

install_dependencies
install_chromium
echo "== dotnet build (Release)"
dotnet build Pipeline.sln -c Release --no-restore --verbosity quiet
install_cli
echo "== dotnet test"
dotnet test Pipeline.sln -c Release --no-build --logger "console;verbosity=minimal"
echo "== run command check"
bash scripts/check-run.sh
