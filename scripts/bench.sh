#!/usr/bin/env bash
# Speed goals of hdnr, measured against peers run in the same run; prints medians and ratios.
#   scripts/bench.sh [--runs N] [--mb MB] [--scale-runs N] [--no-scale] [--yarn-only | --no-yarn]
# Installs hdnr from this checkout into a temp folder first, so it measures the tool users get.
# The YARN section runs on a cluster that is up (HDNR_YARN_ENV=STATE/env.sh, as yarn/start-yarn.sh prints it) or that
# ../shared/hadoop/yarn/start-yarn.sh can start on HDNR_YARN_HADOOP (default /tmp/hadoop-2.8.5), stopped after; else
# it says why it is skipped.
set -euo pipefail
runs=7
mb=100
scale_runs=3
local_sections=1
yarn_section=1
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --mb) mb=$2; shift 2 ;;
    --scale-runs) scale_runs=$2; shift 2 ;;
    --no-scale) scale_runs=0; shift ;;
    --yarn-only) local_sections=0; shift ;;
    --no-yarn) yarn_section=0; shift ;;
    *) echo "bench.sh: unknown argument '$1'" >&2; exit 2 ;;
  esac
done

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HDNR_CACHE_DIR="$work/cache"
hdnr=$("$root/scripts/install.sh" --prefix "$work/bin")

# Milliseconds taken by one run of the command given as arguments (stdin as set by the caller; its stdout is
# discarded here, since a redirect after `ms ...` would swallow the figure too).
ms() { local s e; s=$(date +%s%N); "$@" > /dev/null; e=$(date +%s%N); echo $(((e - s) / 1000000)); }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
report() { printf '%-44s %10s\n' "$1" "$2"; }

echo "hdnr benchmarks: $runs runs each, medians; $(nproc) cores"
cp "$root/examples/wc.csx" "$work/wc.csx"
alice="$root/../shared/vectors/hadoop-written/wc-input-alice.txt"
[ -f "$alice" ] || alice="$root/examples/wc.txt"
text="$work/text.txt"
while [ "$(stat -c %s "$text" 2>/dev/null || echo 0)" -lt $((mb * 1000000)) ]; do cat "$alice" >> "$text"; done
size_mib=$(awk -v b="$(stat -c %s "$text")" 'BEGIN {printf "%.1f", b / 1048576}')
tenth="$work/text-tenth.txt"
head -c $((mb * 100000)) "$text" > "$tenth"

if [ "$local_sections" = 1 ]; then

# --- Start-up with a warm cache: hdnr wc.csx map < /dev/null
"$hdnr" "$work/wc.csx" map < /dev/null > /dev/null
startup=$(for _ in $(seq "$runs"); do ms "$hdnr" "$work/wc.csx" map < /dev/null; done | median)
py_startup=$(for _ in $(seq "$runs"); do ms python3 "$root/scripts/bench/wc_mapper.py" < /dev/null; done | median)
report "start-up, warm cache (goal < 60 ms)" "$startup ms"
report "  python3 mapper start-up" "$py_startup ms"
report "  ratio hdnr / python3" "$(ratio "$startup" "$py_startup")"

# --- Cold compile: a script hdnr has never seen (a unique comment changes its hash).
cold=$(for i in $(seq "$runs"); do
  { cat "$root/examples/wc.csx"; echo "// cold $i $RANDOM"; } > "$work/cold$i.csx"
  ms "$hdnr" "$work/cold$i.csx" info
done | median)
report "first run of a new script (goal < 900 ms)" "$cold ms"

# --- Map throughput over $mb MB of English text.
map=$(for _ in $(seq "$runs"); do ms "$hdnr" "$work/wc.csx" map < "$text"; done | median)
py_map=$(for _ in $(seq 3); do ms python3 "$root/scripts/bench/wc_mapper.py" < "$text"; done | median)
report "wc.csx map over $size_mib MiB" "$map ms"
report "  throughput hdnr" "$(awk -v s="$size_mib" -v t="$map" 'BEGIN {printf "%.0f MiB/s", s / (t / 1000)}')"
report "  throughput python3 mapper" "$(awk -v s="$size_mib" -v t="$py_map" 'BEGIN {printf "%.0f MiB/s", s / (t / 1000)}')"
report "  ratio hdnr / python3 throughput (goal >= 2)" "$(ratio "$py_map" "$map")"

