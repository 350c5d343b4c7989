# Shared by the run and test commands: install what the project needs, in the project only.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

require() {
  command -v "$1" >/dev/null 2>&1 || { echo "error: '$1' is required ($2)" >&2; exit 1; }
}

install_dependencies() {
  require dotnet ".NET SDK 10: https://dot.net"
  require node "Node.js 20 or newer"
  require npm "npm, which comes with Node.js"
  # Azurite, pinned in package-lock.json. Reinstalled only when the lock file changed.
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    echo "== npm ci (Azurite)"
    npm ci --no-audit --no-fund --loglevel=error
  fi
  echo "== dotnet restore"
  dotnet restore Pipeline.sln --verbosity quiet
}

# The command line as a local .NET tool (`dotnet pipeline …`, .config/dotnet-tools.json): packed from the source into
# .artifacts/tools, then restored from there. The version stays 1.0.0, so the copy NuGet unpacked from an earlier pack
# is removed first; otherwise `dotnet tool restore` would keep running the old code.
# Packed again only when a source file is newer than the package.
install_cli() {
  local stamp=.artifacts/tools/packed
  if [ ! -f "$stamp" ] || [ -n "$(find src Directory.*.props -path '*/bin' -prune -o -path '*/obj' -prune -o -type f -newer "$stamp" -print -quit)" ]; then
    echo "== dotnet pack src/Pipeline.Cli (the pipeline command)"
    dotnet pack src/Pipeline.Cli -c Release --no-restore --verbosity quiet
    local packages
    packages="$(dotnet nuget locals global-packages --list | sed 's/^global-packages: //')"
    rm -rf "${packages%/}/pipeline.cli" "${packages%/}"/pipeline.cli.*
    touch "$stamp"
  fi
  dotnet tool restore --add-source .artifacts/tools >/dev/null
}

# Chromium for the browser test (tests/browser/browse.mjs), from the distribution's packages: playwright-core
# downloads no browser, and CI machines start with nothing installed. Skipped when it is there already. Only the test
# command needs it; running the pipeline does not.
install_chromium() {
  [ -x /usr/bin/chromium ] && return 0
  require apt-get "apt-get, to install Chromium for the browser test (or install Chromium at /usr/bin/chromium yourself)"
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    require sudo "sudo, to install Chromium for the browser test as a non-root user"
    sudo="sudo"
  fi
  echo "== apt-get install chromium (browser test)"
  $sudo apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium
}

# Waits until 127.0.0.1:$1 accepts connections, for at most $2 seconds.
wait_for_port() {
  local port=$1 seconds=$2
  for _ in $(seq 1 $((seconds * 10))); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && return 0
    sleep 0.1
  done
  return 1
}

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}
