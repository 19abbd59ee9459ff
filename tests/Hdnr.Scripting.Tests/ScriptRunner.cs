using System.Reflection;
using Hdnr.Runtime.Jobs;

namespace Hdnr.Scripting.Tests;

/// <summary>Runs a compiled script's top-level code and calls one of its functions, as the task runner would.</summary>
internal static class ScriptRunner
{
    public static object? Call(CompiledScript compiled, string function, params object?[] arguments)
    {
        var type = ScriptAssemblyLoader.Load(compiled.AssemblyPath, compiled.DependencyPaths).GetType("Script", throwOnError: true)!;
        var submission = new object?[] { new ScriptGlobals(new NoReporter(), TaskContext.OfProcess(TaskKind.Map)), null };
        var factory = type.GetMethod("<Factory>", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)!;
        ((Task)factory.Invoke(null, [submission])!).GetAwaiter().GetResult();
        var method = type.GetMethod(function, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static)!;
        return method.Invoke(submission[1], arguments);
    }

    private sealed class NoReporter : ITaskReporter
    {
        public void Counter(string group, string name, long amount)
        {
        }

        public void Status(string message)
        {
        }
    }
}
