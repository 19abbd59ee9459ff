using System.Text;

namespace Hdnr.Runtime.Pipes;

/// <summary>Moves a task's data streams off fds 0 and 1, so whatever else the process prints cannot corrupt them (hadoopy's pipe hopping).</summary>
public static class PipeHop
{
    /// <summary>
    /// Returns streams on copies of the original stdin and stdout, then points fd 1 at stderr and fd 0 at /dev/null,
    /// for this process, its libraries and its child processes alike, and resets Console.Out and Console.In to follow.
    /// </summary>
    /// <remarks>
    /// The copies are close-on-exec: a child process must not hold the task's output pipe open, or Hadoop would wait
    /// for it. Console must be reset because .NET's Console.Out writes to its own duplicate of the fd 1 it first saw.
    /// </remarks>
    public static (Stream Input, Stream Output) Hop()
    {
        if (!OperatingSystem.IsLinux())
            throw new PlatformNotSupportedException("pipe hopping uses Linux's dup2 and fcntl; run the task without it here");
        Console.Out.Flush();
        var input = Libc.Check(Libc.Fcntl(0, Libc.FDupFdCloexec, 3), "fcntl(0, F_DUPFD_CLOEXEC)");
        var output = Libc.Check(Libc.Fcntl(1, Libc.FDupFdCloexec, 3), "fcntl(1, F_DUPFD_CLOEXEC)");
        Libc.Check(Libc.Dup2(2, 1), "dup2(2, 1)");
        var devNull = Libc.Check(Libc.Open("/dev/null", Libc.ORdOnly | Libc.OCloexec), "open(/dev/null)");
        Libc.Check(Libc.Dup2(devNull, 0), "dup2(/dev/null, 0)");
        Libc.Check(Libc.Close(devNull), "close(/dev/null)");

        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        Console.SetOut(new StreamWriter(Console.OpenStandardOutput(), utf8) { AutoFlush = true });
        Console.SetIn(new StreamReader(Console.OpenStandardInput(), utf8));
        // read(2) and write(2) on the copies, unbuffered (the task loops have large buffers of their own): a regular file's
        // shared offset moves as hdnr writes, so what a shell writes before or after hdnr stays (and >> appends).
        return (new DescriptorStream(input, writable: false), new DescriptorStream(output, writable: true));
    }
}
