using Hdnr.Runtime.Conversion;

namespace Hdnr.Runtime.Wire;

/// <summary>Writes returned pairs to the task's output in its wire format: to a stream, or straight to an in-process consumer.</summary>
/// <remarks>
/// Handed straight to a consumer, a pair arrives as Hadoop's output reader would have parsed it from the stream:
/// a text pair whose key holds a tab or a line end, or whose value holds a line end, goes through that parser.
/// </remarks>
internal sealed class PairSink
{
    private readonly OutputBuffer _buffer;
    private readonly bool _text;
    private readonly IPairSink? _consumer;
    private readonly TaskOutputParser? _parser;

    /// <summary>A sink writing to <paramref name="buffer"/>'s stream.</summary>
    public PairSink(OutputBuffer buffer, WireFormat format)
    {
        _buffer = buffer;
        _text = format == WireFormat.Text;
    }

    /// <summary>A sink handing each pair to <paramref name="consumer"/> as it is written.</summary>
    public PairSink(IPairSink consumer, WireFormat format)
        : this(new OutputBuffer(null, 1 << 12), format)
    {
        _consumer = consumer;
        if (_text) _parser = new TaskOutputParser(consumer, format);
    }

    public OutputBuffer Buffer => _buffer;

    public void Write<TKey, TValue>(TKey key, TValue value)
    {
        if (_consumer is not null)
        {
            Hand(key, value);
            return;
        }
        var mark = _buffer.Position;
        try
        {
            if (_text)
            {
                ValueWriter<TKey>.Text(_buffer, key);
                _buffer.WriteByte((byte)'\t');
                ValueWriter<TValue>.Text(_buffer, value);
                _buffer.WriteByte((byte)'\n');
            }
            else
            {
                ValueWriter<TKey>.TypedBytes(_buffer, key);
                ValueWriter<TValue>.TypedBytes(_buffer, value);
            }
        }
        catch
        {
            // A pair that fails halfway (its value cannot be written) must not leave its key behind.
            _buffer.Rewind(mark);
            throw;
        }
    }

    // Encodes the pair in the buffer, which holds only this pair, and hands it on; a pair that fails halfway is
    // never handed on, and the next one starts from an empty buffer.
    private void Hand<TKey, TValue>(TKey key, TValue value)
    {
        _buffer.Rewind(0);
        if (!_text)
        {
            ValueWriter<TKey>.TypedBytes(_buffer, key);
            var keyEnd = (int)_buffer.Position;
            ValueWriter<TValue>.TypedBytes(_buffer, value);
            var pair = _buffer.Written;
            _consumer!.Add(pair[..keyEnd], pair[keyEnd..]);
            return;
        }
        ValueWriter<TKey>.Text(_buffer, key);
        var keyLength = (int)_buffer.Position;
        ValueWriter<TValue>.Text(_buffer, value);
        var written = _buffer.Written;
        var keyBytes = written[..keyLength];
        var valueBytes = written[keyLength..];
        if (HasBreak(keyBytes, tabs: true) || HasBreak(valueBytes, tabs: false))
        {
            _parser!.Write([.. keyBytes, (byte)'\t', .. valueBytes, (byte)'\n']);
            return;
        }
        _consumer!.Add(keyBytes, valueBytes);
    }

    // Whether the text holds a line end (or, for a key, a tab), which Hadoop's output reader would split at.
    private static bool HasBreak(ReadOnlySpan<byte> text, bool tabs)
    {
        if (text.Length > 32) return tabs ? text.IndexOfAny((byte)'\t', (byte)'\n', (byte)'\r') >= 0 : text.IndexOfAny((byte)'\n', (byte)'\r') >= 0;
        foreach (var b in text)
        {
            if (b <= (byte)'\r' && (b == (byte)'\n' || b == (byte)'\r' || (tabs && b == (byte)'\t'))) return true;
        }
        return false;
    }
}
