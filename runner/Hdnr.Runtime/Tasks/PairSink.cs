namespace Hdnr.Runtime.Tasks;

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
        var mark = _buffer.Position;
        try
        {
            if (_consumer is null)
            {
                WritePair(key, value);
                return;
            }
            var keyLength = WritePair(key, value);
            Hand(_buffer.Written, keyLength);
            _buffer.Rewind(mark);
        }
        catch
        {
            // A pair that fails halfway (its value cannot be written) must not leave its key behind.
            _buffer.Rewind(mark);
            throw;
        }
    }

    // Returns the key's length in bytes.
    private int WritePair<TKey, TValue>(TKey key, TValue value)
    {
        var start = _buffer.Position;
        if (_text)
        {
            ValueWriter<TKey>.Text(_buffer, key);
            var keyLength = (int)(_buffer.Position - start);
            _buffer.WriteByte((byte)'\t');
            ValueWriter<TValue>.Text(_buffer, value);
            _buffer.WriteByte((byte)'\n');
            return keyLength;
        }
        else
        {
            ValueWriter<TKey>.TypedBytes(_buffer, key);
            var keyLength = (int)(_buffer.Position - start);
            ValueWriter<TValue>.TypedBytes(_buffer, value);
            return keyLength;
        }
    }

    private void Hand(ReadOnlySpan<byte> pair, int keyLength)
    {
        if (!_text)
        {
            _consumer!.Add(pair[..keyLength], pair[keyLength..]);
            return;
        }
        var key = pair[..keyLength];
        var value = pair[(keyLength + 1)..^1];
        if (key.IndexOfAny((byte)'\t', (byte)'\n', (byte)'\r') >= 0 || value.IndexOfAny((byte)'\n', (byte)'\r') >= 0)
            _parser!.Write(pair);
        else
            _consumer!.Add(key, value);
    }
}
