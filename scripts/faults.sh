#!/usr/bin/env bash
# The fault matrix: runs hdnr under the faults a user's machine meets and prints one line per case, saying what
# happened and whether anything was lost (input, a previous output), leaked (to another user) or left (scratch,
# _temporary, runtime pipes). Exits 1 when any case breaks a promise of README's "What hdnr promises".
#   scripts/faults.sh                 install hdnr from this checkout into a temporary folder, then run every case
#   scripts/faults.sh --hdnr PATH     run the cases against an installed hdnr
#   scripts/faults.sh --only WORD      run only the groups whose name holds WORD (overwrite, damaged, utf8, scripts,
#                                      signals, commit, disk, users)
# Cases that need root (a small tmpfs for a full disk, throwaway users) are skipped with the reason elsewhere.
set -uo pipefail

hdnr=""
only=""
while [ $# -gt 0 ]; do
  case "$1" in
    --hdnr) hdnr="${2:?--hdnr needs a path}"; shift 2 ;;
    --only) only="${2:?--only needs a word}"; shift 2 ;;
    -h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "faults.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
top=$(mktemp -d /tmp/hdnr-faults.XXXXXX)
chmod 755 "$top"
mounts=()
users=()
cleanup() {
  for m in "${mounts[@]}"; do umount "$m" 2>/dev/null; done
  for u in "${users[@]}"; do userdel -r "$u" >/dev/null 2>&1; done
  rm -rf "$top"
}
trap cleanup EXIT

if [ -z "$hdnr" ]; then
  mkdir -p "$top/bin" && chmod 755 "$top/bin"
  hdnr=$("$root/scripts/install.sh" --prefix "$top/bin") || { echo "faults.sh: install failed" >&2; exit 1; }
fi

failures=0
# One line per case: OK or FAIL, the case, what happened.
report() { # report OK|FAIL case text
  [ "$1" = FAIL ] && failures=$((failures + 1))
  printf '%-4s %-44s %s\n' "$1" "$2" "$3"
}

# --- scripts and inputs --------------------------------------------------------------------------------------------

wc="$root/examples/wc.csx"
mkdir -p "$top/in" && seq 1 20000 | sed 's/$/ the quick brown fox/' > "$top/in/words.txt"
export HDNR_CACHE_DIR="$top/cache"

# A job whose Map (or Reduce) signals that it runs, then waits until a gate file appears: signals land in that phase.
gated() { # gated map|reduce NAME
  local phase=$1 name=$2 ready="$top/$2.ready" gate="$top/$2.gate"
  local wait="if (!System.IO.File.Exists(\"$ready\")) System.IO.File.WriteAllText(\"$ready\", \"\"); while (!System.IO.File.Exists(\"$gate\")) System.Threading.Thread.Sleep(20);"
  local map="" reduce=""
  [ "$phase" = map ] && map="$wait"
  [ "$phase" = reduce ] && reduce="$wait"
  cat > "$top/$name.csx" <<EOF
/// Waits at a gate in its $phase phase.
IEnumerable<(string, int)> Map(long offset, string line)
{
    $map
    foreach (var w in line.Split(' ')) yield return (w, 1);
}

IEnumerable<(string, int)> Reduce(string word, IEnumerable<int> counts)
{
    $reduce
    yield return (word, counts.Sum());
}
EOF
  echo "$top/$name.csx"
}

script() { # script NAME BODY: a script file with a doc line and BODY
  printf '/// Fault case %s.\n%s\n' "$1" "$2" > "$top/$1.csx"
  echo "$top/$1.csx"
}

# What a job left behind in TMPDIR (scratch, runtime pipes), as one phrase.
leftovers() { # leftovers TMPDIR
  local n
  # A user's own empty scratch root (hdnr-UID) is kept between jobs on purpose; anything else counts.
  n=$(find "$1" -mindepth 1 ! \( -type d -empty -path "$1/hdnr-*" ! -path "$1/hdnr-*/*" \) 2>/dev/null | wc -l)
  if [ "$n" -eq 0 ]; then echo "nothing left in TMPDIR"; else echo "$n entries left in TMPDIR ($(find "$1" -mindepth 1 -maxdepth 2 | head -3 | sed "s|^$1/||" | tr '\n' ' '))"; fi
}

# --- data loss: --overwrite, failed jobs, commit ---------------------------------------------------------------------

