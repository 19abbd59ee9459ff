using System.Collections.Immutable;
using Hdnr.Runtime.Jobs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace Hdnr.Scripting.Compilation;

/// <summary>How every script is compiled: a script compilation of class <c>Script</c> over <see cref="ScriptGlobals"/> with hdnr's imports.</summary>
public static class ScriptCompilation
{
    /// <summary>The namespaces every script imports, as dotnet-script's defaults minus those a streaming task has no use for, plus regular expressions and globalization that text jobs often need.</summary>
    public static ImmutableArray<string> Imports { get; } =
    [
        "Hdnr", // [SortValues], [Reducers(n)]: the script's declarations
        "System",
        "System.Collections.Generic",
        "System.Globalization",
        "System.IO",
        "System.Linq",
        "System.Text",
        "System.Text.RegularExpressions",
        "System.Threading",
        "System.Threading.Tasks",
    ];

    /// <summary>The parse options of a .csx file.</summary>
    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest, DocumentationMode.None, SourceCodeKind.Script);

    /// <summary>The compilation of the script whose main file is <paramref name="main"/>.</summary>
    public static CSharpCompilation Create(string assemblyName, SyntaxTree main, IEnumerable<MetadataReference> references,
        SourceReferenceResolver sources, MetadataReferenceResolver? metadata = null)
    {
        var options = new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary,
            scriptClassName: "Script",
            usings: Imports,
            optimizationLevel: OptimizationLevel.Release,
            deterministic: true,
            allowUnsafe: true,
            sourceReferenceResolver: sources,
            metadataReferenceResolver: metadata);
        return CSharpCompilation.CreateScriptCompilation(assemblyName, main, references, options, returnType: typeof(object), globalsType: typeof(ScriptGlobals));
    }

    /// <summary>The compilation with one empty statement after the main file's last line, which moves no line.</summary>
    /// <remarks>Roslyn emits nothing, and says nothing, for a script with no code at all (only directives, a doc, comments); such a script is valid.</remarks>
    public static CSharpCompilation WithCode(CSharpCompilation compilation, SyntaxTree main)
    {
        ArgumentNullException.ThrowIfNull(compilation);
        ArgumentNullException.ThrowIfNull(main);
        return compilation.ReplaceSyntaxTree(main, main.WithChangedText(main.GetText().WithChanges(new TextChange(new TextSpan(main.Length, 0), "\n;"))));
    }
}