# --- Composite values: a reduce over 2 M records whose values are (string, int) tuples, against the same reduce over
# string values (issue 12's goal: at most 1.5 x). Keys are sorted, 100 values each, as a shuffle hands them over.
cat > "$work/tuples.csx" << 'EOF'
IEnumerable<(string, long)> Reduce(string key, IEnumerable<(string, int)> values)
{
    long total = 0;
    foreach (var (name, count) in values) total += name.Length + count;
    yield return (key, total);
}
EOF
cat > "$work/strings.csx" << 'EOF'
IEnumerable<(string, long)> Reduce(string key, IEnumerable<string> values)
{
    long total = 0;
    foreach (var value in values) total += value.Length;
    yield return (key, total);
}
EOF
awk 'BEGIN { for (i = 0; i < 2000000; i++) printf "k%07d\t[\"word%d\",%d]\n", int(i / 100), i % 1000, i % 7 }' > "$work/tuples.txt"
awk 'BEGIN { for (i = 0; i < 2000000; i++) printf "k%07d\tword%d\n", int(i / 100), i % 1000 }' > "$work/strings.txt"
"$hdnr" "$work/tuples.csx" reduce < /dev/null > /dev/null
"$hdnr" "$work/strings.csx" reduce < /dev/null > /dev/null
tuples=$(for _ in $(seq "$runs"); do ms "$hdnr" "$work/tuples.csx" reduce < "$work/tuples.txt"; done | median)
strings=$(for _ in $(seq "$runs"); do ms "$hdnr" "$work/strings.csx" reduce < "$work/strings.txt"; done | median)
report "reduce, 2 M (string, int) values" "$tuples ms"
report "reduce, 2 M string values" "$strings ms"
report "  ratio tuples / strings (goal <= 1.5)" "$(ratio "$tuples" "$strings")"

# --- launch-local: the whole word count job (wc.csx with its Combine) over the same $mb MB, against peers run here.
ll_out="$work/ll-out"
launch_local() { "$hdnr" "$work/wc.csx" launch-local "$1" "$ll_out" --overwrite "${@:2}" 2> /dev/null; }
launch_local "$text"
words=$(wc -w < "$text")
counted=$(cat "$ll_out"/part-* | awk -F '\t' '{s += $2} END {print s}')
[ "$words" = "$counted" ] || { echo "bench.sh: launch-local counted $counted words, wc -w says $words" >&2; exit 1; }
ll=$(for _ in $(seq "$runs"); do ms launch_local "$text"; done | median)
trsort=$(for _ in $(seq "$runs"); do ms bash -c 'tr -s "[:space:]" "\n" < "$1" | LC_ALL=C sort | uniq -c > /dev/null' _ "$text"; done | median)
report "wc.csx launch-local over $size_mib MiB" "$ll ms"
# The same job with the map tasks writing every pair, as before in-mapper combining (-D hdnr.map.combine.mb=0).
ll_plain=$(for _ in $(seq "$runs"); do ms launch_local "$text" -D hdnr.map.combine.mb=0; done | median)
report "  launch-local without in-mapper combining" "$ll_plain ms"
report "  tr | LC_ALL=C sort | uniq -c" "$trsort ms"
report "  ratio launch-local / tr-sort-uniq (goal <= 0.5)" "$(ratio "$ll" "$trsort")"
if command -v mawk > /dev/null; then
  mawk_ms=$(for _ in $(seq "$runs"); do ms mawk '{for(i=1;i<=NF;i++) c[$i]++} END{for(w in c) print w"\t"c[w]}' "$text"; done | median)
  report "  mawk word count" "$mawk_ms ms"
  report "  ratio launch-local / mawk (goal <= 1)" "$(ratio "$ll" "$mawk_ms")"
else
  report "  mawk word count" "(no mawk)"
