#!/usr/bin/env bash
# The project's test command: starts PostgreSQL and SMTP (scripts/test-services.sh), runs every
# test project of the solution and ends with one line "N passed, N failed, N skipped".
# Extra arguments go to `dotnet test`, e.g.  scripts/test.sh --filter "FullyQualifiedName~Contract"
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

# shellcheck source=scripts/test-services.sh
source scripts/test-services.sh   # also stops the services when this script exits

# axe-core for the UI tests' accessibility checks, at the version the lockfile pins (Debian's npm if missing).
if ! command -v npm >/dev/null; then
    sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
    $sudo apt-get update -qq
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends npm
fi
npm ci --prefix tests/ContractRegie.Web.Tests/Ui/axe --no-audit --no-fund --loglevel=error
# Spectral, openapi-typescript and TypeScript for the OpenAPI document tests.
npm ci --prefix tests/ContractRegie.Web.Tests/OpenApi/lint --no-audit --no-fund --loglevel=error

results="$CONTRACTREGIE_TEST_TMP/results"
status=0
dotnet test ContractRegie.sln \
    --logger "console;verbosity=normal" \
    --logger "trx;LogFilePrefix=results" \
    --results-directory "$results" \
    "$@" || status=$?

# A project that does not build (or a test host that crashes) has no results to count below: say so.
[ "$status" -eq 0 ] || echo "dotnet test exited with status $status: a build error or a crashed test host runs no tests, so the count below is not the whole suite" >&2

# Count the per-test outcomes in the .trx files of all test projects. (The <Counters> element
# is no use for skips: VSTest leaves its notExecuted at 0 and only lowers "executed".)
{ find "$results" -name '*.trx' -exec grep -ho '<UnitTestResult [^>]*' {} + 2>/dev/null || true; } |
    sed -n 's/.* outcome="\([A-Za-z]*\)".*/\1/p' |
    awk '{ n[$1]++ }
         END { printf "%d passed, %d failed, %d skipped\n",
                      n["Passed"], n["Failed"] + n["Error"] + n["Timeout"] + n["Aborted"], n["NotExecuted"] }'
exit "$status"
