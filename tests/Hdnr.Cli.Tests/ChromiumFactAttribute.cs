namespace Hdnr.Cli.Tests;

/// <summary>A test that opens a page in a real headless Chromium: skipped, with the reason, where none is installed.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    /// <summary>The Chromium executable on PATH, or null.</summary>
    public static readonly string? Executable = (Environment.GetEnvironmentVariable("PATH") ?? "")
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .SelectMany(folder => new[] { "chromium", "chromium-browser", "google-chrome" }.Select(name => Path.Combine(folder, name)))
        .FirstOrDefault(File.Exists);

    public ChromiumFactAttribute()
    {
        if (Executable is null)
            Skip = "No chromium on PATH (apt-get install -y chromium; .ci/run installs it), so the HTML report cannot be opened in a real browser.";
    }
}
