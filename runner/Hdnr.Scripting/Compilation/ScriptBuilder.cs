using System.Reflection;
using Hdnr.Runtime.Files;
using Hdnr.Runtime.Jobs;
using Hdnr.Scripting.Caching;
using Hdnr.Scripting.Directives;
using Hdnr.Scripting.NuGet;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Scripting;
using Microsoft.CodeAnalysis.Text;

namespace Hdnr.Scripting.Compilation;

/// <summary>The cache-miss path: restores packages, compiles with Roslyn, checks the job's shape and stores the entry.</summary>
internal static class ScriptBuilder
{
    public static CompiledScript Build(ScriptClosure closure, ScriptCache cache, string key)
    {
        var main = closure.Main;
        if (main.Bytes is null)
            throw new IOException($"{closure.UserPath}: cannot read the script file.");
        cache.SweepLeftovers();

        var packages = PackagesOf(closure);
        var assets = packages.Count == 0 ? PackageAssets.None : PackageRestorer.Restore(packages, cache.Root, closure);

        var runtimeReference = MetadataReference.CreateFromFile(typeof(ScriptGlobals).Assembly.Location);
        var references = FrameworkReferences.Value
            .Add(runtimeReference)
            .AddRange(assets.CompilePaths.Select(p => MetadataReference.CreateFromFile(p)));
        var scriptDirectory = Path.GetDirectoryName(main.FullPath)!;
        var metadataResolver = new PackageAwareMetadataResolver(
            ScriptMetadataResolver.Default.WithBaseDirectory(scriptDirectory), runtimeReference);
        var snapshots = closure.Files.Where(f => f.Bytes is not null).ToDictionary(f => f.FullPath, f => f.Bytes!, StringComparer.Ordinal);
        var sourceResolver = new SnapshotSourceResolver(new SourceFileResolver([], scriptDirectory), snapshots);

        var tree = CSharpSyntaxTree.ParseText(
            SourceText.From(main.Bytes, main.Bytes.Length, checksumAlgorithm: SourceHashAlgorithm.Sha256),
            ScriptCompilation.ParseOptions, main.FullPath);
        var compilation = ScriptCompilation.Create("hdnr-script-" + key[..16], tree, references, sourceResolver, metadataResolver);

        var (dll, errors) = Emit(compilation, closure);
        if (dll is null && errors.Count == 0)
        {
            compilation = ScriptCompilation.WithCode(compilation, tree);
            (dll, errors) = Emit(compilation, closure);
        }
        if (dll is null)
            throw new ScriptCompilationException(errors.Count > 0 ? errors : [$"{closure.UserPath}: error HDNR0000: the compiler gave no reason for failing."]);

        var dependencies = assets.RuntimePaths.Concat(metadataResolver.ResolvedDlls).Distinct(StringComparer.Ordinal).ToList();
        // The shape is checked on a temp copy only this process knows, so a script that fails never reaches the entry's
        // path, where a concurrent hdnr could be loading it.
        var staged = cache.StageAssembly(key, dll);
        JobShape shape;
        try
        {
            shape = ShapeOf(ScriptAssemblyLoader.Load(staged, dependencies));
        }
        catch (JobShapeException e)
        {
            AtomicFile.TryDelete(staged);
            throw new ScriptCompilationException([DiagnosticLines.At(FunctionLocation(compilation, e.FunctionName), closure, e.Code, e.Message)]);
        }
        catch
        {
            AtomicFile.TryDelete(staged);
            throw;
        }
        cache.CommitAssembly(key, staged);
        var assemblyPath = cache.AssemblyPath(key);
        var doc = main.Header.Doc;
        cache.WriteManifest(key, new CacheManifest(ScriptCache.Checksum(dll), shape.Tasks, dependencies, doc, shape.Sort));
        return new CompiledScript(closure.UserPath, assemblyPath, dependencies, doc, shape.Tasks, shape.Sort);
    }

