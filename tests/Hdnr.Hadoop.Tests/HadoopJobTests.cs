using System.Text;
using Xunit.Abstractions;

namespace Hdnr.Hadoop.Tests;

/// <summary>
/// launch and launch-frozen against the real Hadoop found in the environment (local mode, or YARN when its configuration
/// says so); every job's output must equal what <c>hdnr SCRIPT launch-local</c> writes for the same job. launch-frozen
/// runs hdnr, the Hadoop client and so its tasks with a PATH that has no dotnet and no hdnr, and no DOTNET_ROOT.
/// On YARN the tasks get the NodeManager's environment instead: to prove the nodes need nothing, start it where .NET
/// cannot be found and say so with HDNR_TEST_NODES_WITHOUT_DOTNET=1, e.g.
/// <c>unshare -m bash -c 'mount --bind /tmp/empty /usr/share/dotnet; unset DOTNET_ROOT; start-yarn.sh'</c>.
/// </summary>
public sealed class HadoopJobTests(ITestOutputHelper output)
{
    private readonly string _work = Directory.CreateTempSubdirectory("hdnr-hadoop-job-").FullName;

    private const string MapOnly = """
        /// Upper-cases every line and keeps its bytes: a map-only job whose byte[] values need typedbytes.
        IEnumerable<(string, byte[])> Map(long offset, string line)
        {
            yield return (line.ToUpperInvariant(), System.Text.Encoding.UTF8.GetBytes(line));
        }
        """;

    private const string Failing = """
        /// Fails on a line without digits.
        IEnumerable<(string, long)> Map(long offset, string line)
        {
            yield return (line, long.Parse(line));
        }

        IEnumerable<(string, long)> Reduce(string key, IEnumerable<long> values)
        {
            yield return (key, values.Sum());
        }
        """;

    [HadoopTheory]
    [HadoopTrees]
    [AbsentHadoopTrees]
    public void Launch_frozen_word_count_with_a_combiner_typedbytes_to_a_sequencefile_equals_launch_local(string tree)
    {
        var (hadoop, local) = RunBoth(tree, Hdnr.Example("wc.csx"), "launch-frozen", [Hdnr.Example("wc.txt")], ["--io", "typedbytes"]);

        Assert.Equal(ReadTb(local), ReadTb(hadoop));
        Assert.Contains("\"fox\"\t3", ReadTb(hadoop));
        Assert.Equal(SequenceFileMagic, File.ReadAllBytes(Path.Combine(hadoop, "part-00000"))[..3]);
    }

    [HadoopTheory]
    [HadoopTrees]
    [AbsentHadoopTrees]
    public void Launch_frozen_a_two_step_job_writes_launch_locals_part_files_and_removes_the_folder_between_its_steps(string tree)
    {
        var between = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".hdnr", "tmp");

        var (hadoop, local) = RunBoth(tree, Hdnr.Example("mostused.csx"), "launch-frozen", [Hdnr.Example("mostused.txt")], ["--io", "text"]);

