namespace Hdnr.Hadoop.Freezing;

/// <summary>The names <c>--mode</c> takes.</summary>
public static class FreezeModes
{
    public static IReadOnlyList<string> Names { get; } = ["native", "self-contained", "framework"];

    public static FreezeMode Parse(string? name) => name switch
    {
        null or "" or "native" or "aot" => FreezeMode.Native,
        "self-contained" => FreezeMode.SelfContained,
        "framework" => FreezeMode.Framework,
        _ => throw new HadoopToolException($"--mode is '{name}'; use native (the default), self-contained or framework"),
    };

    public static string Name(FreezeMode mode) => mode switch
    {
        FreezeMode.Native => "native",
        FreezeMode.SelfContained => "self-contained",
        _ => "framework",
    };
}