    /// <summary>The dll with its PDB embedded, or null and the error lines.</summary>
    private static (byte[]? Dll, List<string> Errors) Emit(CSharpCompilation compilation, ScriptClosure closure)
    {
        using var pe = new MemoryStream();
        var result = compilation.Emit(pe, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.Embedded));
        var errors = DiagnosticLines.Errors(result.Diagnostics, closure);
        return (result.Success && errors.Count == 0 ? pe.ToArray() : null, errors);
    }

    // Every step is checked, with its hand-over to the next, so check and every verb refuse a job that could not run;
    // step 1's shape is the one hadoopy's info and the cache describe.
    private static JobShape ShapeOf(Assembly assembly) =>
        JobSteps.Of(assembly.GetType("Script", throwOnError: true)!)[0];

    /// <summary>Every <c>nuget:</c> reference of every file, in file order; a malformed one is a compile error at its line.</summary>
    private static List<PackageSpec> PackagesOf(ScriptClosure closure)
    {
        var packages = new List<PackageSpec>();
        var errors = new List<string>();
        foreach (var file in closure.Files)
            foreach (var directive in file.Header.Directives)
                if (directive.Kind == DirectiveKind.Reference && PackageSpec.IsNuGet(directive.Value))
                {
                    if (PackageSpec.Parse(directive.Value, file.FullPath, directive.Line) is { } spec)
                        packages.Add(spec);
                    else
                        errors.Add($"{closure.DisplayPath(file.FullPath)}({directive.Line},1): error HDNR0002: "
                            + $"'{directive.Value}' names no NuGet package; write #r \"nuget: Name, Version\" (a name holds letters, digits, '.', '-' and '_'; a version digits, letters and .-+*[](),).");
                }
        if (errors.Count > 0)
            throw new ScriptCompilationException(errors);
        return packages;
    }

    /// <summary>Where <paramref name="name"/> is declared (the start of its declaration, after its doc comment), else the main script's start; a dotted name is a script type's member (<c>Visit.Tags</c>) or nested type.</summary>
    private static Location FunctionLocation(CSharpCompilation compilation, string name)
    {
        if (TypeLocation(compilation, name.Split('.')) is { } declared) return declared;
        foreach (var tree in compilation.SyntaxTrees)
        {
            var root = (CompilationUnitSyntax)tree.GetRoot();
            foreach (var member in root.Members)
            {
                if (member is MethodDeclarationSyntax method && method.Identifier.ValueText == name)
                    return method.GetLocation();
                if (member is GlobalStatementSyntax { Statement: LocalFunctionStatementSyntax local } && local.Identifier.ValueText == name)
                    return local.GetLocation();
            }
        }
        var main = compilation.SyntaxTrees.First();
        return Location.Create(main, new TextSpan(0, 0));
    }

    /// <summary>The declaration of a script type, or of a member of it (a primary constructor's parameter, a property, a field), by its dotted path.</summary>
    private static Location? TypeLocation(CSharpCompilation compilation, string[] path)
    {
        foreach (var tree in compilation.SyntaxTrees)
        {
            IEnumerable<MemberDeclarationSyntax> members = ((CompilationUnitSyntax)tree.GetRoot()).Members;
            SyntaxNode? found = null;
            foreach (var part in path)
            {
                var next = members.OfType<TypeDeclarationSyntax>().FirstOrDefault(t => t.Identifier.ValueText == part)
                    ?? (SyntaxNode?)(found as TypeDeclarationSyntax)?.ParameterList?.Parameters.FirstOrDefault(p => p.Identifier.ValueText == part)
                    ?? members.OfType<PropertyDeclarationSyntax>().FirstOrDefault(p => p.Identifier.ValueText == part)
                    ?? (SyntaxNode?)members.OfType<FieldDeclarationSyntax>().SelectMany(f => f.Declaration.Variables).FirstOrDefault(v => v.Identifier.ValueText == part);
                // A member hdnr names but the source does not spell (a field the compiler made) leaves its type's place.
                if (next is null) break;
                found = next;
                members = (found as TypeDeclarationSyntax)?.Members ?? [];
            }
            if (found is not null) return found.GetLocation();
        }
        return null;
    }
}