case_overwrite_guard() { # OUTPUT that is an input, a parent of one, or the working directory
  local d="$top/guard" rc
  mkdir -p "$d/data" "$d/p/d" && cp "$top/in/words.txt" "$d/data/" && cp "$top/in/words.txt" "$d/p/d/in.txt"
  local before; before=$(cd "$d" && find . -type f | sort | xargs md5sum)
  (cd "$d" && "$hdnr" "$wc" launch-local data data --overwrite) >"$d/1.err" 2>&1; local r1=$?
  (cd "$d" && "$hdnr" "$wc" launch-local p/d/in.txt p --overwrite) >"$d/2.err" 2>&1; local r2=$?
  (cd "$d/p/d" && "$hdnr" "$wc" launch-local in.txt . --overwrite) >"$d/3.err" 2>&1; local r3=$?
  local after; after=$(cd "$d" && find . -type f ! -name '*.err' | sort | xargs md5sum)
  if [ "$r1" -ne 0 ] && [ "$r2" -ne 0 ] && [ "$r3" -ne 0 ] && [ "$before" = "$after" ]; then
    report OK "--overwrite onto an input or the cwd" "refused (exits $r1 $r2 $r3): $(head -1 "$d/1.err"); inputs untouched"
  else
    report FAIL "--overwrite onto an input or the cwd" "exits $r1 $r2 $r3; inputs $([ "$before" = "$after" ] && echo untouched || echo CHANGED)"
  fi
}

case_overwrite_failed_job() { # a failing job with --overwrite keeps the previous output
  local out="$top/prev-out" s rc
  "$hdnr" "$wc" launch-local "$top/in" "$out" >/dev/null 2>&1
  local before; before=$(cd "$out" && md5sum part-* _SUCCESS)
  s=$(script fails 'IEnumerable<(string, int)> Map(long o, string l) { if (o > 1000) throw new Exception("boom"); yield return (l, 1); }')
  "$hdnr" "$s" launch-local "$top/in" "$out" --overwrite --max-attempts 1 >/dev/null 2>&1; rc=$?
  local after; after=$(cd "$out" 2>/dev/null && md5sum part-* _SUCCESS 2>/dev/null)
  local siblings; siblings=$(find "$top" -maxdepth 1 -name '*prev-out*' ! -name prev-out | wc -l)
  if [ "$rc" -ne 0 ] && [ "$before" = "$after" ] && [ ! -e "$out/_temporary" ] && [ "$siblings" -eq 0 ]; then
    report OK "failing job with --overwrite" "exit $rc; previous output kept byte for byte"
  else
    report FAIL "failing job with --overwrite" "exit $rc; previous output $([ "$before" = "$after" ] && echo kept || echo LOST); $siblings sibling folders"
  fi
}

case_failed_job_leaves_no_output() {
  local out="$top/failed-out" s rc
  s=$(script fails2 'IEnumerable<(string, int)> Map(long o, string l) { throw new Exception("boom"); }')
  "$hdnr" "$s" launch-local "$top/in" "$out" --max-attempts 1 >/dev/null 2>&1; rc=$?
  if [ "$rc" -ne 0 ] && [ ! -e "$out" ]; then
    report OK "failed job" "exit $rc; no OUTPUT left, so the rerun is not refused"
  else
    report FAIL "failed job" "exit $rc; OUTPUT $([ -e "$out" ] && echo "left: $(ls -A "$out" | tr '\n' ' ')" || echo absent)"
  fi
}

