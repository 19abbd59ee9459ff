namespace Hdnr.Runtime.Tasks;

/// <summary>Writes returned pairs to the task's output in its wire format.</summary>
internal sealed class PairSink(OutputBuffer buffer, WireFormat format)
{
    private readonly bool _text = format == WireFormat.Text;

    public OutputBuffer Buffer => buffer;

    public void Write<TKey, TValue>(TKey key, TValue value)
    {
        var mark = buffer.Position;
        try
        {
            WritePair(key, value);
        }
        catch
        {
            // A pair that fails halfway (its value cannot be written) must not leave its key behind.
            buffer.Rewind(mark);
            throw;
        }
    }

    private void WritePair<TKey, TValue>(TKey key, TValue value)
    {
        if (_text)
        {
            ValueWriter<TKey>.Text(buffer, key);
            buffer.WriteByte((byte)'\t');
            ValueWriter<TValue>.Text(buffer, value);
            buffer.WriteByte((byte)'\n');
        }
        else
        {
            ValueWriter<TKey>.TypedBytes(buffer, key);
            ValueWriter<TValue>.TypedBytes(buffer, value);
        }
    }
}
