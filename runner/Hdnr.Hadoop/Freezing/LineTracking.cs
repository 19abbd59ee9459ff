using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using Hdnr.Runtime.Frozen;
using Hdnr.Runtime.Jobs;
using Hdnr.Scripting.Compilation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Hdnr.Hadoop.Freezing;

/// <summary>A script compiled again for a native executable, with the line stores <see cref="LineStores"/> inserts, and the .csx paths its positions index.</summary>
/// <param name="Assembly">The compiled dll: the same assembly name, classes and signatures as the cached one.</param>
/// <param name="Files">The script's files as its PDB names them (what hdnr prints), main file first.</param>
internal sealed record TrackedScript(byte[] Assembly, IReadOnlyList<string> Files);

/// <summary>Compiles a script again, as hdnr compiles it, with every file rewritten by <see cref="LineStores"/>, so that a native executable (which has no PDB) can name the .csx line of a failure.</summary>
/// <remarks>
/// The compilation is hdnr's (a script compilation of class <c>Script</c> over <see cref="ScriptGlobals"/> with the same
/// imports, the running framework, Hdnr.Runtime and the script's package dlls), first as written, to know what each
/// expression body returns, then rewritten. Which statements have code a stack trace can name, and on which line, comes
/// from the PDB of hdnr's own compile (<see cref="VisibleSequencePoints"/>). <c>#r</c> directives become comments of the
/// same length: their dlls are references already. Roslyn is touched only here, never when a bundle is reused.
/// </remarks>
internal static class LineTracking
{
    /// <summary>Compiles the script at <paramref name="scriptPath"/> with line stores, as <paramref name="compiledAssembly"/> (hdnr's compile of it, whose name it takes and whose PDB says where its statements' code is).</summary>
    /// <exception cref="InvalidOperationException">The script does not compile again (the message is the first error), or its dll has no PDB; the caller freezes it without line stores.</exception>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static TrackedScript Compile(string scriptPath, string compiledAssembly, IReadOnlyList<string> dependencyDlls) =>
        Compile(scriptPath, compiledAssembly, dependencyDlls, "");

    /// <summary>As <see cref="Compile(string, string, IReadOnlyList{string})"/>, with <paramref name="appendix"/> (members of the script class, such as a native executable's binding) after the main file's last line, which moves no line.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static TrackedScript Compile(string scriptPath, string compiledAssembly, IReadOnlyList<string> dependencyDlls, string appendix)
    {
        var assemblyName = AssemblyName.GetAssemblyName(compiledAssembly).Name!;
        var references = References(dependencyDlls);
        var files = Rewrite(scriptPath, assemblyName, references, VisibleSequencePoints.Of(compiledAssembly));
        var texts = files.ToDictionary(f => f.Path, f => f.Text, StringComparer.Ordinal);
        var (mainPath, mainText) = files[0];
        var dll = Emit(assemblyName, mainPath, mainText + appendix, references,
            path => texts.TryGetValue(path, out var text) ? SourceText.From(text, Encoding.UTF8, SourceHashAlgorithm.Sha256) : Read(path));
        return new TrackedScript(dll, files.Select(f => f.Path).ToList());
    }

    /// <summary>Compiles the script as written, without line stores, with <paramref name="appendix"/> after its main file's last line: for a script whose rewrite does not compile.</summary>
    /// <exception cref="InvalidOperationException">The script does not compile so (the message is the first error).</exception>
    public static byte[] CompileAsWritten(string scriptPath, string compiledAssembly, IReadOnlyList<string> dependencyDlls, string appendix)
    {
        var mainPath = Path.GetFullPath(scriptPath);
        return Emit(AssemblyName.GetAssemblyName(compiledAssembly).Name!, mainPath, Read(mainPath).ToString() + appendix, References(dependencyDlls), Read);
    }

    private static byte[] Emit(string assemblyName, string mainPath, string mainText, List<MetadataReference> references, Func<string, SourceText> read)
    {
        var mainTree = CSharpSyntaxTree.ParseText(SourceText.From(mainText, Encoding.UTF8, SourceHashAlgorithm.Sha256), ScriptCompilation.ParseOptions, mainPath);
        var compilation = Script(assemblyName, mainTree, references, new Sources(Path.GetDirectoryName(mainPath)!, read));
        var dll = Emit(compilation);
        if (dll is null)
        {
            compilation = ScriptCompilation.WithCode(compilation, mainTree);
            dll = Emit(compilation) ?? throw new InvalidOperationException("the compiler emitted nothing");
        }
        return dll;
    }

