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
/// <param name="LineFiles">Native mode, when the script was compiled with line stores: its .csx paths, by the index its positions hold.</param>
internal sealed record BundleProject(
    string Name,
    FreezeMode Mode,
    string Doc,
    IReadOnlyList<TaskKind> Tasks,
    IReadOnlyList<string> References,
    string ScriptAssemblyName,
    string ScriptFileName,
    IReadOnlyList<string>? LineFiles = null)
{
    /// <summary>A job of several steps: each step's tasks, step 1's first.</summary>
    public IReadOnlyList<IReadOnlyList<TaskKind>>? Steps { get; init; }

    /// <summary>The line <c>info</c> prints, when it says more than the doc and tasks (steps, a declared sort).</summary>
    public string? Info { get; init; }

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
            // The binding is compiled into the script (StaticBindingSource.Method), where its classes and records can be named.
            code.Append($"    static (reporter, context) => global::Hdnr.Runtime.Frozen.StaticJobBinder.Bind({ScriptType()}, reporter, context, 1))");
        }
        else
        {
            code.Append("    static (reporter, context) =>\n    {\n");
            code.Append("        var lib = global::System.IO.Path.Combine(global::System.AppContext.BaseDirectory, \"lib\");\n");
            code.Append($"        var script = global::Hdnr.Runtime.Jobs.ScriptAssemblyLoader.Load(global::System.IO.Path.Combine(lib, {CSharpLiteral.Of(ScriptFileName)}), new[] {{ lib }});\n");
            code.Append("        return global::Hdnr.Runtime.Jobs.ScriptJob.Create(script, reporter, context);\n    })");
        }
        if (Info is not null || Steps is not null)
        {
            code.Append("\n{\n");
            if (Info is not null) code.Append($"    Info = {CSharpLiteral.Of(Info)},\n");
            if (Steps is { } steps) AppendSteps(code, steps);
            code.Append('}');
        }
        code.Append(");\n");
        return code.ToString();
    }

    // The later steps' tasks and set-up, for --step N.
    private void AppendSteps(StringBuilder code, IReadOnlyList<IReadOnlyList<TaskKind>> steps)
    {
        code.Append("    StepTasks = new global::Hdnr.Runtime.Jobs.TaskKind[][] { ");
        code.Append(string.Join(", ", steps.Select(tasks => "new global::Hdnr.Runtime.Jobs.TaskKind[] { " + string.Join(", ", tasks.Select(t => $"global::Hdnr.Runtime.Jobs.TaskKind.{t}")) + " }")));
        code.Append(" },\n");
        if (Mode == FreezeMode.Native)
        {
            code.Append($"    CreateStepJob = static (reporter, context, step) => global::Hdnr.Runtime.Frozen.StaticJobBinder.Bind({ScriptType()}, reporter, context, step),\n");
        }
        else
        {
            code.Append("    CreateStepJob = static (reporter, context, step) =>\n    {\n");
            code.Append("        var lib = global::System.IO.Path.Combine(global::System.AppContext.BaseDirectory, \"lib\");\n");
            code.Append($"        var script = global::Hdnr.Runtime.Jobs.ScriptAssemblyLoader.Load(global::System.IO.Path.Combine(lib, {CSharpLiteral.Of(ScriptFileName)}), new[] {{ lib }});\n");
            code.Append("        return global::Hdnr.Runtime.Jobs.ScriptJob.Create(script, reporter, context, step);\n    },\n");
        }
    }

    private string ScriptType() => $"global::System.Type.GetType({CSharpLiteral.Of("Script, " + ScriptAssemblyName)}, throwOnError: true)";
}
