#!/usr/bin/env bash
# Full-scale robustness run: N articles (default 1,000) through two local host processes with one killed with
# SIGKILL a third of the way and restarted, a storage outage mid-run, the poison path, and M fuzzed HTTP requests
# (default 10,000). The same tests run in CI at a small scale; this prints their summary lines.
#   scripts/soak.sh [articles] [requests]
source "$(dirname "$0")/common.sh"
install_dependencies
dotnet build Pipeline.sln -c Release --no-restore --verbosity quiet
export PIPELINE_SOAK_ARTICLES="${1:-1000}" PIPELINE_FUZZ_REQUESTS="${2:-10000}"
dotnet test Pipeline.sln -c Release --no-build \
  --filter "FullyQualifiedName~ResilienceTests|FullyQualifiedName~HttpFuzzTests" \
  --logger "console;verbosity=detailed" 2>&1 | tee /tmp/pipeline-soak.log | grep -E "uploaded|requests:|poison:|^\s+(Passed|Failed) |Total tests|Passed:|Failed:"
