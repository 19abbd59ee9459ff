#!/usr/bin/env bash
# Runs each reference job of tests/references on a real Hadoop Streaming (`hdnr launch`) and keeps what Hadoop
# wrote beside the job, so the tests compare launch-local against Hadoop's own bytes where no Hadoop is installed.
#   source /tmp/hadoop-2.8.5/env.sh && scripts/hadoop-references.sh [CASE...]     (all cases when none is given)
# A case is a folder: job.csx, input/ (files, passed to the job one by one in name order), options (hdnr's options,
# one argument per line, given to both `launch` and `launch-local`), and optionally isolations (launch-local's
# --isolation values to test it in, one per line; inprocess when absent). The script writes hadoop-VERSION/ in it:
# output/ (the job's output folder without Hadoop's .crc files) or nothing when the job failed, exit-code, and
# counters (the job's counters as the job client prints them; the tests compare those launch-local keeps, and a
# case's counters-not-compared file names the ones it does not, with the reason).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cases_dir="$root/tests/references"

command -v hadoop > /dev/null || { echo "hadoop-references.sh: no hadoop on PATH (source a Hadoop env.sh first)" >&2; exit 2; }
version=$(hadoop version 2>/dev/null | awk 'NR == 1 {print $2}')
[ -n "$version" ] || { echo "hadoop-references.sh: 'hadoop version' printed no version" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HDNR_CACHE_DIR="$work/cache"
dotnet build "$root/runner/Hdnr.Cli/Hdnr.Cli.csproj" -c Release -o "$work/bin" --artifacts-path "$work/artifacts" -v quiet -nologo > "$work/build.log" 2>&1 \
  || { cat "$work/build.log" >&2; exit 1; }

if [ $# -gt 0 ]; then cases=("$@"); else mapfile -t cases < <(cd "$cases_dir" && ls -d */ | tr -d /); fi
for name in "${cases[@]}"; do
  dir="$cases_dir/$name"
  [ -f "$dir/job.csx" ] || { echo "hadoop-references.sh: $dir has no job.csx" >&2; exit 2; }
  mapfile -t inputs < <(cd "$dir" && find input -type f | LC_ALL=C sort)
  options=()
  [ -f "$dir/options" ] && mapfile -t options < <(grep -v '^$' "$dir/options")
  out="$work/out-$name"
  set +e
  (cd "$dir" && dotnet "$work/bin/hdnr.dll" job.csx launch "${inputs[@]}" "$out" "${options[@]}") > "$work/$name.log" 2>&1
  code=$?
  set -e
  ref="$dir/hadoop-$version"
  rm -rf "$ref"
  mkdir -p "$ref"
  echo "$code" > "$ref/exit-code"
  if [ "$code" -eq 0 ]; then
    cp -r "$out" "$ref/output"
    find "$ref/output" -name '.*.crc' -delete
  fi
  # The job's counters: the indented lines after the job client's last "Counters: N" (local mode logs each task's first).
  awk '/Counters: [0-9]+$/ {on = 1; block = ""; next} on && /^\t/ {block = block $0 "\n"; next} on {on = 0}
       END {printf "%s", block}' "$work/$name.log" > "$ref/counters"
  echo "$name: hadoop $version exit $code, $(find "$ref" -type f | wc -l) files"
done
