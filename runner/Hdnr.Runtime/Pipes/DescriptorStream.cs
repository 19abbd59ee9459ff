namespace Hdnr.Runtime.Pipes;

/// <summary>An inherited file descriptor read and written through read(2) and write(2), as any Unix program uses its stdin and stdout.</summary>
/// <remarks>
/// Not a FileStream: on a regular file FileStream reads and writes at a position of its own (pread/pwrite), so the
/// file's shared offset never moves and whatever the shell writes after hdnr, or before it, overwrites hdnr's output.
/// </remarks>
internal sealed class DescriptorStream(int fd, bool writable) : Stream
{
    private const int Eintr = 4;
    private int _fd = fd;

    public override bool CanRead => !writable && _fd >= 0;
    public override bool CanWrite => writable && _fd >= 0;
    public override bool CanSeek => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (!CanRead) throw new NotSupportedException("this stream is not readable");
        if (buffer.IsEmpty) return 0;
        while (true)
        {
            var read = Libc.Read(_fd, ref buffer[0], buffer.Length);
            if (read >= 0) return (int)read;
            Libc.ThrowUnless(Eintr, "read(2) on standard input");
        }
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (!CanWrite) throw new NotSupportedException("this stream is not writable");
        // write(2) may take part of a buffer (a pipe, a signal); the rest follows until all of it is out.
        while (!buffer.IsEmpty)
        {
            var written = Libc.Write(_fd, in buffer[0], buffer.Length);
            if (written >= 0) buffer = buffer[(int)written..];
            else Libc.ThrowUnless(Eintr, "write(2) on standard output");
        }
    }

    public override void WriteByte(byte value) => Write([value]);

    // Every write has reached the descriptor already: nothing is buffered here.
    public override void Flush() { }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        var fd = Interlocked.Exchange(ref _fd, -1);
        if (fd >= 0) Libc.Close(fd);
        base.Dispose(disposing);
    }
}
