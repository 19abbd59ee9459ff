#!/usr/bin/env bash
# Speed goals of hdnr, measured against peers run in the same run; prints medians and ratios.
#   scripts/bench.sh [--runs N] [--mb MB]
# Installs hdnr from this checkout into a temp folder first, so it measures the tool users get.
set -euo pipefail
runs=7
mb=100
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --mb) mb=$2; shift 2 ;;
    *) echo "bench.sh: unknown argument '$1'" >&2; exit 2 ;;
  esac
done

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HDNR_CACHE_DIR="$work/cache"
hdnr=$("$root/scripts/install.sh" --prefix "$work/bin")

# Milliseconds taken by one run of the command given as arguments (stdin/stdout as set by the caller).
ms() { local s e; s=$(date +%s%N); "$@"; e=$(date +%s%N); echo $(((e - s) / 1000000)); }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
report() { printf '%-44s %10s\n' "$1" "$2"; }

echo "hdnr benchmarks: $runs runs each, medians; $(nproc) cores"

# --- Start-up with a warm cache: hdnr wc.csx map < /dev/null
cp "$root/examples/wc.csx" "$work/wc.csx"
"$hdnr" "$work/wc.csx" map < /dev/null > /dev/null
startup=$(for _ in $(seq "$runs"); do ms "$hdnr" "$work/wc.csx" map < /dev/null > /dev/null; done | median)
py_startup=$(for _ in $(seq "$runs"); do ms python3 "$root/scripts/bench/wc_mapper.py" < /dev/null > /dev/null; done | median)
report "start-up, warm cache (goal < 60 ms)" "$startup ms"
report "  python3 mapper start-up" "$py_startup ms"
report "  ratio hdnr / python3" "$(ratio "$startup" "$py_startup")"

# --- Cold compile: a script hdnr has never seen (a unique comment changes its hash).
cold=$(for i in $(seq "$runs"); do
  { cat "$root/examples/wc.csx"; echo "// cold $i $RANDOM"; } > "$work/cold$i.csx"
  ms "$hdnr" "$work/cold$i.csx" info > /dev/null
done | median)
report "first run of a new script (goal < 900 ms)" "$cold ms"

# --- Map throughput over $mb MB of English text.
alice="$root/../shared/vectors/hadoop-written/wc-input-alice.txt"
[ -f "$alice" ] || alice="$root/examples/wc.txt"
text="$work/text.txt"
while [ "$(stat -c %s "$text" 2>/dev/null || echo 0)" -lt $((mb * 1000000)) ]; do cat "$alice" >> "$text"; done
size_mib=$(awk -v b="$(stat -c %s "$text")" 'BEGIN {printf "%.1f", b / 1048576}')
map=$(for _ in $(seq "$runs"); do ms "$hdnr" "$work/wc.csx" map < "$text" > /dev/null; done | median)
py_map=$(for _ in $(seq 3); do ms python3 "$root/scripts/bench/wc_mapper.py" < "$text" > /dev/null; done | median)
report "wc.csx map over $size_mib MiB" "$map ms"
report "  throughput hdnr" "$(awk -v s="$size_mib" -v t="$map" 'BEGIN {printf "%.0f MiB/s", s / (t / 1000)}')"
report "  throughput python3 mapper" "$(awk -v s="$size_mib" -v t="$py_map" 'BEGIN {printf "%.0f MiB/s", s / (t / 1000)}')"
report "  ratio hdnr / python3 throughput (goal >= 2)" "$(ratio "$py_map" "$map")"
