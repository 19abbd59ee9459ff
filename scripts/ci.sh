#!/usr/bin/env bash
# What CI runs: the README's test command, then the README's install-and-run command from this checkout.
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log=$(mktemp)
results=$(mktemp -d)
# The README's test command (a TRX file as well, for the skip reasons below).
dotnet test Runner.sln --logger trx --results-directory "$results" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# Every skipped test with its reason (xunit's console output names them without one).
cat "$results"/*.trx 2>/dev/null | tr '\n' ' ' \
  | grep -o '<UnitTestResult [^>]*outcome="NotExecuted"[^>]*>[^<]*<Output>[^<]*<ErrorInfo>[^<]*<Message>[^<]*' \
  | sed -E -e 's/.*testName="([^"]*)".*<Message>(.*)/skipped: \1: \2/' \
      -e "s/&apos;/'/g" -e 's/&quot;/"/g' -e 's/&lt;/</g' -e 's/&gt;/>/g' -e 's/&amp;/\&/g' || true

# One closing line for the whole run, summed over the test projects' own summaries.
awk '/(Passed|Failed|Skipped)!/ {
       for (i = 1; i <= NF; i++) {
         if ($i == "Failed:")  { f += $(i+1) }
         if ($i == "Passed:")  { p += $(i+1) }
         if ($i == "Skipped:") { s += $(i+1) }
       }
     }
     END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
[ "$status" -eq 0 ] || exit "$status"

# The README's first command, from a fresh tool folder: install hdnr and run the main job.
prefix=$(mktemp -d)
bin=$(scripts/install.sh --prefix "$prefix") || exit 1
"$bin" examples/wc.csx launch-local examples/wc.txt "$prefix/wc-out" || exit 1
[ -f "$prefix/wc-out/_SUCCESS" ] || { echo "install check: launch-local wrote no _SUCCESS" >&2; exit 1; }
grep -qx "the	4" "$prefix/wc-out/part-00000" || { echo "install check: wc did not count 'the' 4 times" >&2; cat "$prefix/wc-out/part-00000" >&2; exit 1; }
echo "install check: $bin ran examples/wc.csx with launch-local"
