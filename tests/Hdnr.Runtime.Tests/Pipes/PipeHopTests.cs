using System.Diagnostics;
using Hdnr.Runtime.Pipes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Hdnr.Runtime.Tests.Pipes;

/// <summary>After PipeHop.Hop, only the task's own output stream reaches stdout; everything else printed goes to stderr.</summary>
/// <remarks>Hopping changes the process's fds 0 and 1, so it is tested in a small program of its own, not in the test host.</remarks>
public sealed class PipeHopTests
{
    private const string Program = """
        using System;
        using System.IO;
        using System.Diagnostics;
        using System.Text;
        Console.Write("");  // .NET's Console.Out now holds its own duplicate of the original fd 1
        var (input, output) = Hdnr.Runtime.Pipes.PipeHop.Hop();
        Console.WriteLine("console noise");
        using (var raw = Console.OpenStandardOutput()) raw.Write("raw fd 1 noise\n"u8);
        var child = Process.Start(new ProcessStartInfo("sh", ["-c", "echo child noise; cat; echo child done"]) { UseShellExecute = false })!;
        child.WaitForExit();
        var stdin = Console.In.ReadToEnd();
        var data = new StreamReader(input).ReadToEnd();
        output.Write(Encoding.UTF8.GetBytes($"data={data.ToUpperInvariant()};console-stdin-chars={stdin.Length}\n"));
        output.Dispose();
        """;

    [Fact]
    public async Task Only_the_task_output_reaches_stdout_and_stdin_is_left_to_the_task()
    {
        var helper = BuildHelper();
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", [helper])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync("the input\n");
        process.StandardInput.Close();
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal("data=THE INPUT\n;console-stdin-chars=0\n", stdout);
        Assert.Equal("console noise\nraw fd 1 noise\nchild noise\nchild done\n", await stderr);
        Assert.Equal(0, process.ExitCode);
    }

    private static string BuildHelper()
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(p => p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .Select(p => MetadataReference.CreateFromFile(p))
            .Append(MetadataReference.CreateFromFile(typeof(PipeHop).Assembly.Location));
        var compilation = CSharpCompilation.Create(
            "pipehop-helper",
            [CSharpSyntaxTree.ParseText(Program)],
            references,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication));
        var folder = Directory.CreateTempSubdirectory("hdnr-pipehop-").FullName;
        var path = Path.Combine(folder, "pipehop-helper.dll");
        var result = compilation.Emit(path);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        File.Copy(typeof(PipeHop).Assembly.Location, Path.Combine(folder, Path.GetFileName(typeof(PipeHop).Assembly.Location)));
        var config = "{\"runtimeOptions\":{\"tfm\":\"net10.0\",\"framework\":{\"name\":\"Microsoft.NETCore.App\",\"version\":\""
            + Environment.Version + "\"}}}";
        File.WriteAllText(Path.Combine(folder, "pipehop-helper.runtimeconfig.json"), config);
        return path;
    }
}
