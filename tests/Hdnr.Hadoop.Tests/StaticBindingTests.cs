using System.Text;
using Hdnr.Runtime.Frozen;
using Hdnr.Runtime.Jobs;
using Hdnr.Runtime.Tasks;
using Hdnr.Runtime.Wire;
using Hdnr.Scripting;

namespace Hdnr.Hadoop.Tests;

/// <summary>The binding a native executable generates, checked in-process (no AOT publish): the statements written for a script's signatures, and a job bound through them running exactly as the reflection-bound one.</summary>
public sealed class StaticBindingTests
{
    private static (CompiledScript Compiled, JobShape Shape, Type ScriptType) Compile(string example)
    {
        var compiled = ScriptCompiler.Load(Hdnr.Example(example));
        var type = ScriptAssemblyLoader.Load(compiled.AssemblyPath, compiled.DependencyPaths).GetType("Script", throwOnError: true)!;
        return (compiled, JobShape.Of(type), type);
    }

    [Fact]
    public void Word_count_binds_map_reduce_and_combine_over_their_declared_types()
    {
        var (_, shape, _) = Compile("wc.csx");

        Assert.Equal(
            "b.MapTuples<global::System.Int64, global::System.String, global::System.String, global::System.Int32>();\n" +
            "b.GroupTuples<global::System.String, global::System.Int32, global::System.String, global::System.Int32>(global::Hdnr.Runtime.Jobs.TaskKind.Reduce);\n" +
            "b.GroupTuples<global::System.String, global::System.Int32, global::System.String, global::System.Int32>(global::Hdnr.Runtime.Jobs.TaskKind.Combine);\n",
            StaticBindingSource.For(shape, "b"));
    }

    [Fact]
    public void Composite_types_get_their_codecs_registered_before_the_functions_are_bound()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("hdnr-script-").FullName, "lists.csx");
        File.WriteAllText(path, """
            /// Sums lists of numbers.
            IEnumerable<((string, int), Dictionary<string, long[]>)> Reduce(string key, IEnumerable<List<int>> lists)
            {
                yield return ((key, 1), new() { [key] = [lists.Sum(l => l.Sum())] });
            }
            """);
        var type = ScriptAssemblyLoader.Load(ScriptCompiler.Load(path).AssemblyPath, []).GetType("Script", throwOnError: true)!;

        const string C = "global::Hdnr.Runtime.Conversion.";
        const string L = "global::System.Collections.Generic.";
        Assert.Equal(
            $"{C}Codecs.Register<{L}List<global::System.Int32>>(new {C}SequenceCodec<{L}List<global::System.Int32>, global::System.Int32>(new {C}ScalarCodec<global::System.Int32>()));\n" +
            $"{C}Codecs.Register<global::System.ValueTuple<global::System.String, global::System.Int32>>({C}TupleCodecs.Of<global::System.String, global::System.Int32>(new {C}ScalarCodec<global::System.String>(), new {C}ScalarCodec<global::System.Int32>()));\n" +
            $"{C}Codecs.Register<{L}Dictionary<global::System.String, global::System.Int64[]>>(new {C}DictionaryCodec<{L}Dictionary<global::System.String, global::System.Int64[]>, global::System.String, global::System.Int64[]>(new {C}ScalarCodec<global::System.String>(), new {C}SequenceCodec<global::System.Int64[], global::System.Int64>(new {C}ScalarCodec<global::System.Int64>())));\n" +
            $"b.GroupTuples<global::System.String, {L}List<global::System.Int32>, global::System.ValueTuple<global::System.String, global::System.Int32>, {L}Dictionary<global::System.String, global::System.Int64[]>>(global::Hdnr.Runtime.Jobs.TaskKind.Reduce);\n",
            StaticBindingSource.For(JobShape.Of(type), "b"));
    }

    [Theory]
    [InlineData(TaskKind.Map, "the quick brown fox\nthe lazy dog\n")]
    [InlineData(TaskKind.Reduce, "a\t1\na\t2\nb\t5\n")]
    [InlineData(TaskKind.Combine, "a\t1\na\t2\nb\t5\n")]
    public void A_statically_bound_job_writes_what_the_reflection_bound_job_writes(TaskKind kind, string input)
    {
        var (compiled, _, type) = Compile("wc.csx");
        var reporter = new StderrReporter(TextWriter.Null);
        var binder = new StaticJobBinder(type, reporter, TaskContext.OfProcess(kind));
        binder.MapTuples<long, string, string, int>();
        binder.GroupTuples<string, int, string, int>(TaskKind.Reduce);
        binder.GroupTuples<string, int, string, int>(TaskKind.Combine);
        var reflected = ScriptJob.Create(ScriptAssemblyLoader.Load(compiled.AssemblyPath, compiled.DependencyPaths), reporter, TaskContext.OfProcess(kind));

        Assert.Equal(Run(reflected, kind, input), Run(binder.Job(), kind, input));
        Assert.NotEmpty(Run(binder.Job(), kind, input));
    }

    [Fact]
    public void A_job_missing_a_binding_is_refused_rather_than_run_without_it()
    {
        var (_, _, type) = Compile("wc.csx");
        var binder = new StaticJobBinder(type, new StderrReporter(TextWriter.Null), TaskContext.OfProcess(TaskKind.Map));
        binder.MapTuples<long, string, string, int>();

        Assert.Contains("did not bind the script's Reduce", Assert.Throws<InvalidOperationException>(binder.Job).Message);
    }

    private static byte[] Run(ScriptJob job, TaskKind kind, string input)
    {
        var output = new MemoryStream();
        StreamingTask.Run(job, kind, TaskIo.Text, new MemoryStream(Encoding.UTF8.GetBytes(input)), output);
        return output.ToArray();
    }
}