case_side_files() { # side files in sub-folders, and the same name from two tasks
  local out="$top/side-out" s rc
  s=$(script side 'int n;
IEnumerable<(string, int)> Map(long o, string l)
{
    if (n++ == 0)
    {
        // A file: URI, as Hadoop gives it.
        var dir = System.Environment.GetEnvironmentVariable("mapreduce_task_output_dir")!.Replace("file:", "");
        System.IO.Directory.CreateDirectory(System.IO.Path.Combine(dir, "sub"));
        System.IO.File.WriteAllText(System.IO.Path.Combine(dir, "sub", "side.txt"), System.Environment.GetEnvironmentVariable("mapreduce_task_id"));
    }
    yield return (l, 1);
}')
  "$hdnr" "$s" launch-local "$top/in/words.txt" "$top/in/words.txt" "$out" >/dev/null 2>&1; rc=$?
  if [ "$rc" -eq 0 ] && [ -s "$out/sub/side.txt" ] && [ -e "$out/_SUCCESS" ]; then
    report OK "side files in sub/ from two tasks" "exit 0; sub/side.txt committed (from $(cat "$out/sub/side.txt")), part files kept"
  else
    report FAIL "side files in sub/ from two tasks" "exit $rc; $(ls -AR "$out" 2>/dev/null | tr '\n' ' ')"
  fi
}

# --- inputs that are damaged or not UTF-8 ----------------------------------------------------------------------------

case_damaged() { # case_damaged NAME FILE
  local name=$1 file=$2 out="$top/dmg-$1" rc
  "$hdnr" "$wc" launch-local "$file" "$out" >"$top/dmg-$name.err" 2>&1; rc=$?
  local line; line=$(grep -m1 '^hdnr: ' "$top/dmg-$name.err" | cut -c1-120)
  if [ "$rc" -ne 0 ] && [ ! -e "$out/_SUCCESS" ] && grep -q "$(basename "$file")" "$top/dmg-$name.err" && ! grep -q '   at ' "$top/dmg-$name.err"; then
    report OK "$name" "exit $rc, nothing committed: $line"
  else
    report FAIL "$name" "exit $rc; _SUCCESS $([ -e "$out/_SUCCESS" ] && echo WRITTEN || echo absent); $line"
  fi
}

cases_damaged_inputs() {
  local d="$top/damaged" size
  mkdir -p "$d"
  gzip -c "$top/in/words.txt" > "$d/full.gz"; size=$(stat -c %s "$d/full.gz")
  head -c $((size / 2)) "$d/full.gz" > "$d/truncated.gz"
  cp "$d/full.gz" "$d/corrupt.gz"; printf '\xff\xff\xff\xff' | dd of="$d/corrupt.gz" bs=1 seek=$((size / 3)) conv=notrunc 2>/dev/null
  bzip2 -c "$top/in/words.txt" > "$d/full.bz2"; size=$(stat -c %s "$d/full.bz2")
  head -c $((size / 2)) "$d/full.bz2" > "$d/truncated.bz2"
  "$hdnr" writetb "$d/full.seq" --format tsv < <(head -2000 "$top/in/words.txt" | sed 's/ /\t/') >/dev/null 2>&1
  size=$(stat -c %s "$d/full.seq" 2>/dev/null || echo 0)
  head -c $((size / 2)) "$d/full.seq" > "$d/truncated.seq"
  case_damaged "truncated .gz" "$d/truncated.gz"
  case_damaged "corrupt .gz" "$d/corrupt.gz"
  case_damaged "truncated .bz2" "$d/truncated.bz2"
  case_damaged "truncated SequenceFile" "$d/truncated.seq"
}

case_not_utf8() {
  local out="$top/utf8-out" rc
  printf 'caf\xe9\ncaf\xe8\n' > "$top/latin1.txt"
  "$hdnr" "$wc" launch-local "$top/latin1.txt" "$out" >"$top/utf8.err" 2>&1; rc=$?
  local want; want=$(printf 'caf\xe8\t1\ncaf\xe9\t1\n' | od -An -tx1 | tr -d ' \n')
  local got; got=$(od -An -tx1 "$out/part-00000" 2>/dev/null | tr -d ' \n')
  if [ "$rc" -eq 0 ] && [ "$want" = "$got" ]; then
    report OK "text that is not UTF-8" "bytes kept: caf\\xe8 and caf\\xe9 stay two keys; $(grep -m1 -i 'utf-8' "$top/utf8.err" | sed 's/^[[:space:]]*//')"
  else
    report FAIL "text that is not UTF-8" "exit $rc; part file $got, Hadoop gives $want"
  fi
}

# --- scripts that exit, hang, overflow, read stdin --------------------------------------------------------------------

case_script() { # case_script NAME ISOLATION EXPECT(ok|fail) SCRIPT [OPTIONS...]
  local name=$1 iso=$2 expect=$3 s=$4; shift 4
  local out="$top/script-$name-$iso" tmp="$top/tmp-$name-$iso" rc
  mkdir -p "$tmp"
  TMPDIR="$tmp" timeout 120 "$hdnr" "$s" launch-local "$top/in/words.txt" "$out" --isolation "$iso" --max-attempts 2 "$@" \
    >"$top/script-$name-$iso.err" 2>&1 </dev/null; rc=$?
  local line; line=$(grep -m1 -E 'hdnr: (Task|Job)' "$top/script-$name-$iso.err" | cut -c1-100)
  local left; left=$(leftovers "$tmp")
  local ok=0
  if [ "$rc" -eq 124 ]; then ok=1; line="hung (killed by timeout after 120 s)"
  elif [ "$expect" = fail ]; then [ "$rc" -ne 0 ] && [ ! -e "$out" ] || ok=1
  else [ "$rc" -eq 0 ] && [ -e "$out/_SUCCESS" ] || ok=1; fi
  # The runtime's own report of a script's stack overflow names the script's frames; hdnr's own frames are a trace.
  grep -qE '   at (Hdnr|System|Microsoft)\.' "$top/script-$name-$iso.err" && { ok=1; line="stack trace printed: $line"; }
  [ "$left" = "nothing left in TMPDIR" ] || ok=1
  report "$([ $ok -eq 0 ] && echo OK || echo FAIL)" "$name ($iso)" "exit $rc; $line; $left"
}

cases_scripts() {
  local exit0 exit3 overflow stdin hang
  exit0=$(script exit0 'int n; IEnumerable<(string, int)> Map(long o, string l) { if (++n == 5000) System.Environment.Exit(0); yield return (l, 1); }')
  exit3=$(script exit3 'int n; IEnumerable<(string, int)> Map(long o, string l) { if (++n == 5000) System.Environment.Exit(3); yield return (l, 1); }')
  overflow=$(script overflow 'int Deep(int n) => n == 0 ? 0 : 1 + Deep(n + 1);
IEnumerable<(string, int)> Map(long o, string l) { yield return (l, Deep(1)); }')
  stdin=$(script stdin 'IEnumerable<(string, int)> Map(long o, string l) { var extra = System.Console.ReadLine(); yield return (l + extra, 1); }')
  hang=$(script hang 'IEnumerable<(string, int)> Map(long o, string l) { while (l.Length >= 0) { } yield return (l, 1); }')
  for iso in inprocess process; do
    case_script "Environment.Exit(0) halfway" "$iso" fail "$exit0"
    case_script "Environment.Exit(3) halfway" "$iso" fail "$exit3"
    case_script "stack overflow" "$iso" fail "$overflow"
    case_script "reads stdin" "$iso" ok "$stdin"
    case_script "endless loop, task timeout 2 s" "$iso" fail "$hang" -D mapreduce.task.timeout=2000
  done
}

# --- signals ---------------------------------------------------------------------------------------------------------

case_signal() { # case_signal SIG PHASE ISOLATION
  local sig=$1 phase=$2 iso=$3 name="sig-$1-$2-$3" tmp="$top/tmp-sig-$1-$2-$3" rc s pid
  mkdir -p "$tmp"
  s=$(gated "$phase" "$name")
  local out="$top/$name-out"
  # Job control on, so the background job does not start with SIGINT ignored, as a non-interactive shell would have it.
  set -m
  TMPDIR="$tmp" "$hdnr" "$s" launch-local "$top/in/words.txt" "$out" --isolation "$iso" >"$top/$name.err" 2>&1 </dev/null &
  pid=$!
  set +m
  for _ in $(seq 1 600); do [ -e "$top/$name.ready" ] && break; sleep 0.05; done
  kill -s "$sig" "$pid"
  wait "$pid"; rc=$?
  touch "$top/$name.gate"   # lets task processes that outlived a SIGKILL'd engine end
  sleep 0.3
  if [ "$sig" = KILL ]; then
    # What a killed job left is swept by the next job of the same user.
    TMPDIR="$tmp" "$hdnr" "$wc" launch-local "$top/in/words.txt" "$top/$name-next" >/dev/null 2>&1
    rm -rf "$top/$name-next"
  fi
  local left; left=$(leftovers "$tmp")
  local line; line=$(grep -v '^\s*$' "$top/$name.err" | tail -1 | cut -c1-60)
  local committed=no
  [ -e "$out/_SUCCESS" ] || [ -n "$(ls "$out"/part-* 2>/dev/null)" ] && committed=yes
  local traced=no; grep -q '   at \|Unhandled exception' "$top/$name.err" && traced=yes
  local want; case $sig in INT) want=130 ;; TERM) want=143 ;; KILL) want=137 ;; esac
  if [ "$rc" -eq "$want" ] && [ "$committed" = no ] && [ "$traced" = no ] && [ "$left" = "nothing left in TMPDIR" ]; then
    report OK "SIG$sig in $phase ($iso)" "exit $rc; nothing committed; $left; ${line:-no message}"
  else
    report FAIL "SIG$sig in $phase ($iso)" "exit $rc (want $want); committed: $committed; trace: $traced; $left; $line"
  fi
}

