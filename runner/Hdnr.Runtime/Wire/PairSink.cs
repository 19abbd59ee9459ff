using Hdnr.Runtime.Conversion;

namespace Hdnr.Runtime.Wire;

/// <summary>Writes returned pairs to the task's output in its wire format: to a stream, or straight to an in-process consumer.</summary>
/// <remarks>
/// Handed straight to a consumer, a pair arrives as Hadoop's output reader would have parsed it from the stream:
/// a text pair whose key holds a tab or a line end, or whose value holds a line end, goes through that parser, and so
/// does every text pair when the task's output is cut by other <see cref="KeyFields"/> than Hadoop's default. A text
/// pair is written as key, the key fields' separator, value: so a key holding its fields joined by that separator is
/// the key Hadoop's parse gives back.
/// Rawbytes writes each key and value in its text form (a <c>byte[]</c> as its bytes, not base64), with a 4-byte length before it.
/// Keyonlytext writes a line per pair, the key's text form, then a tab and the value's when the value's text is not
/// empty; Hadoop's reader takes the whole line as the key.
/// </remarks>
internal sealed class PairSink
{
    private readonly OutputBuffer _buffer;
    private readonly WireFormat _format;
    private readonly bool _text;
    private readonly IPairSink? _consumer;
    private readonly TaskOutputParser? _parser;
    private readonly OutputBuffer _scratch = new(null, 1 << 12);
    private readonly byte[] _separator;
    private readonly bool _defaultFields;
    private readonly bool _sortFields;

    /// <summary>A sink writing to <paramref name="buffer"/>'s stream; with <paramref name="sortFields"/>, text pairs as <c>[SortValues]</c> fields.</summary>
    public PairSink(OutputBuffer buffer, TaskIo io, bool sortFields = false)
    {
        _sortFields = sortFields;
        _buffer = buffer;
        _format = io.Output;
        _text = io.Output == WireFormat.Text;
        _separator = io.OutputFields.Separator.ToArray();
        // Sort fields are cut by the job's key field count, which only the parser applies in-process.
        _defaultFields = io.OutputFields.IsDefault && !sortFields;
    }

    /// <summary>A sink handing each pair to <paramref name="consumer"/> as it is written.</summary>
    public PairSink(IPairSink consumer, TaskIo io, bool sortFields = false)
        : this(new OutputBuffer(null, 1 << 12), io, sortFields)
    {
        _consumer = consumer;
        if (io.Output is WireFormat.Text or WireFormat.KeyOnlyText) _parser = new TaskOutputParser(consumer, io.Output, io.OutputFields);
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
            if (_sortFields)
            {
                SortFields.Write(_buffer, key);
                _buffer.Write(_separator);
                SortFields.Write(_buffer, value);
                _buffer.WriteByte((byte)'\n');
            }
            else if (_text)
            {
                ValueWriter<TKey>.Text(_buffer, key);
                if (_defaultFields) _buffer.WriteByte((byte)'\t');
                else _buffer.Write(_separator);
                ValueWriter<TValue>.Text(_buffer, value);
                _buffer.WriteByte((byte)'\n');
            }
            else if (_format == WireFormat.TypedBytes)
            {
                ValueWriter<TKey>.TypedBytes(_buffer, key);
                ValueWriter<TValue>.TypedBytes(_buffer, value);
            }
            else
            {
                WriteOther(key, value);
            }
        }
        catch
        {
            // A pair that fails halfway (its value cannot be written) must not leave its key behind.
            _buffer.Rewind(mark);
            throw;
        }
    }

    // Rawbytes and keyonlytext: both texts are made first, so the length prefixes and the line are known before a byte is written.
    private void WriteOther<TKey, TValue>(TKey key, TValue value)
    {
        var keyLength = Texts(key, value);
        var keyBytes = _scratch.Written[..keyLength];
        var valueBytes = _scratch.Written[keyLength..];
        if (_format == WireFormat.RawBytes)
        {
            Span<byte> length = stackalloc byte[4];
            System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(length, keyBytes.Length);
            _buffer.Write(length);
            _buffer.Write(keyBytes);
            System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(length, valueBytes.Length);
            _buffer.Write(length);
            _buffer.Write(valueBytes);
            return;
        }
        _buffer.Write(keyBytes);
        if (!valueBytes.IsEmpty)
        {
            _buffer.WriteByte((byte)'\t');
            _buffer.Write(valueBytes);
        }
        _buffer.WriteByte((byte)'\n');
    }

    // Writes both texts to the scratch buffer, which then holds the key's bytes and the value's after them; the key's length.
    private int Texts<TKey, TValue>(TKey key, TValue value)
    {
        _scratch.Rewind(0);
        Text(key);
        var keyLength = (int)_scratch.Position;
        Text(value);
        return keyLength;
    }

    // Rawbytes carries a byte[] as its bytes, as they are; anything else, and every keyonlytext value, as its text form.
    private void Text<T>(T value)
    {
        if (typeof(T) == typeof(byte[]) && _format == WireFormat.RawBytes) _scratch.Write((byte[]?)(object?)value ?? []);
        else ValueWriter<T>.Text(_scratch, value);
    }

    // Encodes the pair in the buffer, which holds only this pair, and hands it on; a pair that fails halfway is
    // never handed on, and the next one starts from an empty buffer.
    private void Hand<TKey, TValue>(TKey key, TValue value)
    {
        _buffer.Rewind(0);
        if (_format == WireFormat.TypedBytes)
        {
            ValueWriter<TKey>.TypedBytes(_buffer, key);
            var keyEnd = (int)_buffer.Position;
            ValueWriter<TValue>.TypedBytes(_buffer, value);
            var pair = _buffer.Written;
            _consumer!.Add(pair[..keyEnd], pair[keyEnd..]);
            return;
        }
        if (!_text)
        {
            HandOther(key, value);
            return;
        }
        if (_sortFields)
        {
            SortFields.Write(_buffer, key);
            _buffer.Write(_separator);
            SortFields.Write(_buffer, value);
            _buffer.WriteByte((byte)'\n');
            _parser!.Write(_buffer.Written);
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

    private void HandOther<TKey, TValue>(TKey key, TValue value)
    {
        var keyLength = Texts(key, value);
        var keyBytes = _scratch.Written[..keyLength];
        var valueBytes = _scratch.Written[keyLength..];
        if (_format == WireFormat.RawBytes)
        {
            _consumer!.Add(keyBytes, valueBytes);
            return;
        }
        // Keyonlytext: the line is the key; a line end inside it splits it as the reader would.
        if (!valueBytes.IsEmpty)
        {
            _buffer.Write(keyBytes);
            _buffer.WriteByte((byte)'\t');
            _buffer.Write(valueBytes);
            keyBytes = _buffer.Written;
        }
        if (HasBreak(keyBytes, tabs: false)) _parser!.Write([.. keyBytes, (byte)'\n']);
        else _consumer!.Add(keyBytes, default);
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
