using System.Text;
using Hdnr.Runtime.Jobs;

namespace Hdnr.Hadoop.Freezing;

/// <summary>The generated project that <c>dotnet publish</c> turns into a frozen executable: a csproj and a Program.cs, nothing from hdnr's sources.</summary>
/// <param name="Name">The executable's name (the script's file name without <c>.csx</c>).</param>
/// <param name="Mode">Native, self-contained or framework.</param>
/// <param name="Doc">The script's doc.</param>
/// <param name="Tasks">The script's tasks.</param>
/// <param name="References">Assemblies to compile against, by path: Hdnr.Runtime and its dependencies, and for the native mode the script and its packages.</param>
/// <param name="ScriptAssemblyName">The compiled script's assembly name (native mode: rooted and found by name).</param>
/// <param name="ScriptFileName">The compiled script's file name under <c>lib/</c> (the other modes load it from there).</param>
/// <param name="Binding">Native mode: the statements that bind the script's functions on a variable named <c>binder</c>.</param>
/// <param name="LineFiles">Native mode, when the script was compiled with line stores: its .csx paths, by the index its positions hold.</param>
internal sealed record BundleProject(
    string Name,
    FreezeMode Mode,
    string Doc,
    IReadOnlyList<TaskKind> Tasks,
    IReadOnlyList<string> References,
    string ScriptAssemblyName,
    string ScriptFileName,
    string? Binding,
    IReadOnlyList<string>? LineFiles = null)
{
    /// <summary>A job of several steps: the info line, each step's tasks, and (native mode) each step's binding statements, step 1's first.</summary>
    public (string Info, IReadOnlyList<IReadOnlyList<TaskKind>> Tasks, IReadOnlyList<string?> Bindings)? Steps { get; init; }

    /// <summary>Writes the project into <paramref name="directory"/> and returns the csproj's path.</summary>
    public string WriteTo(string directory)
    {
        Directory.CreateDirectory(directory);
        // Stop MSBuild's upward search: whatever Directory.*.props lie above the cache must not change the build.
        foreach (var file in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" })
            File.WriteAllText(Path.Combine(directory, file), "<Project />\n");
        File.WriteAllText(Path.Combine(directory, "NuGet.config"), """
            <?xml version="1.0" encoding="utf-8"?>
            <configuration />

            """);
        var project = Path.Combine(directory, "frozen.csproj");
        File.WriteAllText(project, Csproj());
        File.WriteAllText(Path.Combine(directory, "Program.cs"), Program());
        return project;
    }

    public string Csproj()
    {
        var xml = new StringBuilder();
        xml.Append("""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <RuntimeIdentifier>linux-x64</RuntimeIdentifier>
                <RootNamespace>HdnrFrozen</RootNamespace>
                <Nullable>disable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
                <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
                <NoWarn>$(NoWarn);IL2026;IL2104;IL3050;IL3053;IL2057;IL2072</NoWarn>
                <SatelliteResourceLanguages>en</SatelliteResourceLanguages>
                <GenerateDocumentationFile>false</GenerateDocumentationFile>
                <DebugType>none</DebugType>
                <AllowedReferenceRelatedFileExtensions>.none</AllowedReferenceRelatedFileExtensions>
                <ServerGarbageCollector>false</ServerGarbageCollector>
                <ConcurrentGarbageCollection>false</ConcurrentGarbageCollection>

            """);
        xml.Append($"    <AssemblyName>{MsBuildText.Escape(Name)}</AssemblyName>\n");
        switch (Mode)
        {
            case FreezeMode.Native:
                xml.Append("""
                        <PublishAot>true</PublishAot>
                        <InvariantGlobalization>true</InvariantGlobalization>
                        <PredefinedCulturesOnly>false</PredefinedCulturesOnly>
                        <StripSymbols>true</StripSymbols>

                    """);
                break;
            case FreezeMode.SelfContained:
                xml.Append("""
                        <SelfContained>true</SelfContained>
                        <PublishReadyToRun>true</PublishReadyToRun>
                        <InvariantGlobalization>true</InvariantGlobalization>
                        <PredefinedCulturesOnly>false</PredefinedCulturesOnly>
                        <TieredPGO>false</TieredPGO>

                    """);
                break;
            default:
                xml.Append("""
                        <SelfContained>false</SelfContained>
                        <UseAppHost>true</UseAppHost>
                        <PublishReadyToRun>true</PublishReadyToRun>
                        <TieredPGO>false</TieredPGO>

                    """);
                break;
        }
        xml.Append("  </PropertyGroup>\n  <ItemGroup>\n");
        foreach (var reference in References)
        {
            var name = Path.GetFileNameWithoutExtension(reference);
            xml.Append($"    <Reference Include=\"{MsBuildText.Escape(name)}\"><HintPath>{MsBuildText.Escape(reference)}</HintPath></Reference>\n");
        }
        if (Mode != FreezeMode.Native)
        {
            // As hdnr's own: a task's hot loops reach optimized code at once rather than after the tiering delay.
            xml.Append("    <RuntimeHostConfigurationOption Include=\"System.Runtime.TieredCompilation.CallCountingDelayMs\" Value=\"0\" />\n");
        }
        if (Mode == FreezeMode.Native)
        {
            // The script class is found by name and its methods by reflection (JobShape): keep all of it.
            xml.Append($"    <TrimmerRootAssembly Include=\"{MsBuildText.Escape(ScriptAssemblyName)}\" />\n");
        }
        xml.Append("  </ItemGroup>\n</Project>\n");
        return xml.ToString();
    }

    public string Program()
    {
        var tasks = string.Join(", ", Tasks.Select(t => $"global::Hdnr.Runtime.Jobs.TaskKind.{t}"));
        var code = new StringBuilder();
        code.Append("// Generated by hdnr freeze.\n");
        if (Mode == FreezeMode.Native && LineFiles is not null)
        {
            code.Append($"global::Hdnr.Runtime.Frozen.ScriptLine.Track({CSharpLiteral.Of(ScriptAssemblyName)}, new string[] {{ ");
            code.Append(string.Join(", ", LineFiles.Select(CSharpLiteral.Of)));
            code.Append(" });\n");
        }
        code.Append($"return global::Hdnr.Runtime.Frozen.FrozenProgram.Run(args, new global::Hdnr.Runtime.Frozen.FrozenScript(\n");
        code.Append($"    {CSharpLiteral.Of(Name)},\n    {CSharpLiteral.Of(Doc)},\n");
        code.Append($"    new global::Hdnr.Runtime.Jobs.TaskKind[] {{ {tasks} }},\n");
        if (Mode == FreezeMode.Native)
        {
            code.Append("    static (reporter, context) =>\n    {\n");
            code.Append($"        var binder = new global::Hdnr.Runtime.Frozen.StaticJobBinder(global::System.Type.GetType({CSharpLiteral.Of("Script, " + ScriptAssemblyName)}, throwOnError: true), reporter, context);\n");
            foreach (var line in (Binding ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries))
                code.Append("        ").Append(line).Append('\n');
            code.Append("        return binder.Job();\n    })");
        }
        else
        {
            code.Append("    static (reporter, context) =>\n    {\n");
            code.Append("        var lib = global::System.IO.Path.Combine(global::System.AppContext.BaseDirectory, \"lib\");\n");
            code.Append($"        var script = global::Hdnr.Runtime.Jobs.ScriptAssemblyLoader.Load(global::System.IO.Path.Combine(lib, {CSharpLiteral.Of(ScriptFileName)}), new[] {{ lib }});\n");
            code.Append("        return global::Hdnr.Runtime.Jobs.ScriptJob.Create(script, reporter, context);\n    })");
        }
        if (Steps is { } steps) AppendSteps(code, steps);
        code.Append(");\n");
        return code.ToString();
    }

    // The later steps' tasks and set-up, for --step N, and the info line with every step.
    private void AppendSteps(StringBuilder code, (string Info, IReadOnlyList<IReadOnlyList<TaskKind>> Tasks, IReadOnlyList<string?> Bindings) steps)
    {
        code.Append("\n{\n");
        code.Append($"    Info = {CSharpLiteral.Of(steps.Info)},\n");
        code.Append("    StepTasks = new global::Hdnr.Runtime.Jobs.TaskKind[][] { ");
        code.Append(string.Join(", ", steps.Tasks.Select(tasks => "new global::Hdnr.Runtime.Jobs.TaskKind[] { " + string.Join(", ", tasks.Select(t => $"global::Hdnr.Runtime.Jobs.TaskKind.{t}")) + " }")));
        code.Append(" },\n");
        code.Append("    CreateStepJob = static (reporter, context, step) =>\n    {\n");
        if (Mode == FreezeMode.Native)
        {
            code.Append($"        var binder = new global::Hdnr.Runtime.Frozen.StaticJobBinder(global::System.Type.GetType({CSharpLiteral.Of("Script, " + ScriptAssemblyName)}, throwOnError: true), reporter, context, step);\n");
            code.Append("        switch (step)\n        {\n");
            for (var i = 1; i < steps.Bindings.Count; i++)
            {
                code.Append($"            case {i + 1}:\n");
                foreach (var line in (steps.Bindings[i] ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries))
                    code.Append("                ").Append(line).Append('\n');
                code.Append("                break;\n");
            }
            code.Append("        }\n        return binder.Job();\n    },\n}");
        }
        else
        {
            code.Append("        var lib = global::System.IO.Path.Combine(global::System.AppContext.BaseDirectory, \"lib\");\n");
            code.Append($"        var script = global::Hdnr.Runtime.Jobs.ScriptAssemblyLoader.Load(global::System.IO.Path.Combine(lib, {CSharpLiteral.Of(ScriptFileName)}), new[] {{ lib }});\n");
            code.Append("        return global::Hdnr.Runtime.Jobs.ScriptJob.Create(script, reporter, context, step);\n    },\n}");
        }
    }
}