fi
# The Python streaming pipeline is slow: it runs over a tenth of the text, and the ratio compares time per byte. Two
# peers: the word count as streaming tutorials write it, print() per pair (the issue's 4.3 s per 10 MB), and a tuned
# one writing through sys.stdout.write, about twice as fast.
python_pipeline() { bash -c 'python3 "$1/scripts/bench/$2" < "$3" | LC_ALL=C sort | python3 "$1/scripts/bench/$4" > /dev/null' _ "$root" "$1" "$tenth" "$2"; }
py_pipe=$(for _ in $(seq 3); do ms python_pipeline wc_mapper_print.py wc_reducer_print.py; done | median)
py_tuned=$(for _ in $(seq 3); do ms python_pipeline wc_mapper.py wc_reducer.py; done | median)
py_combining=$(for _ in $(seq 3); do ms python_pipeline wc_mapper_combining.py wc_reducer.py; done | median)
ll_tenth=$(for _ in $(seq "$runs"); do ms launch_local "$tenth"; done | median)
report "  python3 map | sort | python3 reduce, $((mb / 10)) MB" "$py_pipe ms"
report "  the same, tuned python3 (sys.stdout.write)" "$py_tuned ms"
report "  the same, python3 counting in a dict in the mapper (in-mapper combining)" "$py_combining ms"
report "  launch-local, the same $((mb / 10)) MB" "$ll_tenth ms"
report "  ratio python3 / launch-local per byte (goal >= 20)" "$(awk -v p="$py_pipe" -v l="$ll" 'BEGIN {printf "%.1f", (p * 10) / l}')"
report "  ratio tuned python3 / launch-local per byte" "$(awk -v p="$py_tuned" -v l="$ll" 'BEGIN {printf "%.1f", (p * 10) / l}')"
report "  ratio combining python3 / launch-local per byte" "$(awk -v p="$py_combining" -v l="$ll" 'BEGIN {printf "%.1f", (p * 10) / l}')"
report "  ratio python3 / launch-local, same $((mb / 10)) MB" "$(ratio "$py_pipe" "$ll_tenth")"
# Real Hadoop Streaming in local mode running the same job with hdnr's tasks, where a Hadoop is set up (../shared/hadoop).
if command -v hadoop > /dev/null && [ -n "${HADOOP_STREAMING_JAR:-}" ]; then
  hadoop_job() {
    rm -rf "$work/hadoop-out"
    hadoop jar "$HADOOP_STREAMING_JAR" -input "$tenth" -output "$work/hadoop-out" -mapper "$hdnr $work/wc.csx map" \
      -combiner "$hdnr $work/wc.csx combine" -reducer "$hdnr $work/wc.csx reduce" 2> /dev/null
  }
  hadoop_ms=$(for _ in $(seq 3); do ms hadoop_job; done | median)
  report "  Hadoop 2.8.5 local mode, the same job, $((mb / 10)) MB" "$hadoop_ms ms"
  report "  ratio Hadoop / launch-local, same $((mb / 10)) MB" "$(ratio "$hadoop_ms" "$ll_tenth")"
fi

# --- Scale: 2 x and 20 x the text with a 64 MB sort buffer: peak memory, and time growing linearly.
if [ "$scale_runs" -gt 0 ]; then
  small="$work/text-2x.txt"; big="$work/text-20x.txt"
  for _ in 1 2; do cat "$text"; done > "$small"
  for _ in $(seq 10); do cat "$small"; done > "$big"
  # "seconds peak-KiB" of one run, from GNU time.
  timed() { /usr/bin/time -f "%e %M" -o "$work/time.txt" "$hdnr" "$work/wc.csx" launch-local "$1" "$ll_out" --overwrite --sort-buffer-mb 64 2> /dev/null; cat "$work/time.txt"; }
  small_runs=$(for _ in $(seq "$scale_runs"); do timed "$small"; done)
  big_runs=$(for _ in $(seq "$scale_runs"); do timed "$big"; done)
  small_s=$(echo "$small_runs" | awk '{print $1}' | median)
  big_s=$(echo "$big_runs" | awk '{print $1}' | median)
  big_kib=$(echo "$big_runs" | awk '{print $2}' | sort -n | tail -1)
  report "launch-local, $((2 * mb)) MB, --sort-buffer-mb 64" "$small_s s"
  report "launch-local, $((20 * mb)) MB, --sort-buffer-mb 64" "$big_s s"
  report "  ratio $((20 * mb)) MB / $((2 * mb)) MB time (goal < 12)" "$(awk -v a="$big_s" -v b="$small_s" 'BEGIN {printf "%.2f", a / b}')"
  report "  peak memory, largest of $scale_runs runs (goal < 512 MB)" "$((big_kib / 1024)) MiB"
