namespace Hdnr.Hadoop.Launching;

/// <summary>Puts a frozen archive on the cluster's filesystem once, at a path named by its content hash.</summary>
internal static class ClusterUpload
{
    /// <summary>The folder on the cluster's default filesystem that holds uploaded bundles.</summary>
    public const string Folder = "/tmp/hdnr";

    /// <summary>The URI of the uploaded archive, uploading it only when it is not there yet.</summary>
    public static string Ensure(HadoopInstallation hadoop, IReadOnlyList<string> defines, string archive, string key, TextWriter log)
    {
        var target = Target(hadoop, defines, key, archive);
        var folder = target[..target.LastIndexOf('/')];
        if (ToolProcess.Run([hadoop.Hadoop, "fs", "-test", "-e", target], stream: false).ExitCode == 0)
        {
            log.WriteLine($"hdnr: {target} is already on the cluster");
            return target;
        }
        Run(hadoop, ["fs", "-mkdir", "-p", folder]);
        // Put under a new random name (-put without -f refuses an existing one), then rename: a job never sees half an archive.
        var temp = $"{target}.{Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12))}.tmp";
        Run(hadoop, ["fs", "-put", archive, temp]);
        var moved = ToolProcess.Run([hadoop.Hadoop, "fs", "-mv", temp, target], stream: false);
        if (moved.ExitCode != 0)
        {
            ToolProcess.Run([hadoop.Hadoop, "fs", "-rm", "-f", temp], stream: false);
            if (ToolProcess.Run([hadoop.Hadoop, "fs", "-test", "-e", target], stream: false).ExitCode != 0)
                throw new HadoopToolException($"hadoop fs -mv {temp} {target} failed:\n{moved.Output.Trim()}");
        }
        log.WriteLine($"hdnr: uploaded {Path.GetFileName(archive)} to {target}");
        return target;
    }

    /// <summary>Where the archive goes: <c>FS/tmp/hdnr/KEY/NAME.tar.gz</c> on the cluster's default filesystem.</summary>
    public static string Target(HadoopInstallation hadoop, IReadOnlyList<string> defines, string key, string archive)
    {
        var fs = DefaultFileSystem.Of(hadoop, defines, Environment.GetEnvironmentVariable);
        return $"{fs.TrimEnd('/')}{Folder}/{key}/{Path.GetFileName(archive)}";
    }

    private static ToolProcess.Result Run(HadoopInstallation hadoop, string[] args)
    {
        var result = ToolProcess.Run([hadoop.Hadoop, .. args], stream: false);
        if (result.ExitCode != 0)
            throw new HadoopToolException($"hadoop {string.Join(' ', args)} failed (exit {result.ExitCode}):\n{result.Output.Trim()}");
        return result;
    }
}
