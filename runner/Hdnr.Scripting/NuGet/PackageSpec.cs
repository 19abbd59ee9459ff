namespace Hdnr.Scripting.NuGet;

/// <summary>One <c>#r "nuget: Id, Version"</c>: the package, its version or range (null for the latest), and where it was written.</summary>
internal sealed record PackageSpec(string Id, string? Version, string FilePath, int Line)
{
    private const string Scheme = "nuget:";

    /// <summary>The package as the user wrote it, for messages.</summary>
    public string Display => Version is null ? Id : $"{Id}, {Version}";

    public static bool IsNuGet(string reference) => reference.TrimStart().StartsWith(Scheme, StringComparison.OrdinalIgnoreCase);

    /// <summary>Parses the text after <c>nuget:</c>; null when it names no package.</summary>
    public static PackageSpec? Parse(string reference, string filePath, int line)
    {
        var text = reference.TrimStart()[Scheme.Length..];
        var comma = text.IndexOf(',');
        var id = (comma < 0 ? text : text[..comma]).Trim();
        var version = comma < 0 ? null : text[(comma + 1)..].Trim();
        // NuGet's grammars, which leave out every character MSBuild or XML would read as anything but itself ($, %, @, ;, quotes).
        if (id.Length is 0 or > 100 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
            return null;
        if (version is { Length: 0 })
            version = null;
        if (version is not null && !version.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '+' or '*' or '[' or ']' or '(' or ')' or ',' or ' '))
            return null;
        return new PackageSpec(id, version, filePath, line);
    }
}
