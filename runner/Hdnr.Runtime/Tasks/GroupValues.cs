using System.Collections;
using Hdnr.Runtime.Conversion;
using Hdnr.Runtime.Text;

namespace Hdnr.Runtime.Tasks;

/// <summary>The values of one key, read from the input only as the script asks for them.</summary>
/// <remarks>
/// Values stream from the input, so they can be enumerated once, and only while the function that received them runs;
/// whatever the script leaves unread is skipped by <see cref="Finish"/>.
/// </remarks>
internal sealed class GroupValues<T> : IEnumerable<T>, IEnumerator<T>
{
    private readonly TaskRun _run;
    private readonly ValueReader<T> _values;
    private readonly byte[] _key;
    private readonly bool _keyNotUtf8;
    private bool _firstPending = true;
    private bool _ended;
    private bool _atEndOfInput;
    private bool _enumerated;
    private bool _closed;
    private T _current = default!;

    /// <summary>The values of the reader's current key; <paramref name="keyNotUtf8"/> says its key, read as a string, held bytes that are not UTF-8, which counts each of its records.</summary>
    public GroupValues(TaskRun run, ValueReader<T> values, bool keyNotUtf8)
    {
        _run = run;
        _values = values;
        _keyNotUtf8 = keyNotUtf8;
        if (keyNotUtf8) run.NotUtf8Record();
        // The reader's buffer moves on as values are read: keep the key to compare against.
        _key = run.Reader.Key.ToArray();
    }

    public T Current => _current;

    object? IEnumerator.Current => _current;

    public IEnumerator<T> GetEnumerator()
    {
        if (_closed) throw Closed();
        if (_enumerated)
            throw new InvalidOperationException(
                $"{_run.Function}'s values can be enumerated only once: they stream from the input; copy them first (e.g. values.ToList()) to read them twice");
        _enumerated = true;
        return this;
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool MoveNext()
    {
        if (_closed) throw Closed();
        if (_firstPending)
        {
            _firstPending = false;
            _current = Read();
            return true;
        }
        if (!Advance()) return false;
        _current = Read();
        return true;
    }

    /// <summary>Skips the values the script did not read; true when the input holds a next key.</summary>
    public bool Finish()
    {
        _firstPending = false;
        while (Advance())
        {
        }
        _closed = true;
        return !_atEndOfInput;
    }

    public void Reset() => throw new NotSupportedException();

    public void Dispose()
    {
    }

    private bool Advance()
    {
        if (_ended) return false;
        bool more;
        try
        {
            more = _run.Reader.Next();
        }
        catch (Exception exception)
        {
            throw new InputFailure(exception);
        }
        if (!more)
        {
            _ended = true;
            _atEndOfInput = true;
            return false;
        }
        if (!_run.Reader.KeyRepeats && !_run.Reader.Key.SequenceEqual(_key))
        {
            _ended = true;
            return false;
        }
        if (_keyNotUtf8) _run.NotUtf8Record();
        return true;
    }

    private T Read()
    {
        try
        {
            var value = _run.SortFields ? SortFields.Read<T>(SortFields.Value(_run.Reader.Value, _run.ValueFields))
                : _run.TextInput ? (_run.RawInput ? _values.FromLine(_run.Reader.Value) : _values.FromText(_run.Reader.Value))
                : _values.FromTypedBytes(_run.Reader.Value);
            if (SurrogateEscape.TakeEscaped() && !_keyNotUtf8) _run.NotUtf8Record();
            return value;
        }
        catch (ConversionFailure failure)
        {
            throw _run.Unreadable("value", failure);
        }
    }

    private InvalidOperationException Closed() =>
        new($"{_run.Function}'s values were read after {_run.Function} returned for their key; read them while it runs (or copy them, e.g. values.ToList())");
}
