using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Hdnr.Runtime.Text;

/// <summary>UTF-8 that keeps bytes which are not UTF-8, as Python's <c>surrogateescape</c>: such a byte b decodes to the lone surrogate U+DC00 + b, which encodes back to b.</summary>
/// <remarks>
/// Hadoop passes a line's bytes through untouched; replacing them with U+FFFD would merge keys and change the output.
/// Valid UTF-8 costs what .NET's own decoder and encoder cost: both stop only where the input is not valid, and only
/// there is the escape made or undone. (A DecoderFallback cannot do this: .NET refuses lone surrogates from one.)
/// </remarks>
internal static class SurrogateEscape
{
    private const int ShortLength = 4096;

    // Set when a decode escapes a byte, so the task loop can count the records that held such bytes without looking
    // at every record's bytes again.
    [ThreadStatic]
    private static bool t_escaped;

    // Decoding into a reused buffer and copying into the string costs no more than .NET's GetString (which counts first).
    [ThreadStatic]
    private static char[]? t_chars;

    /// <summary>Decodes <paramref name="bytes"/>, each byte that is not part of valid UTF-8 as U+DC80..U+DCFF.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > ShortLength) return DecodeLong(bytes);
        var chars = t_chars ??= new char[ShortLength];
        return new string(chars, 0, Decode(bytes, chars));
    }

    private static string DecodeLong(ReadOnlySpan<byte> bytes)
    {
        var chars = ArrayPool<char>.Shared.Rent(bytes.Length);
        try
        {
            return new string(chars, 0, Decode(bytes, chars));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    // UTF-8 never takes fewer bytes than UTF-16 takes chars, and an escape is one char per byte: chars as long as bytes hold it all.
    private static int Decode(ReadOnlySpan<byte> bytes, Span<char> chars)
    {
        var total = 0;
        while (true)
        {
            var status = Utf8.ToUtf16(bytes, chars[total..], out var read, out var written, replaceInvalidSequences: false);
            total += written;
            if (status == OperationStatus.Done) return total;
            // The byte where valid UTF-8 stops (0x80 or above: ASCII is always valid) becomes its escape; decoding goes on after it.
            chars[total++] = (char)(0xDC00 + bytes[read]);
            bytes = bytes[(read + 1)..];
            t_escaped = true;
        }
    }

    /// <summary>Whether a decode on this thread escaped a byte since the last call; clears the flag.</summary>
    public static bool TakeEscaped()
    {
        if (!t_escaped) return false;
        t_escaped = false;
        return true;
    }

    /// <summary>The most bytes <see cref="Encode"/> writes for <paramref name="chars"/> characters.</summary>
    public static int MaxByteCount(int chars) => (chars + 1) * 3;

    /// <summary>Encodes <paramref name="text"/> into <paramref name="destination"/> (at least <see cref="MaxByteCount"/> long): U+DC80..U+DCFF alone as the byte it escapes, other lone surrogates as U+FFFD.</summary>
    public static int Encode(ReadOnlySpan<char> text, Span<byte> destination)
    {
        var total = 0;
        while (true)
        {
            var status = Utf8.FromUtf16(text, destination[total..], out var read, out var written, replaceInvalidSequences: false);
            total += written;
            if (status == OperationStatus.Done) return total;
            if (status != OperationStatus.InvalidData) throw new ArgumentException("the destination is too small", nameof(destination));
            var lone = text[read];
            if (lone is >= '\uDC80' and <= '\uDCFF')
            {
                destination[total++] = (byte)(lone - 0xDC00);
            }
            else
            {
                "\uFFFD"u8.CopyTo(destination[total..]);
                total += 3;
            }
            text = text[(read + 1)..];
        }
    }

    /// <summary>How many bytes <see cref="Encode"/> writes for <paramref name="text"/>.</summary>
    public static int ByteCount(ReadOnlySpan<char> text)
    {
        // .NET counts every lone surrogate as the three bytes of U+FFFD; an escape is one byte.
        var count = Encoding.UTF8.GetByteCount(text);
        for (var i = text.IndexOfAnyInRange('\uD800', '\uDFFF'); i >= 0 && i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            else if (c is >= '\uDC80' and <= '\uDCFF') count -= 2;
        }
        return count;
    }

    /// <summary>Writes <paramref name="text"/> encoded to <paramref name="output"/>.</summary>
    public static void Write(IBufferWriter<byte> output, ReadOnlySpan<char> text)
    {
        // In pieces, so a long string needs no buffer of its whole size; a piece never ends between a surrogate pair's halves.
        const int Piece = 4096;
        while (!text.IsEmpty)
        {
            var length = Math.Min(Piece, text.Length);
            if (length < text.Length && char.IsHighSurrogate(text[length - 1])) length--;
            var span = output.GetSpan(MaxByteCount(length));
            output.Advance(Encode(text[..length], span));
            text = text[length..];
        }
    }
}
