using System.Buffers.Binary;

namespace Hdnr.Runtime.TypedBytes;

/// <summary>Finds where one encoded value ends without decoding it, so readers can hand out raw values.</summary>
public static class TypedBytesFraming
{
    /// <summary>How deep containers may nest; deeper input is refused rather than risking the stack.</summary>
    public const int MaxDepth = 1000;

    /// <summary>What <see cref="Measure"/> found.</summary>
    public enum Result
    {
        /// <summary>The value is whole; the number is its length.</summary>
        Complete,

        /// <summary>The buffer ends inside the value; the number is how many bytes are needed at least to go on.</summary>
        NeedMore,

        /// <summary>The value is malformed; the number is the offset of the bad byte and the error says why.</summary>
        Invalid,
    }

    /// <summary>Measures the value at the start of <paramref name="buffer"/>.</summary>
    public static Result Measure(ReadOnlySpan<byte> buffer, out long number, out string? error) => Measure(buffer, null, out number, out error);

    /// <summary>Measures the value at the start of <paramref name="buffer"/>, resuming a container scan that <paramref name="resume"/> kept from an earlier NeedMore.</summary>
    /// <remarks>Without resuming, a big container arriving through a pipe would be rescanned from its start on every read.</remarks>
    internal static Result Measure(ReadOnlySpan<byte> buffer, ScanState? resume, out long number, out string? error)
    {
        error = null;
        if (resume is { Active: true })
        {
            return MeasureContainer(buffer, resume, out number, out error);
        }

        if (buffer.IsEmpty)
        {
            number = 1;
            return Result.NeedMore;
        }

        // Scalars and strings are nearly all the traffic, so they skip the container machinery.
        var code = buffer[0];
        var scalar = ScalarLength(buffer, 0, out number, out error);
        if (scalar != Result.Complete || code is not ((byte)TypedBytesType.Vector or (byte)TypedBytesType.List or (byte)TypedBytesType.Map))
        {
            return scalar;
        }

        return MeasureContainer(buffer, resume, out number, out error);
    }

    // For a non-container at pos, the end position (Complete), what is needed (NeedMore) or the bad offset (Invalid).
    // For a container code it answers Complete with the header's end, and the caller takes over.
    private static Result ScalarLength(ReadOnlySpan<byte> buffer, long pos, out long number, out string? error)
    {
        error = null;
        var code = buffer[(int)pos];
        long size;
        switch (code)
        {
            case (byte)TypedBytesType.Byte:
            case (byte)TypedBytesType.Bool:
                size = 2;
                break;
            case (byte)TypedBytesType.Int:
            case (byte)TypedBytesType.Float:
                size = 5;
                break;
            case (byte)TypedBytesType.Long:
            case (byte)TypedBytesType.Double:
                size = 9;
                break;
            case (byte)TypedBytesType.Marker:
            case (byte)TypedBytesType.List:
                size = 1;
                break;
            case (byte)TypedBytesType.Vector:
            case (byte)TypedBytesType.Map:
                size = 5;
                break;
            case (byte)TypedBytesType.Bytes:
            case (byte)TypedBytesType.String:
            case >= (byte)TypedBytesType.FirstApplicationSpecific and <= (byte)TypedBytesType.LastApplicationSpecific:
                if (buffer.Length - pos < 5)
                {
                    number = pos + 5;
                    return Result.NeedMore;
                }

                var length = BinaryPrimitives.ReadInt32BigEndian(buffer.Slice((int)pos + 1, 4));
                if (length < 0)
                {
                    // Hadoop's WritableUtils.writeString writes -1 for a null string.
                    if (length == -1 && code == (byte)TypedBytesType.String)
                    {
                        length = 0;
                    }
                    else
                    {
                        number = pos + 1;
                        error = $"negative length {length} for type code {code}";
                        return Result.Invalid;
                    }
                }

                size = 5L + length;
                break;
            default:
                number = pos;
                error = $"unknown type code {code}";
                return Result.Invalid;
        }

        if (buffer.Length - pos < size)
        {
            number = pos + size;
            return Result.NeedMore;
        }

        number = pos + size;
        return Result.Complete;
    }

