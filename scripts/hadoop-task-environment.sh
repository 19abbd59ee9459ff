#!/usr/bin/env bash
# Writes runner/Hdnr.Engine/Settings/HadoopTaskEnvironment.tsv: the variables a real Hadoop Streaming gives every
# map and reduce task whatever the job (its configuration's defaults, dots as underscores), which launch-local gives
# its tasks too. Runs three jobs of different shapes with `hdnr launch` and keeps the variables that are the same in
# all of them; what depends on the job (ids, paths, formats, io, the user) is left to TaskEnvironment to compute.
# Writes runner/Hdnr.Engine/Settings/HadoopDeprecatedNames.tsv too: Hadoop's deprecated setting names and the names a
# job's configuration holds them under (Configuration.dumpDeprecatedKeys after JobConf has registered its own).
#   source /tmp/hadoop-2.8.5/env.sh && scripts/hadoop-task-environment.sh
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
command -v hadoop > /dev/null || { echo "hadoop-task-environment.sh: no hadoop on PATH (source a Hadoop env.sh first)" >&2; exit 2; }
version=$(hadoop version 2>/dev/null | awk 'NR == 1 {print $2}')

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HDNR_CACHE_DIR="$work/cache"
dotnet build "$root/runner/Hdnr.Cli/Hdnr.Cli.csproj" -c Release -o "$work/bin" --artifacts-path "$work/artifacts" -v quiet -nologo > "$work/build.log" 2>&1 \
  || { cat "$work/build.log" >&2; exit 1; }

cat > "$work/env.csx" <<'EOF'
/// Every environment variable of a map task and of a reduce task, as "m:NAME" or "r:NAME" and its value.
using System.Collections;

IEnumerable<(string, string)> Map(long offset, string line)
{
    foreach (DictionaryEntry e in Environment.GetEnvironmentVariables())
        yield return ("m:" + (string)e.Key, Row((string)e.Value!));
}

// One line a variable: a backslash is written as \\ and a line end (core-default.xml's
// hadoop.security.sensitive-config-keys has some) as \n.
string Row(string value) => value.Replace("\\", "\\\\").Replace("\n", "\\n");

IEnumerable<(string, string)> Reduce(string key, IEnumerable<string> values)
{
    yield return (key, values.First());
}

IEnumerable<(string, string)> ReduceEnd()
{
    foreach (DictionaryEntry e in Environment.GetEnvironmentVariables())
        yield return ("r:" + (string)e.Key, Row((string)e.Value!));
}
EOF
mkdir -p "$work/a" "$work/b"
printf 'x\n' > "$work/a/one.txt"
printf 'y\n' > "$work/b/other.txt"
printf 'z\n' > "$work/b/third.txt"
run() { (cd "$work" && dotnet bin/hdnr.dll env.csx launch "$@") > "$work/launch.log" 2>&1 || { cat "$work/launch.log" >&2; exit 1; }; }
run a/one.txt out1 --io text --reducers 1
run b/other.txt b/third.txt out2 --io text --reducers 2 --jobname other -D mapreduce.task.timeout=500000
run a/one.txt out3 --io typedbytes --reducers 1 --outputformat org.apache.hadoop.mapred.TextOutputFormat

target="$root/runner/Hdnr.Engine/Settings/HadoopTaskEnvironment.tsv"
env > "$work/client.env"
python3 - "$work" "$version" "$(id -un)" "$HOME" > "$target" <<'EOF'
import sys, os, re
work, version, user, home = sys.argv[1:5]
client = {line.split('=', 1)[0] for line in open(os.path.join(work, 'client.env'), errors='surrogateescape') if '=' in line}

def variables(out):
    seen = {}
    for name in sorted(os.listdir(os.path.join(work, out))):
        if not name.startswith('part-'): continue
        for line in open(os.path.join(work, out, name), encoding='utf-8', errors='surrogateescape'):
            key, _, value = line.rstrip('\n').partition('\t')
            seen.setdefault(key, value)
    return seen

runs = [variables(o) for o in ('out1', 'out2', 'out3')]
job_specific = re.compile(r'(map_input_|mapreduce_map_input_|mapred_task_is_map$|mapreduce_task_ismap$|mapreduce_job_cache_|tmparchives$|tmpfiles$'
                          r'|mapreduce_job_working_dir$|stream_\w+_streamprocessor$|stream_addenvironment$|mapreduce_job_user_name$|user_name$)')
print(f"# The variables Hadoop {version} Streaming (local mode) gives every task whatever the job: made by scripts/hadoop-task-environment.sh.")
print("# name, value (${user.name} and ${user.home} stand for the user's; \\\\ is a backslash, \\n a line end), and which tasks see it: map, reduce or both.")
names = {}
for key, value in runs[0].items():
    if any(r.get(key) != value for r in runs[1:]): continue
    task, name = key.split(':', 1)
    # The process's own environment (PATH, HOME, the hadoop script's CLASSPATH, ...) is not the job's configuration;
    # nor is what stays the same here only because these jobs share it (the task's split, the shipped bundle, the
    # client's folder, hdnr's launch command, the user); TaskEnvironment gives those per job and task.
    if not name[:1].islower() or name in client or job_specific.match(name): continue
    value = value.replace('hadoop-' + user, 'hadoop-${user.name}').replace(home + '/', '${user.home}/').replace('/' + user + '/', '/${user.name}/')
    names.setdefault(name, {})[task] = value
for name in sorted(names):
    tasks = names[name]
    if len(tasks) == 2 and tasks['m'] == tasks['r']: print(f"{name}\t{tasks['m']}\tboth")
    else:
        for task, value in sorted(tasks.items()): print(f"{name}\t{value}\t{'map' if task == 'm' else 'reduce'}")
EOF
echo "hadoop-task-environment.sh: $(grep -vc '^#' "$target") variables in $target"

cat > "$work/Deprecations.java" <<'EOF'
public class Deprecations {
  public static void main(String[] args) {
    new org.apache.hadoop.mapred.JobConf();
    org.apache.hadoop.conf.Configuration.dumpDeprecatedKeys();
  }
}
EOF
classpath=$(hadoop classpath --glob)
javac -d "$work" -cp "$classpath" "$work/Deprecations.java"
deprecated="$root/runner/Hdnr.Engine/Settings/HadoopDeprecatedNames.tsv"
{
  echo "# Hadoop $version's deprecated setting names, each with the names a job's configuration holds it under (tab-separated):"
  echo "# made by scripts/hadoop-task-environment.sh from Configuration.dumpDeprecatedKeys."
  java -cp "$classpath:$work" Deprecations 2>/dev/null | sed 's/\t$//' | LC_ALL=C sort
} > "$deprecated"
echo "hadoop-task-environment.sh: $(grep -vc '^#' "$deprecated") deprecated names in $deprecated"