fi

# --- freeze: wc.csx frozen into one NativeAOT executable, cold (a script never frozen) and reused; the bundle's size;
# the frozen task's start-up (./wc map < /dev/null, 20 runs per sample); the self-contained mode for comparison.
frozen="$work/frozen"
mkdir -p "$frozen"
freeze_cold=$(for i in $(seq 3); do
  { cat "$root/examples/wc.csx"; echo "// freeze $i $RANDOM"; } > "$frozen/fz$i.csx"
  "$hdnr" "$frozen/fz$i.csx" info > /dev/null
  ms "$hdnr" "$frozen/fz$i.csx" freeze "$frozen/fz$i.tar.gz" 2> /dev/null
done | median)
freeze_reused=$(for _ in $(seq "$runs"); do ms "$hdnr" "$frozen/fz1.csx" freeze "$frozen/again.tar.gz" 2> /dev/null; done | median)
report "freeze, NativeAOT, cold (goal < 10000 ms)" "$freeze_cold ms"
report "freeze, reused (goal < 1000 ms)" "$freeze_reused ms"
report "  bundle .tar.gz (goal < 5 MiB)" "$(awk -v b="$(stat -c %s "$frozen/fz1.tar.gz")" 'BEGIN {printf "%.2f MiB", b / 1048576}')"
mkdir -p "$frozen/node" && tar xzf "$frozen/fz1.tar.gz" -C "$frozen/node"
# Mean milliseconds of 20 runs of the command, as one sample.
ms20() { local s e; s=$(date +%s%N); for _ in $(seq 20); do "$@" < /dev/null > /dev/null; done; e=$(date +%s%N); awk -v d=$((e - s)) 'BEGIN {printf "%.2f\n", d / 20 / 1000000}'; }
frozen_startup=$(for _ in $(seq "$runs"); do ms20 "$frozen/node/fz1" map; done | median)
report "  frozen task start-up (goal < 5 ms)" "$frozen_startup ms"
report "  ratio hdnr / frozen start-up" "$(ratio "$startup" "$frozen_startup")"
sc_ms=$(ms "$hdnr" "$frozen/fz1.csx" freeze "$frozen/sc.tar.gz" --mode self-contained 2> /dev/null)
mkdir -p "$frozen/sc" && tar xzf "$frozen/sc.tar.gz" -C "$frozen/sc"
report "freeze --mode self-contained" "$sc_ms ms"
report "  bundle .tar.gz" "$(awk -v b="$(stat -c %s "$frozen/sc.tar.gz")" 'BEGIN {printf "%.1f MiB", b / 1048576}')"
report "  task start-up" "$(for _ in $(seq "$runs"); do ms20 "$frozen/sc/fz1" map; done | median) ms"
fi

# --- YARN: the word count as a real single-node YARN cluster runs it (2 reducers, default options), against the Python
# streaming job (the system's python3 mapper and reducer above, shipped with -files) and the cat/cat floor, run in
# turn within each round so that all see the same load; medians of 3. The old default io, typedbytes, is measured too.
yarn_skip() { report "YARN word count" "skipped: $1"; }
if [ "$yarn_section" = 0 ]; then
  exit 0
fi
yarn_tree=${HDNR_YARN_HADOOP:-/tmp/hadoop-2.8.5}
yarn_start="$root/../shared/hadoop/yarn/start-yarn.sh"
yarn_env=${HDNR_YARN_ENV:-}
started=""
if [ -z "$yarn_env" ]; then
  if [ ! -x "$yarn_start" ] || [ ! -f "$yarn_tree/env.sh" ]; then
    yarn_skip "no cluster (set HDNR_YARN_ENV) and no $yarn_start with a Hadoop tree at $yarn_tree"; exit 0
  fi
  if ! yarn_env=$("$yarn_start" "$yarn_tree" "$work/yarn" 2> "$work/yarn-start.err"); then
    yarn_skip "start-yarn.sh failed: $(tail -1 "$work/yarn-start.err")"; exit 0
  fi
  started="$work/yarn"
  trap '"$root/../shared/hadoop/yarn/stop-yarn.sh" "$started" > /dev/null 2>&1 || true; rm -rf "$work"' EXIT
