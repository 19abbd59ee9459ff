using System.Text;

namespace Hdnr.Runtime.Jobs;

/// <summary>The job's configuration as the running task has it: the <c>-D</c> settings and Hadoop's own, by their dotted names.</summary>
/// <remarks>Hadoop Streaming hands a task its whole job configuration as environment variables with every character outside [0-9A-Za-z] turned into <c>_</c>; this reads them back by the name the user set.</remarks>
public sealed class TaskSettings
{
    private readonly Func<string, string?> _variable;

    internal TaskSettings(Func<string, string?> variable) => _variable = variable;

    /// <summary>The value of setting <paramref name="name"/> (e.g. <c>mapreduce.job.reduces</c>, or a <c>-D</c> of the job's), or null when the job has none.</summary>
    public string? this[string name] => _variable(VariableName(name));

    /// <summary>A configuration key as Hadoop Streaming names its environment variable: each character outside [0-9A-Za-z] becomes <c>_</c>.</summary>
    public static string VariableName(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var name = new StringBuilder(key.Length);
        foreach (var c in key) name.Append(char.IsAsciiLetterOrDigit(c) ? c : '_');
        return name.ToString();
    }
}
