#!/usr/bin/env bash
# The test command: installs what the tests need if missing, builds once, runs every test project,
# and ends with one line "N passed, N failed, N skipped". Exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

if ! command -v dotnet >/dev/null 2>&1; then
  echo "the .NET SDK (dotnet) is required: https://dot.net"; exit 1
fi

# Debian packages the suites need; installed only when missing.
# poppler-utils: pdfsig validates the contract's signature; the fonts render the synthetic ID cards; npm fetches the OCR models.
APT_PACKAGES=(postgresql chromium fonts-wqy-microhei fonts-wqy-zenhei fonts-arphic-uming fonts-arphic-ukai poppler-utils)
command -v npm >/dev/null 2>&1 || APT_PACKAGES+=(npm)
prepare_machine() {
  local missing=() pkg sudo_cmd=""
  for pkg in "${APT_PACKAGES[@]}"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "installing: ${missing[*]}"
    [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq && $sudo_cmd apt-get install -y -qq "${missing[@]}" || { echo "apt-get install failed"; return 1; }
  fi
  # The PP-OCR models the ID-card reader runs: fetched once into models/ocr/ (git-ignored), never committed.
  ./scripts/fetch-ocr-models.sh || { echo "fetching the OCR models failed"; return 1; }
}

# The packages and models are fetched while the solution builds (on a fresh machine each takes minutes); the
# build needs neither. Their output is shown once both are done.
prepare_log=$(mktemp)
prepare_machine >"$prepare_log" 2>&1 &
prepare_pid=$!

echo "== build (Release)"
dotnet build AutoFinance.slnx -c Release -nologo -v quiet
build_status=$?
wait "$prepare_pid"
prepare_status=$?
cat "$prepare_log"; rm -f "$prepare_log"
if [ "$build_status" -ne 0 ] || [ "$prepare_status" -ne 0 ]; then
  echo "0 passed, 1 failed"
  exit 1
fi

# A private PostgreSQL on loopback for the integration tests that run on both databases.
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -z "$PGBIN" ]; then
  echo "PostgreSQL binaries not found under /usr/lib/postgresql"; exit 1
fi
PGPORT=${AUTOFINANCE_TEST_PGPORT:-55432}
PGDATA_DIR=$(mktemp -d)
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
stop_pg() { as_pg "$PGBIN/pg_ctl" -D "$PGDATA_DIR" -m fast -w stop >/dev/null 2>&1; rm -rf "$PGDATA_DIR"; }
[ "$(id -u)" = 0 ] && chown postgres:postgres "$PGDATA_DIR"
as_pg "$PGBIN/initdb" -D "$PGDATA_DIR" -U postgres -A trust -E UTF8 --no-locale --no-sync >/dev/null || { echo "initdb failed"; exit 1; }
as_pg "$PGBIN/pg_ctl" -D "$PGDATA_DIR" -l "$PGDATA_DIR/server.log" -w -t 30 \
  -o "-c listen_addresses=127.0.0.1 -p $PGPORT -k $PGDATA_DIR -c fsync=on -c max_connections=200" start >/dev/null || { echo "PostgreSQL did not start"; cat "$PGDATA_DIR/server.log"; exit 1; }
trap stop_pg EXIT
export AUTOFINANCE_TEST_POSTGRES="Host=127.0.0.1;Port=$PGPORT;Username=postgres"

passed=0; failed=0; skipped=0; broken=0
for project in tests/*/*.csproj; do
  echo "== $(basename "$project" .csproj)"
  log=$(mktemp)
  dotnet test "$project" -c Release --no-build -nologo 2>&1 | tee "$log"
  status=${PIPESTATUS[0]}
  summary=$(grep -E '(Passed|Failed)!' "$log" | tail -1)
  if [ -z "$summary" ]; then
    echo "!! no test summary from $project (exit $status)"
    broken=$((broken + 1))
  else
    p=$(sed -E 's/.*Passed: *([0-9]+).*/\1/' <<<"$summary")
    f=$(sed -E 's/.*Failed: *([0-9]+).*/\1/' <<<"$summary")
    s=$(sed -E 's/.*Skipped: *([0-9]+).*/\1/' <<<"$summary")
    passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
    [ "$status" -ne 0 ] && [ "$f" -eq 0 ] && broken=$((broken + 1))
  fi
  rm -f "$log"
done

failed=$((failed + broken))
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
