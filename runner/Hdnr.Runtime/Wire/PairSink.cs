using Hdnr.Runtime.Conversion;

namespace Hdnr.Runtime.Wire;

/// <summary>Writes returned pairs to the task's output in its wire format: to a stream, or straight to an in-process consumer.</summary>
/// <remarks>
/// Handed straight to a consumer, a pair arrives as Hadoop's output reader would have parsed it from the stream:
/// a text pair whose key holds a tab or a line end, or whose value holds a line end, goes through that parser, and so
/// does every text pair when the task's output is cut by other <see cref="KeyFields"/> than Hadoop's default. A text
/// pair is written as key, the key fields' separator, value: so a key holding its fields joined by that separator is
/// the key Hadoop's parse gives back.
/// </remarks>
internal sealed class PairSink
{
    private readonly OutputBuffer _buffer;
    private readonly bool _text;
    private readonly IPairSink? _consumer;
    private readonly TaskOutputParser? _parser;
    private readonly byte[] _separator;
    private readonly bool _defaultFields;

    /// <summary>A sink writing to <paramref name="buffer"/>'s stream.</summary>
    public PairSink(OutputBuffer buffer, TaskIo io)
    {
        _buffer = buffer;
        _text = io.Output == WireFormat.Text;
        _separator = io.OutputFields.Separator.ToArray();
        _defaultFields = io.OutputFields.IsDefault;
    }

    /// <summary>A sink handing each pair to <paramref name="consumer"/> as it is written.</summary>
    public PairSink(IPairSink consumer, TaskIo io)
        : this(new OutputBuffer(null, 1 << 12), io)
    {
        _consumer = consumer;
        if (_text) _parser = new TaskOutputParser(consumer, io.Output, io.OutputFields);
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
                if (_defaultFields) _buffer.WriteByte((byte)'\t');
                else _buffer.Write(_separator);
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
        if (!_defaultFields)
        {
            // Other key fields: the line as the stream would carry it, cut by the parser (no copy beyond the buffer).
            _buffer.Write(_separator);
            ValueWriter<TValue>.Text(_buffer, value);
            _buffer.WriteByte((byte)'\n');
            _parser!.Write(_buffer.Written);
            return;
        }
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
