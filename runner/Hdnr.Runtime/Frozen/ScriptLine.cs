using System.Diagnostics;

namespace Hdnr.Runtime.Frozen;

/// <summary>The .csx file and line a native executable's script is running, for the errors NativeAOT cannot place from a PDB.</summary>
/// <remarks>
/// Native freeze compiles the script with a store of the statement's position into <see cref="At"/> before each
/// statement, and wraps every function that is not an iterator so that it puts back its caller's position when it returns
/// and, through an exception filter (which runs before any <c>finally</c> unwinds), records the position at which an
/// exception left it: the line of the innermost script function still running, as the PDB gives hdnr. A frozen
/// executable runs one task in one process, so plain statics do; a script that runs its own code on several threads at
/// once gets the line of whichever ran last.
/// </remarks>
public static class ScriptLine
{
    /// <summary>The running statement: its file's index in the executable's table, shifted left by <see cref="FileShift"/>, or'ed with its line; 0 before the first.</summary>
    public static int At;

    /// <summary>How far a file's index is shifted in <see cref="At"/>: lines up to 16,777,215, files up to 127.</summary>
    public const int FileShift = 24;

    private static string? _assembly;
    private static string[]? _files;
    private static Exception? _thrown;
    private static int _thrownAt;

    /// <summary>The value a store writes into <see cref="At"/> for <paramref name="line"/> (from 1) of file <paramref name="file"/> (from 0).</summary>
    public static int Position(int file, int line)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(file);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(file, int.MaxValue >> FileShift);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(line);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(line, (1 << FileShift) - 1);
        return (file << FileShift) | line;
    }

    /// <summary>Called once by a native executable before its script runs: the script's assembly name and its .csx paths as the PDB names them, by index.</summary>
    public static void Track(string assembly, string[] files)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        ArgumentNullException.ThrowIfNull(files);
        _assembly = assembly;
        _files = files;
        At = 0;
        _thrown = null;
    }

    /// <summary>An exception filter: keeps the position <paramref name="exception"/> was thrown at, the first time an instrumented function sees it; never catches.</summary>
    public static bool Capture(Exception exception)
    {
        if (!ReferenceEquals(exception, _thrown))
        {
            _thrown = exception;
            _thrownAt = At;
        }
        return false;
    }

    /// <summary>Gives an iterator's caller its position <paramref name="at"/> back as the iterator yields <paramref name="value"/>.</summary>
    public static T Yield<T>(int at, T value)
    {
        At = at;
        return value;
    }

    /// <summary>Called before a <c>throw</c> with an operand: an exception thrown again that way starts a new stack trace, so it is placed anew.</summary>
    public static void Forget() => _thrown = null;

    /// <summary>Where <paramref name="exception"/> left the script, when this process is a native executable that tracks lines and the exception came through the script's code.</summary>
    internal static (string File, int Line)? Of(Exception exception)
    {
        var files = _files;
        if (files is null)
            return null;
        var at = ReferenceEquals(exception, _thrown) ? _thrownAt : At;
        var file = at >>> FileShift;
        var line = at & ((1 << FileShift) - 1);
        if (line == 0 || file >= files.Length || !CameThroughScript(exception))
            return null;
        return (files[file], line);
    }

    /// <summary>False when the stack trace names methods and none is the script's: hdnr then names no line either (a lazy sequence built of library calls only).</summary>
    private static bool CameThroughScript(Exception exception)
    {
        var named = false;
        foreach (var frame in new StackTrace(exception, fNeedFileInfo: false).GetFrames())
        {
            if (DiagnosticMethodInfo.Create(frame) is not { } method)
                continue;
            named = true;
            var assembly = method.DeclaringAssemblyName;
            if (assembly is not null && assembly.StartsWith(_assembly!, StringComparison.Ordinal)
                && (assembly.Length == _assembly!.Length || assembly[_assembly.Length] == ','))
                return true;
        }
        return !named;
    }
}
