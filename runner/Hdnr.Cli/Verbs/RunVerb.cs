using Hdnr.Formats.Codecs;
using Hdnr.Formats.Input;
using Hdnr.Formats.SequenceFiles;
using Hdnr.Runtime.Wire;
using McMaster.Extensions.CommandLineUtils;

namespace Hdnr.Cli.Verbs;

/// <summary><c>hdnr SCRIPT run INPUT...</c>: the whole job as launch-local runs it, into a private temporary folder, its output printed on stdout.</summary>
internal static class RunVerb
{
    public static void Register(CommandLineApplication app, ScriptSession session) =>
        app.Command("run", cmd =>
        {
            cmd.Description = "Run the whole job as launch-local does, in a private temporary folder; print its output on stdout part by part (SequenceFiles as readtb prints them) and remove the folder.";
            var inputs = cmd.Argument("inputs", "INPUT... (files, directories, globs)", multipleValues: true).IsRequired();
            var head = cmd.Option<int>("--head <N>", "Read only the first N lines of each input file (text, gzip or bzip2).", CommandOptionType.SingleValue);
            var describe = LaunchLocalVerb.JobOptions(cmd, session, ownOutput: true);
            var report = LaunchLocalVerb.ReportOption(cmd);
            cmd.OnExecute(() =>
            {
                if (head.HasValue() && head.ParsedValue < 0) throw new UserException($"--head takes a number of lines, 0 or more, not {head.ParsedValue}.");
                // Made with mode 700: the job's input sample and output are the user's alone.
                var folder = Directory.CreateTempSubdirectory("hdnr-run-").FullName;
                try
                {
                    var paths = head.HasValue() ? Sample(inputs.Values!, head.ParsedValue, Directory.CreateDirectory(Path.Combine(folder, "head")).FullName) : inputs.Values!;
                    var output = Path.Combine(folder, "output");
                    return LaunchLocalVerb.Run(describe(paths!, output), session.Steps, stdout => PrintParts(output, stdout), report.Value());
                }
                finally
                {
                    Directory.Delete(folder, recursive: true);
                }
            });
        });

    // The first lines of each input file, by Hadoop's line rule, in a file of its own so the job keeps one map per input.
    private static List<string> Sample(IEnumerable<string?> inputs, int lines, string folder)
    {
        var samples = new List<string>();
        foreach (var file in InputPaths.Expand(inputs!))
        {
            var format = InputFormats.Detect(file);
            if (format == InputFormat.SequenceFile)
                throw new UserException($"--head reads text inputs; {file} is a SequenceFile (run it without --head).");
            var name = format == InputFormat.Text ? Path.GetFileName(file) : Path.GetFileNameWithoutExtension(file);
            var sample = Path.Combine(folder, $"{samples.Count:D5}-{name}");
            using (Stream input = format == InputFormat.Text ? File.OpenRead(file) : new CompressedInput(file, format))
            using (var output = File.Create(sample))
                output.Write(Head(input, lines));
            samples.Add(sample);
        }
        return samples;
    }

    private static ReadOnlySpan<byte> Head(Stream input, int lines)
    {
        var buffer = new byte[1 << 16];
        int length = 0, at = 0, found = 0;
        var more = true;
        while (found < lines)
        {
            var end = LineEnd.Find(buffer.AsSpan(at, length - at), more, out var consumed);
            if (end >= 0 && consumed > 0)
            {
                at += consumed;
                found++;
                continue;
            }
            if (!more) break;
            if (length == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
            var read = input.Read(buffer, length, buffer.Length - length);
            if (read == 0) more = false;
            length += read;
        }
        return buffer.AsSpan(0, found < lines ? length : at);
    }

    /// <summary>Writes the part files of <paramref name="output"/> in part order, each as a user reads it: text as written, a compressed text part decompressed, a SequenceFile as readtb prints it.</summary>
    public static void PrintParts(string output, Stream stdout)
    {
        foreach (var part in Directory.GetFiles(output, "part-*").Order(StringComparer.Ordinal))
        {
            var format = InputFormats.Detect(part);
            if (format == InputFormat.SequenceFile)
            {
                SequenceFileDump.Write([part], PairFormat.Readable, stdout);
                continue;
            }
            if (format == InputFormat.Text && Path.GetExtension(part).Length > 0)
                throw new UserException($"run prints text, gzip, bzip2 and SequenceFile parts, not {Path.GetFileName(part)}; use launch-local to keep it.");
            using Stream input = format == InputFormat.Text ? File.OpenRead(part) : new CompressedInput(part, format);
            input.CopyTo(stdout);
        }
        stdout.Flush();
    }
}