    /// <summary>The script's files with their line stores, main file first, each by the path the PDB names it by; a file's index is its position here.</summary>
    public static IReadOnlyList<(string Path, string Text)> Rewrite(string scriptPath, string compiledAssembly, IReadOnlyList<string> dependencyDlls) =>
        Rewrite(scriptPath, AssemblyName.GetAssemblyName(compiledAssembly).Name!, References(dependencyDlls), VisibleSequencePoints.Of(compiledAssembly));

    private static List<(string Path, string Text)> Rewrite(
        string scriptPath, string assemblyName, List<MetadataReference> references, IReadOnlyDictionary<string, List<(int Line, int Column)>> sequencePoints)
    {
        var mainPath = Path.GetFullPath(scriptPath);
        // As written (with #r made comments), to read what each expression body returns; its errors show when compiled rewritten.
        var asWritten = Script(assemblyName, CSharpSyntaxTree.ParseText(Read(mainPath), ScriptCompilation.ParseOptions, mainPath), references,
            new Sources(Path.GetDirectoryName(mainPath)!, Read));
        var trees = asWritten.SyntaxTrees.ToList();
        var main = trees.Single(t => t.FilePath == mainPath);
        trees.Remove(main);
        trees.Insert(0, main);
        if (trees.Count > (int.MaxValue >> ScriptLine.FileShift) + 1)
            throw new InvalidOperationException($"{trees.Count} files are more than a native executable tracks");
        return trees
            .Select((tree, file) => (tree.FilePath, LineStores.Rewrite(tree, asWritten.GetSemanticModel(tree), file, sequencePoints.GetValueOrDefault(tree.FilePath) ?? [])))
            .ToList();
    }

    private static CSharpCompilation Script(string assemblyName, SyntaxTree main, IEnumerable<MetadataReference> references, SourceReferenceResolver sources) =>
        ScriptCompilation.Create(assemblyName, main, references, sources);

    private static byte[]? Emit(CSharpCompilation compilation)
    {
        using var pe = new MemoryStream();
        var result = compilation.Emit(pe);
        Check(result.Diagnostics);
        return result.Success ? pe.ToArray() : null;
    }

    private static void Check(IEnumerable<Diagnostic> diagnostics)
    {
        if (diagnostics.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error) is { } error)
            throw new InvalidOperationException(error.ToString());
    }

    /// <summary>The running framework's assemblies (as hdnr's compiler takes them), Hdnr.Runtime, and the script's package and <c>#r</c> dlls not named like one of those.</summary>
    private static List<MetadataReference> References(IReadOnlyList<string> dependencyDlls)
    {
        var runtime = typeof(ScriptGlobals).Assembly.Location;
        var names = FrameworkAssemblies.Names.Append(Path.GetFileNameWithoutExtension(runtime)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return [.. FrameworkReferences.Value, MetadataReference.CreateFromFile(runtime),
            .. dependencyDlls.Where(d => names.Add(Path.GetFileNameWithoutExtension(d))).Select(d => MetadataReference.CreateFromFile(d))];
    }

    /// <summary>The file at <paramref name="path"/> as hdnr's compiler reads it, with each <c>#r</c> directive turned into a comment of the same length.</summary>
    private static SourceText Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var text = SourceText.From(bytes, bytes.Length, checksumAlgorithm: SourceHashAlgorithm.Sha256);
        var changes = CSharpSyntaxTree.ParseText(text, ScriptCompilation.ParseOptions).GetRoot().DescendantTrivia()
            .Select(t => t.GetStructure())
            .OfType<ReferenceDirectiveTriviaSyntax>()
            .Select(r => new TextChange(new TextSpan(r.HashToken.SpanStart, 2), "//"))
            .ToList();
        return changes.Count == 0 ? text : text.WithChanges(changes);
    }

    /// <summary>Resolves <c>#load</c> as hdnr's compiler does (relative to the loading file) and serves the given text of each file.</summary>
    private sealed class Sources(string directory, Func<string, SourceText> read) : SourceReferenceResolver
    {
        private readonly SourceFileResolver _files = new([], directory);

        public override string? NormalizePath(string path, string? baseFilePath) => _files.NormalizePath(path, baseFilePath);

        public override string? ResolveReference(string path, string? baseFilePath) => _files.ResolveReference(path, baseFilePath);

        public override Stream OpenRead(string resolvedPath) =>
            new MemoryStream(Encoding.UTF8.GetBytes(read(resolvedPath).ToString()), writable: false);

        public override SourceText ReadText(string resolvedPath) => read(resolvedPath);

        public override bool Equals(object? other) => ReferenceEquals(this, other);

        public override int GetHashCode() => directory.GetHashCode(StringComparison.Ordinal);
    }
}