cases_signals() {
  for iso in inprocess process; do
    for phase in map reduce; do
      for sig in INT TERM KILL; do case_signal "$sig" "$phase" "$iso"; done
    done
  done
}

# A signal while the job commits: the output is then either all there (with _SUCCESS) or not there at all.
case_signal_in_commit() {
  local sig=$1 out="$top/commit-$1-out" tmp="$top/tmp-commit-$1" pid rc
  mkdir -p "$tmp"
  set -m
  TMPDIR="$tmp" "$hdnr" "$wc" launch-local "$top/in/words.txt" "$out" --reducers 400 >"$top/commit-$sig.err" 2>&1 </dev/null &
  pid=$!
  set +m
  # Poll for the commit: the reduce tasks' committed folders appear under _temporary/0.
  while kill -0 "$pid" 2>/dev/null; do
    [ "$(ls "$out/_temporary/0" 2>/dev/null | wc -l)" -ge 390 ] && break
  done
  kill -s "$sig" "$pid" 2>/dev/null
  wait "$pid"; rc=$?
  [ "$sig" = KILL ] && { TMPDIR="$tmp" "$hdnr" "$wc" launch-local "$top/in/words.txt" "$top/commit-next" >/dev/null 2>&1; rm -rf "$top/commit-next"; }
  local parts; parts=$(ls "$out"/part-* 2>/dev/null | wc -l)
  local state
  if [ -e "$out/_SUCCESS" ] && [ "$parts" -eq 400 ]; then state="committed whole (the signal came after the commit)"
  elif [ ! -e "$out" ]; then state="nothing committed"
  else state="PARTIAL: $parts part files, _SUCCESS $([ -e "$out/_SUCCESS" ] && echo yes || echo no)"; fi
  local left; left=$(leftovers "$tmp")
  if [[ "$state" != PARTIAL* ]] && [ "$left" = "nothing left in TMPDIR" ]; then
    report OK "SIG$sig in commit" "exit $rc; $state; $left"
  else
    report FAIL "SIG$sig in commit" "exit $rc; $state; $left"
  fi
}