        // One streaming job per step, step 2 reading step 1's typedbytes SequenceFiles; only the last step's output is the job's.
        Assert.Equal(["_SUCCESS", "part-00000"], Directory.GetFiles(hadoop).Select(Path.GetFileName).Where(f => !f!.StartsWith('.')).Order(StringComparer.Ordinal));
        Assert.Equal("the\t11\n", File.ReadAllText(Path.Combine(hadoop, "part-00000")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(local, "part-00000")), File.ReadAllBytes(Path.Combine(hadoop, "part-00000")));
        Assert.Empty(Directory.Exists(between) ? Directory.GetDirectories(between, "mostused-*") : []);
    }

    [HadoopTheory]
    [HadoopTrees]
    [AbsentHadoopTrees]
    public void Launch_frozen_word_count_with_3_reducers_by_default_writes_text_part_files_equal_to_launch_locals(string tree)
    {
        // Every type wc.csx declares has a lossless text form, so both run it with text io, as Hadoop's default.
        var (hadoop, local) = RunBoth(tree, Hdnr.Example("wc.csx"), "launch-frozen", [Hdnr.Example("wc.txt")], ["--reducers", "3"]);

        Assert.Equal(["part-00000", "part-00001", "part-00002"], Parts(hadoop));
        foreach (var part in Parts(hadoop))
            Assert.Equal(File.ReadAllText(Path.Combine(local, part)), File.ReadAllText(Path.Combine(hadoop, part)));
        Assert.Contains("fox\t3\n", string.Concat(Parts(hadoop).Select(p => File.ReadAllText(Path.Combine(hadoop, p)))));
    }

    [HadoopTheory(NodesNeedDotnet = true)]
    [HadoopTrees]
    [AbsentHadoopTrees]
    public void Launch_a_sort_values_join_with_2_reducers_writes_the_part_files_launch_local_and_the_example_expect(string tree)
    {
        // The users row first among each user's rows: Hadoop's KeyFieldBasedPartitioner and comparator, set by hdnr from [SortValues].
        var (hadoop, local) = RunBoth(tree, Hdnr.Example("join.csx"), "launch", [Hdnr.Example("join")], ["--io", "text", "--reducers", "2"]);

        Assert.Equal(["part-00000", "part-00001"], Parts(hadoop));
        foreach (var part in Parts(hadoop))
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(local, part)), File.ReadAllBytes(Path.Combine(hadoop, part)));
            Assert.Equal(File.ReadAllBytes(Hdnr.Example($"expected/join/{part}")), File.ReadAllBytes(Path.Combine(hadoop, part)));
        }
    }

    [HadoopTheory]
    [HadoopTrees]
    [AbsentHadoopTrees]
    public void Launch_frozen_runs_each_pattern_example_as_a_native_executable_and_writes_its_expected_part_files(string tree)
    {
        // The README's patterns, each frozen natively (nothing installed on the nodes) and run with 2 reducers: the bytes
        // launch-local's tests also expect (Hdnr.Cli.Tests PatternExampleTests).
        foreach (var (name, input) in ((string, string)[])[("sessions", "sessions.tsv"), ("topn", "topn.tsv"), ("index", "index"), ("join", "join")])
        {
            var output = Path.Combine(_work, name);

            var run = Launch(tree, Hdnr.Example(name + ".csx"), "launch-frozen", [Hdnr.Example(input)], output, ["--reducers", "2"], noDotnet: true);

            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Equal(["part-00000", "part-00001"], Parts(output));
            foreach (var part in Parts(output))
                Assert.Equal(File.ReadAllBytes(Hdnr.Example($"expected/{name}/{part}")), File.ReadAllBytes(Path.Combine(output, part)));
        }
    }

    [HadoopTheory]
    [HadoopTrees]
    [AbsentHadoopTrees]
    public void Launch_frozen_a_map_only_job_returning_bytes_runs_typedbytes_by_default_and_writes_the_maps_output_as_launch_local_does(string tree)
    {
        var script = Script(MapOnly, "upper.csx");

        var (hadoop, local) = RunBoth(tree, script, "launch-frozen", [Hdnr.Example("wc.txt")], []);

        // How many maps read the file is the cluster's choice (YARN splits it in two, local mode does not): one part per map.
        Assert.NotEmpty(Parts(hadoop));
        Assert.All(Parts(hadoop), p => Assert.Equal(SequenceFileMagic, File.ReadAllBytes(Path.Combine(hadoop, p))[..3]));
        Assert.Equal(Pairs(local), Pairs(hadoop));
        Assert.Contains("\"THE QUICK BROWN FOX", Pairs(hadoop));
    }

    [HadoopTheory]
    [HadoopTrees]
    [AbsentHadoopTrees]
    public void An_archive_without_a_name_is_linked_under_its_whole_file_name_by_hadoop_as_by_launch_local(string tree)
    {
        // Outside the client's working directory: local-mode Hadoop links nothing over a file already there.
        var source = Directory.CreateDirectory(Path.Combine(_work, "src")).FullName;
        Assert.Equal(0, Processes.Exec("sh", ["-c", "mkdir stop && printf 'the\\nover\\n' > stop/words.txt && tar czf deps.tar.gz stop"], workingDirectory: source).ExitCode);
        var script = Script("""
            /// Word count without the words of the shipped archive, read where Hadoop links it.
            var stop = File.ReadAllLines("deps.tar.gz/stop/words.txt").ToHashSet();
            IEnumerable<(string, int)> Map(long offset, string line)
            {
                foreach (var word in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    if (!stop.Contains(word)) yield return (word, 1);
            }

            IEnumerable<(string, int)> Reduce(string word, IEnumerable<int> counts)
            {
                yield return (word, counts.Sum());
            }
            """, "stopped.csx");

        var (hadoop, local) = RunBoth(tree, script, "launch", [Hdnr.Example("wc.txt")], ["--io", "text", "--archive", Path.Combine(source, "deps.tar.gz")]);

        Assert.Equal(Concat(local), Concat(hadoop));
        Assert.DoesNotContain("the\t", Concat(hadoop));
        Assert.Contains("dog\t3\n", Concat(hadoop));
    }

    [HadoopTheory]
    [HadoopTrees]
    [AbsentHadoopTrees]
    public void Launch_frozen_a_script_with_a_nuget_package_runs_it_on_nodes_without_it(string tree)
    {
        var (hadoop, local) = RunBoth(tree, Hdnr.Example("spellnumbers.csx"), "launch-frozen", [Hdnr.Example("spellnumbers.txt")], []);

        Assert.Equal(Concat(local), Concat(hadoop));
        Assert.Contains("twenty\t", Concat(hadoop));
    }

    [HadoopTheory]
    [HadoopTrees(Each = false)]
    [AbsentHadoopTrees]
    public void Launch_frozen_self_contained_runs_a_script_reading_lists_of_numbers_as_json_text_by_default(string tree)
    {
        var script = Script("""
            /// Sums the lengths of the lines that start with each word, through lists.
            IEnumerable<(string, List<int>)> Map(long offset, string line)
            {
                yield return (line.Split(' ')[0], new List<int> { line.Length, 1 });
            }

            IEnumerable<(string, int)> Reduce(string word, IEnumerable<List<int>> lists)
            {
                yield return (word, lists.Sum(l => l.Sum()));
            }
            """, "lists.csx");

        var (hadoop, local) = RunBoth(tree, script, "launch-frozen", [Hdnr.Example("wc.txt")], ["--mode", "self-contained"]);

        Assert.Equal(Concat(local), Concat(hadoop));
        Assert.Contains("the\t76\n", Concat(hadoop));
    }

    [HadoopTheory]
    [HadoopTrees]
    [AbsentHadoopTrees]
    public void Launch_frozen_a_failing_script_shows_the_scripts_own_error_and_exits_with_hadoops_code(string tree)
    {
        var script = Script(Failing, "digits.csx");
        var input = Input("digits.txt", "12\nx\n");

        var run = Launch(tree, script, "launch-frozen", [input], Path.Combine(_work, "out"), [], noDotnet: true);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("hdnr: the job failed (hadoop exit 1); its tasks wrote on stderr:\n", run.Stderr);
        Assert.Contains($"  {script}:4: Map failed at record ", run.Stderr);
        Assert.Contains("FormatException: The input string 'x' was not in a correct format.", run.Stderr[run.Stderr.IndexOf("hdnr: the job failed", StringComparison.Ordinal)..]);
    }

    [HadoopTheory(NodesNeedDotnet = true)]
    [HadoopTrees(Each = false)]
    [AbsentHadoopTrees]
    public void Launch_runs_the_compiled_script_on_the_framework_runner_and_equals_launch_local(string tree)
    {
        var (hadoop, local) = RunBoth(tree, Hdnr.Example("wc.csx"), "launch", [Hdnr.Example("wc.txt")], ["--reducers", "2"]);

        Assert.Equal(Concat(local), Concat(hadoop));
        Assert.Equal(["part-00000", "part-00001"], Parts(hadoop));
    }

    [HadoopTheory(NodesNeedDotnet = true)]
    [HadoopTrees(Each = false)]
    [AbsentHadoopTrees]
    public void Launch_a_failing_script_shows_its_error_with_the_csx_line(string tree)
    {
        var script = Script(Failing, "digits.csx");
        var input = Input("digits.txt", "12\nx\n");

        var run = Launch(tree, script, "launch", [input], Path.Combine(_work, "out"), [], noDotnet: false);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"  {script}:4: Map failed at record ", run.Stderr);
    }

    [HadoopTheory(OnNodesWithoutDotnet = true)]
    [HadoopTrees(Each = false)]
    [AbsentHadoopTrees]
    public void Launch_on_nodes_without_dotnet_fails_and_shows_the_runtimes_own_message(string tree)
    {
        var run = Launch(tree, Hdnr.Example("wc.csx"), "launch", [Hdnr.Example("wc.txt")], Path.Combine(_work, "out"), [], noDotnet: false);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("its tasks wrote on stderr:\n  You must install .NET to run this application.\n", run.Stderr);
    }

    [HadoopTheory]
    [HadoopTrees(Each = false)]
    [AbsentHadoopTrees]
    public void Print_command_prints_the_hadoop_command_and_runs_nothing(string tree)
    {
        var output = Path.Combine(_work, "never");

        var hadoop = HadoopTrees.Named(tree);

        var run = Hdnr.Run([Hdnr.Example("wc.csx"), "launch-frozen", Hdnr.Example("wc.txt"), output, "--print-command", "-D", "x.y=1"], workingDirectory: _work,
            environment: hadoop.EnvironmentWith(Environment.GetEnvironmentVariable("PATH")!));

        Assert.True(run.ExitCode == 0, run.ToString());
        var line = run.Stdout.TrimEnd('\n');
        Assert.DoesNotContain('\n', line);
        Assert.StartsWith($"{hadoop.Installation.Hadoop} jar {hadoop.Installation.StreamingJar} -D x.y=1 -D hdnr.map.combine.mb=32 -D 'mapreduce.job.name=hdnr wc' -archives ", line);
        Assert.Contains($" -archives {new Uri(Hdnr.SharedCache).AbsoluteUri}/", line);
        Assert.EndsWith($"-output {output} -mapper '_frozen/wc pipe map' -combiner '_frozen/wc pipe combine' -reducer '_frozen/wc pipe reduce'", line);
        Assert.False(Directory.Exists(output));
        Assert.Equal("", run.Stderr);
    }

    private static readonly byte[] SequenceFileMagic = "SEQ"u8.ToArray();

    /// <summary>Runs the job with <paramref name="verb"/> on Hadoop, then with launch-local, and returns both output folders.</summary>
    [HadoopTheory]
    [HadoopTrees]
    [AbsentHadoopTrees]
    public void A_task_sees_every_variable_hadoop_gives_it_but_the_ones_of_hadoops_own_machinery(string tree)
    {
        var script = Script("""
            /// Every environment variable of a map task and of a reduce task.
            using System.Collections;

            IEnumerable<(string, string)> Map(long offset, string line)
            {
                foreach (DictionaryEntry e in Environment.GetEnvironmentVariables())
                    yield return ("m:" + (string)e.Key, ((string)e.Value!).Replace('\n', ' '));
            }

            IEnumerable<(string, string)> Reduce(string key, IEnumerable<string> values)
            {
                yield return (key, values.First());
            }

            IEnumerable<(string, string)> ReduceEnd()
            {
                foreach (DictionaryEntry e in Environment.GetEnvironmentVariables())
                    yield return ("r:" + (string)e.Key, ((string)e.Value!).Replace('\n', ' '));
            }
            """, "env.csx");
        var input = Path.Combine(_work, "one.txt");
        File.WriteAllText(input, "x\n");

        var (hadoop, local) = RunBoth(tree, script, "launch", [input], ["--io", "text", "-D", "mapred.task.timeout=500000", "-D", "my.own=1"]);

        // Hadoop's machinery has no counterpart in launch-local: the job's jar and staging folder, the shipped bundle, the
        // launch command, the node's own variables (upper case: the hadoop script's and the shell's).
        var machinery = new System.Text.RegularExpressions.Regex(
            "^(mapreduce_job_jar|mapreduce_job_dir|mapreduce_job_cache_\\w+|tmparchives|tmpfiles|stream_\\w+_streamprocessor|stream_addenvironment|[A-Z_].*)$");
        // launch-local gives Hadoop 2.8.5's job settings; Hadoop 3 adds and drops some hundred defaults (fs.azure.*, yarn.*, ...)
        // and changes a few (README, "Hadoop versions"), so on 3.x only what names the job, its task, split and streams is compared.
        var perJob = new System.Text.RegularExpressions.Regex("^(stream_\\w+|mapreduce_task_\\w+|mapreduce_map_input_\\w+|map_input_\\w+|mapreduce_job_(id|name|maps|reduces|user_name)|mapreduce_(input|output)_\\w+|my_own)$");
        var version3 = HadoopTrees.Named(tree).Version.StartsWith("3.", StringComparison.Ordinal);
        var wanted = Variables(hadoop).Where(v => !machinery.IsMatch(v.Key[2..]) && (!version3 || perJob.IsMatch(v.Key[2..]))).ToDictionary();
        var got = Variables(local);
        Assert.Empty(wanted.Keys.Except(got.Keys).Order(StringComparer.Ordinal));
        // The same values, but for what names this job's own ids, folders and user.
        var own = new System.Text.RegularExpressions.Regex("(job|task|attempt)_local\\d+|/tmp/|/hdnr-|file:/");
        Assert.Empty(wanted.Where(v => !own.IsMatch(v.Value) && got[v.Key] != v.Value).Select(v => $"{v.Key}: hadoop {v.Value}, hdnr {got[v.Key]}"));
        Assert.Equal("500000", got["m:mapreduce_task_timeout"]);
        Assert.False(got.ContainsKey("m:mapred_task_timeout"), "Hadoop keeps a deprecated -D under its current name only");
    }

    private static Dictionary<string, string> Variables(string output) =>
        Directory.GetFiles(output, "part-*").SelectMany(File.ReadAllLines).Select(l => l.Split('\t', 2))
            .Where(p => p[0].StartsWith("m:", StringComparison.Ordinal) || p[0].StartsWith("r:", StringComparison.Ordinal))
            .GroupBy(p => p[0]).ToDictionary(g => g.Key, g => g.First().Length > 1 ? g.First()[1] : "");

    private (string Hadoop, string Local) RunBoth(string tree, string script, string verb, string[] inputs, string[] options)
    {
        var hadoop = Path.Combine(_work, "hadoop-out");
        var local = Path.Combine(_work, "local-out");
        var run = Launch(tree, script, verb, inputs, hadoop, options, noDotnet: verb == "launch-frozen");
        Assert.True(run.ExitCode == 0, run.ToString());
        // The same options, so launch-local picks the same io by default as launch did.
        var localOptions = options.Where(o => o is not ("--mode" or "self-contained")).ToArray();
        var reference = Hdnr.Run([script, "launch-local", .. inputs, local, .. localOptions], workingDirectory: _work);
        Assert.True(reference.ExitCode == 0, reference.ToString());
        return (hadoop, local);
    }

    private ProcessResult Launch(string treeName, string script, string verb, string[] inputs, string outputDirectory, string[] options, bool noDotnet)
    {
        var tree = HadoopTrees.Named(treeName);
        // Nodes need nothing: for launch-frozen the client and its tasks get a PATH without dotnet or hdnr, and no DOTNET_ROOT.
        var environment = noDotnet ? NoDotnet.Environment() : new Dictionary<string, string?>();
        foreach (var (name, value) in tree.EnvironmentWith(environment.GetValueOrDefault("PATH") ?? Environment.GetEnvironmentVariable("PATH")!))
            environment[name] = value;
        environment["HDNR_CACHE_DIR"] = Hdnr.SharedCache;
        var started = DateTime.UtcNow;
        var run = Hdnr.Run([script, verb, .. inputs, outputDirectory, .. options], workingDirectory: _work, environment: environment, timeout: TimeSpan.FromMinutes(10));
        output.WriteLine($"{verb} on Hadoop {tree.Name}: exit {run.ExitCode} in {(DateTime.UtcNow - started).TotalSeconds:0.0} s");
        output.WriteLine(run.Stderr.Length > 4000 ? run.Stderr[^4000..] : run.Stderr);
        return run;
    }

    private string Script(string source, string name)
    {
        var path = Path.Combine(_work, name);
        File.WriteAllText(path, source);
        return path;
    }

    private string Input(string name, string text)
    {
        var path = Path.Combine(_work, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static string[] Parts(string folder) =>
        Directory.GetFiles(folder, "part-*").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;

    private static string Concat(string folder) =>
        string.Concat(Parts(folder).Select(p => File.ReadAllText(Path.Combine(folder, p), Encoding.UTF8)));

    /// <summary>The pairs of every part file, in part order, as hdnr readtb prints them, without naming the parts.</summary>
    private static string Pairs(string folder) =>
        string.Join('\n', ReadTb(folder).Split('\n').Where(line => !line.StartsWith("# part-", StringComparison.Ordinal)));

    /// <summary>The pairs of every part file, part by part, as hdnr readtb prints them.</summary>
    private static string ReadTb(string folder)
    {
        var text = new StringBuilder();
        foreach (var part in Parts(folder))
        {
            var read = Hdnr.Run(["readtb", Path.Combine(folder, part)]);
            Assert.True(read.ExitCode == 0, read.ToString());
            text.Append("# ").Append(part).Append('\n').Append(read.Stdout);
        }
        return text.ToString();
    }
}
