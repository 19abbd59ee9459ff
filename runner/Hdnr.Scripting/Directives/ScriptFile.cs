namespace Hdnr.Scripting.Directives;

/// <summary>One script file of a compilation, read once so the hash and the compiler see the same bytes.</summary>
internal sealed class ScriptFile(string fullPath, byte[]? bytes, ScriptHeader header)
{
    public string FullPath { get; } = fullPath;

    /// <summary>The file's bytes, or null when it could not be read (the compiler then reports it where it is loaded).</summary>
    public byte[]? Bytes { get; } = bytes;

    public ScriptHeader Header { get; } = header;

    public static ScriptFile Read(string fullPath)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(fullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new ScriptFile(fullPath, null, new ScriptHeader([], ""));
        }
        return new ScriptFile(fullPath, bytes, HeaderScanner.Scan(System.Text.Encoding.UTF8.GetString(bytes)));
    }
}