# --- a full disk -----------------------------------------------------------------------------------------------------

case_full_disk() { # case_full_disk WHAT(output|scratch|cache)
  local what=$1 m="$top/full-$1" rc out tmp="$top/tmp-full-$1" cache="$HDNR_CACHE_DIR"
  mkdir -p "$m" "$tmp"
  local size=256k
  [ "$what" = cache ] && size=8k   # smaller than one compiled script
  if ! mount -t tmpfs -o size=$size tmpfs "$m" 2>/dev/null; then
    report SKIP "full disk for $what" "cannot mount a small tmpfs here (needs root)"; return
  fi
  mounts+=("$m")
  out="$top/full-$what-out"
  case $what in
    output) out="$m/out" ;;
    scratch) tmp="$m" ;;
    cache) cache="$m/cache" ;;
  esac
  seq 1 200000 > "$top/big.txt"
  HDNR_CACHE_DIR="$cache" TMPDIR="$tmp" "$hdnr" "$(script "full$what" 'IEnumerable<(string, string)> Map(long o, string l) { yield return (l, l + l + l); }
IEnumerable<(string, string)> Reduce(string k, IEnumerable<string> v) { foreach (var x in v) yield return (k, x); }')" \
    launch-local "$top/big.txt" "$out" --sort-buffer-mb 1 >"$top/full-$what.err" 2>&1; rc=$?
  local line; line=$(grep -m1 -E '^hdnr: ' "$top/full-$what.err" | cut -c1-100)
  local traced=no; grep -q '   at ' "$top/full-$what.err" && traced=yes
  local partial=no; [ -e "$out" ] && [ ! -e "$out/_SUCCESS" ] && partial=yes
  # A full cache may only cost the cache (the job runs, or stops with one line); a full output or scratch fails the job.
  local failed_as_it_should=no
  { [ "$rc" -ne 0 ] || [ "$what" = cache ]; } && failed_as_it_should=yes
  [ "$what" = cache ] && [ -n "$(find "$m" -name '*tmp*' 2>/dev/null)" ] && partial=yes
  if [ "$failed_as_it_should" = yes ] && [ "$traced" = no ] && [ "$partial" = no ]; then
    report OK "full disk for $what" "exit $rc; nothing half-written kept: $line"
  else
    report FAIL "full disk for $what" "exit $rc; trace: $traced; partial output: $partial; $line"
  fi
  umount "$m" 2>/dev/null
}