    private static Result MeasureContainer(ReadOnlySpan<byte> buffer, ScanState? resume, out long number, out string? error)
    {
        // An explicit stack of what each open container still expects (-1: a list, which runs to its marker),
        // so hostile nesting cannot overflow the call stack.
        Span<long> small = stackalloc long[32];
        long[]? large = null;
        var stack = small;
        var depth = 0;
        long pos = 0;
        if (resume is { Active: true })
        {
            if (resume.Depth > stack.Length)
            {
                large = new long[resume.Stack.Length];
                stack = large;
            }

            resume.Stack.AsSpan(0, resume.Depth).CopyTo(stack);
            depth = resume.Depth;
            pos = resume.Position;
        }

        resume?.Reset();
        while (true)
        {
            if (pos >= buffer.Length)
            {
                number = pos + 1;
                error = null;
                resume?.Save(pos, stack[..depth]);
                return Result.NeedMore;
            }

            var code = buffer[(int)pos];
            var itemDone = true;
            if (code == (byte)TypedBytesType.Marker && depth > 0 && stack[depth - 1] == -1)
            {
                // The end of the innermost list: the list itself is the item that completed.
                depth--;
                pos++;
            }
            else
            {
                var result = ScalarLength(buffer, pos, out var next, out error);
                if (result != Result.Complete)
                {
                    // Resuming restarts this item, which is whole or nothing to the stack.
                    if (result == Result.NeedMore)
                    {
                        resume?.Save(pos, stack[..depth]);
                    }

                    number = next;
                    return result;
                }

                if (code is (byte)TypedBytesType.Vector or (byte)TypedBytesType.Map or (byte)TypedBytesType.List)
                {
                    long expect = -1;
                    if (code != (byte)TypedBytesType.List)
                    {
                        var count = BinaryPrimitives.ReadInt32BigEndian(buffer.Slice((int)pos + 1, 4));
                        if (count < 0)
                        {
                            number = pos + 1;
                            error = $"negative element count {count}";
                            return Result.Invalid;
                        }

                        expect = code == (byte)TypedBytesType.Map ? 2L * count : count;
                    }

                    if (expect != 0)
                    {
                        if (depth == MaxDepth)
                        {
                            number = pos;
                            error = $"containers nested deeper than {MaxDepth}";
                            return Result.Invalid;
                        }

                        if (depth == stack.Length)
                        {
                            var grown = new long[stack.Length * 2];
                            stack.CopyTo(grown);
                            large = grown;
                            stack = large;
                        }

                        stack[depth++] = expect;
                        itemDone = false;
                    }
                }

                pos = next;
            }

            if (itemDone)
            {
                // A finished item may finish its parents in turn.
                while (depth > 0 && stack[depth - 1] != -1)
                {
                    if (--stack[depth - 1] > 0)
                    {
                        break;
                    }

                    depth--;
                }
            }

            if (depth == 0)
            {
                number = pos;
                error = null;
                return Result.Complete;
            }
        }
    }

    /// <summary>Where a container scan stopped for want of bytes, so the next call can go on from there.</summary>
    internal sealed class ScanState
    {
        /// <summary>Whether a scan is under way.</summary>
        public bool Active { get; private set; }

        /// <summary>The offset, from the value's start, of the item to measure next.</summary>
        public long Position { get; private set; }

        /// <summary>How many containers are open.</summary>
        public int Depth { get; private set; }

        /// <summary>What each open container still expects.</summary>
        public long[] Stack { get; private set; } = new long[32];

        /// <summary>Forgets the scan.</summary>
        public void Reset()
        {
            Active = false;
            Position = 0;
            Depth = 0;
        }

        /// <summary>Keeps where the scan stopped.</summary>
        public void Save(long position, ReadOnlySpan<long> stack)
        {
            if (Stack.Length < stack.Length)
            {
                Stack = new long[stack.Length * 2];
            }

            stack.CopyTo(Stack);
            Depth = stack.Length;
            Position = position;
            Active = true;
        }
    }
}