fi
(
  # shellcheck disable=SC1090
  source "$yarn_env"
  cd "$work"
  y_runs=3
  yarn_job() {  # yarn_job KIND INPUT: one job, its output in $work/y-KIND
    local out="$work/y-$1"
    rm -rf "$out"
    case "$1" in
      hdnr) "$hdnr" "$work/wc.csx" launch-frozen "$2" "$out" --reducers 2 ;;
      typedbytes) "$hdnr" "$work/wc.csx" launch-frozen "$2" "$out" --reducers 2 --io typedbytes ;;
      python) hadoop jar "$HADOOP_STREAMING_JAR" -files "$root/scripts/bench/wc_mapper.py,$root/scripts/bench/wc_reducer.py" \
        -input "$2" -output "$out" -mapper "/usr/bin/python3 wc_mapper.py" -reducer "/usr/bin/python3 wc_reducer.py" -numReduceTasks 2 ;;
      python-combining) hadoop jar "$HADOOP_STREAMING_JAR" -files "$root/scripts/bench/wc_mapper_combining.py,$root/scripts/bench/wc_reducer.py" \
        -input "$2" -output "$out" -mapper "/usr/bin/python3 wc_mapper_combining.py" -reducer "/usr/bin/python3 wc_reducer.py" -numReduceTasks 2 ;;
      cat) hadoop jar "$HADOOP_STREAMING_JAR" -input "$2" -output "$out" -mapper cat -reducer cat -numReduceTasks 2 ;;
    esac > "$work/y-$1.log" 2>&1 || true
  }
  # A job's time counts only when it committed its output.
  committed() { [ -f "$work/y-$1/_SUCCESS" ] || { echo "bench.sh: the YARN $1 job failed; its output: $work/y-$1.log" >&2; tail -5 "$work/y-$1.log" >&2; exit 1; }; }
  # The first launch-frozen freezes wc.csx (a minute); after it every launch reuses the bundle, as a user's would.
  yarn_job hdnr "$tenth"; committed hdnr
  counted=$(cat "$work"/y-hdnr/part-* | awk -F '\t' '{s += $2} END {print s}')
  [ "$(wc -w < "$tenth")" = "$counted" ] || { echo "bench.sh: on YARN hdnr counted $counted words, wc -w says $(wc -w < "$tenth")" >&2; exit 1; }
  for size in big small; do
    input=$text; label="$size_mib MiB"; kinds="hdnr typedbytes python python-combining cat"
    [ "$size" = small ] && { input=$tenth; label="$((mb / 10)) MB"; kinds="hdnr python python-combining cat"; }
    for _ in $(seq "$y_runs"); do for kind in $kinds; do t=$(ms yarn_job "$kind" "$input"); committed "$kind"; echo "$kind $t"; done; done > "$work/y-$size.txt"
    y() { awk -v k="$1" '$1 == k {print $2}' "$work/y-$size.txt" | median; }
    report "YARN word count, $label, 2 reducers" ""
    report "  hdnr launch-frozen (default options)" "$(y hdnr) ms"
    [ "$size" = big ] && report "  hdnr launch-frozen --io typedbytes" "$(y typedbytes) ms"
    report "  python3 streaming" "$(y python) ms"
    report "  python3 streaming, counting in a dict in the mapper" "$(y python-combining) ms"
    report "  cat / cat" "$(y cat) ms"
    if [ "$size" = big ]; then
      report "  ratio hdnr / python3 (goal <= 0.8)" "$(ratio "$(y hdnr)" "$(y python)")"
      report "  ratio hdnr / combining python3" "$(ratio "$(y hdnr)" "$(y python-combining)")"
      report "  ratio hdnr / cat (goal <= 1.1)" "$(ratio "$(y hdnr)" "$(y cat)")"
      report "  ratio --io typedbytes / cat" "$(ratio "$(y typedbytes)" "$(y cat)")"
    else
      report "  ratio hdnr / python3 (goal <= 1)" "$(ratio "$(y hdnr)" "$(y python)")"
      report "  ratio hdnr / combining python3" "$(ratio "$(y hdnr)" "$(y python-combining)")"
      report "  ratio hdnr / cat" "$(ratio "$(y hdnr)" "$(y cat)")"
    fi
  done
)