# --- two users on one machine ----------------------------------------------------------------------------------------

case_two_users() {
  if [ "$(id -u)" -ne 0 ] || ! command -v useradd >/dev/null; then
    report SKIP "two users" "needs root and useradd to make throwaway users"; return
  fi
  local a="hdnrfa$$" b="hdnrfb$$"
  useradd -m "$a" 2>/dev/null && users+=("$a")
  useradd -m "$b" 2>/dev/null && users+=("$b")
  local shared="$top/shared-tmp"; mkdir -p "$shared"; chmod 1777 "$shared"
  chmod 755 "$top" "$top/in"; chmod 644 "$top/in/words.txt"; chmod -R a+rX "$(dirname "$hdnr")"
  local secret="$top/secret.txt"; seq 1 100000 | sed 's/$/ secret/' > "$secret"; chown "$a" "$secret"; chmod 600 "$secret"
  local sa sb
  sa=$(gated map "two-users-a"); chmod 644 "$sa"; chmod 777 "$top"
  runuser -u "$a" -- env -u HDNR_CACHE_DIR HOME="/home/$a" TMPDIR="$shared" DOTNET_CLI_HOME="/home/$a" "$hdnr" "$sa" launch-local "$secret" "/home/$a/out" >"$top/ua.err" 2>&1 &
  local pa=$!
  for _ in $(seq 1 600); do [ -e "$top/two-users-a.ready" ] && break; sleep 0.05; done
  # While a's job runs, b runs its own job in the same TMPDIR and tries to read what a's job wrote there.
  runuser -u "$b" -- env -u HDNR_CACHE_DIR HOME="/home/$b" TMPDIR="$shared" DOTNET_CLI_HOME="/home/$b" "$hdnr" "$wc" launch-local "$top/in/words.txt" "/home/$b/out" >"$top/ub.err" 2>&1
  local rb=$?
  local readable; readable=$(runuser -u "$b" -- find "$shared" -type f -readable 2>/dev/null | xargs -r grep -l secret 2>/dev/null | wc -l)
  local modes; modes=$(find "$shared" -mindepth 1 -maxdepth 1 -printf '%u:%m ' 2>/dev/null)
  touch "$top/two-users-a.gate"; wait "$pa"; local ra=$?
  chmod 755 "$top"
  if [ "$ra" -eq 0 ] && [ "$rb" -eq 0 ] && [ "$readable" -eq 0 ]; then
    report OK "two users share TMPDIR" "both jobs ran (exits $ra $rb); b read nothing of a's; scratch: $modes"
  else
    report FAIL "two users share TMPDIR" "exits $ra $rb; files of a's b could read: $readable; scratch: $modes"
  fi
  # The compile cache: another user cannot make a's cached script run their code.
  local cache="/home/$a/.cache/hdnr"
  if [ -d "$cache" ]; then
    chmod 777 "$cache"
    runuser -u "$a" -- env -u HDNR_CACHE_DIR HOME="/home/$a" DOTNET_CLI_HOME="/home/$a" "$hdnr" "$wc" map </dev/null >"$top/uc.out" 2>"$top/uc.err"; local rc=$?
    if [ "$rc" -ne 0 ] && [ "$(wc -l < "$top/uc.err")" -le 2 ]; then
      report OK "compile cache writable by others" "refused (exit $rc): $(head -1 "$top/uc.err" | cut -c1-90)"
    else
      report FAIL "compile cache writable by others" "exit $rc: $(head -1 "$top/uc.err" | cut -c1-90)"
    fi
  fi
}

echo "hdnr fault matrix ($hdnr)"
run() { [[ "$*" == *"$only"* ]] && "$@"; return 0; }
run case_overwrite_guard
run case_overwrite_failed_job
run case_failed_job_leaves_no_output
run case_side_files
run cases_damaged_inputs
run case_not_utf8
run cases_scripts
run cases_signals
for sig in INT TERM KILL; do run case_signal_in_commit "$sig"; done
for what in output scratch cache; do run case_full_disk "$what"; done
run case_two_users
echo "faults.sh: $failures case(s) broke a promise"
[ "$failures" -eq 0 ]
