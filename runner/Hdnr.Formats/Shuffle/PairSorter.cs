using System.Buffers.Binary;
using Hdnr.Runtime.Wire;

namespace Hdnr.Formats.Shuffle;

/// <summary>Sorts a map output stream as the job's shuffle orders it, for <c>map | sort | reduce</c>: by a <see cref="KeyOrder"/> over each pair's serialized key, equal keys in input order, in bounded memory.</summary>
/// <remarks>
/// Text: one record per line (ended as Hadoop's LineReader ends lines), its key the text before the <see cref="KeyFields"/>'
/// separator, the whole line when it has none; each written back with <c>\n</c>. Typedbytes: a record is a key value and a
/// value value, its key the key's whole encoding. Past <c>memoryLimit</c> bytes of records, the sorted records go to a run file
/// in a private temporary folder, and the runs are merged at the end (a record of an earlier run first among equal keys);
/// the folder is removed however the sort ends.
/// </remarks>
public sealed class PairSorter(KeyOrder order, KeyFields? textKey, long memoryLimit)
{
    private readonly List<Entry> _entries = [];
    private byte[] _data = new byte[1 << 16];
    private int _used;
    private DirectoryInfo? _spills;
    private readonly List<string> _runs = [];

    /// <summary>Reads every pair of <paramref name="input"/> (text when a <c>textKey</c> was given, else typedbytes) and writes them sorted to <paramref name="output"/>.</summary>
    /// <exception cref="InvalidDataException">Typedbytes input that is not typedbytes, or ends inside a pair.</exception>
    public void Sort(Stream input, Stream output)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        try
        {
            Read(input);
            if (_runs.Count == 0)
            {
                using var buffered = new BufferedStream(output, 1 << 16);
                foreach (var i in Sorted()) WriteRecord(buffered, _data.AsSpan(_entries[i].Start, _entries[i].Length));
                return;
            }
            Spill();
            Merge(output);
        }
        finally
        {
            _spills?.Delete(recursive: true);
        }
    }

    // The task's own readers: lines as Hadoop's LineReader ends them, each whole; typedbytes records whole, a cut-off one
    // named by its record and byte offset.
    private void Read(Stream input)
    {
        var reader = textKey is not null ? new TextRecordReader(input, separator: null, 1 << 16, lineIsKey: true) : RecordReader.OfTypedBytes(input);
        while (reader.Next()) Add(reader.Whole, textKey is null ? reader.Key.Length : KeyLength(reader.Whole));
    }

    // A map output line's key as Hadoop's output reader cuts it: the text before the fields' last separator, or the whole line.
    private int KeyLength(ReadOnlySpan<byte> line)
    {
        var end = textKey!.KeyEnd(line);
        return end < 0 ? line.Length : end;
    }

    private void Add(ReadOnlySpan<byte> record, int keyLength)
    {
        if (_used > 0 && _used + record.Length > memoryLimit) Spill();
        if (_data.Length < _used + record.Length) Array.Resize(ref _data, Math.Max(_used + record.Length, _data.Length * 2));
        record.CopyTo(_data.AsSpan(_used));
        _entries.Add(new Entry(_used, record.Length, keyLength));
        _used += record.Length;
    }

    // Indices in key order, equal keys in the order they came: a sort whose ties fall back to the index is stable.
    private int[] Sorted()
    {
        var indices = Enumerable.Range(0, _entries.Count).ToArray();
        Array.Sort(indices, (a, b) =>
        {
            var result = order.Compare(Key(_entries[a]), Key(_entries[b]));
            return result != 0 ? result : a.CompareTo(b);
        });
        return indices;
    }

    private ReadOnlySpan<byte> Key(Entry entry) => _data.AsSpan(entry.Start, entry.KeyLength);

    private void Spill()
    {
        _spills ??= Directory.CreateTempSubdirectory("hdnr-sort-");
        var path = Path.Combine(_spills.FullName, $"run-{_runs.Count}");
        using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
        {
            Span<byte> header = stackalloc byte[8];
            foreach (var i in Sorted())
            {
                var entry = _entries[i];
                BinaryPrimitives.WriteInt32BigEndian(header, entry.Length);
                BinaryPrimitives.WriteInt32BigEndian(header[4..], entry.KeyLength);
                file.Write(header);
                file.Write(_data.AsSpan(entry.Start, entry.Length));
            }
        }
        _runs.Add(path);
        _entries.Clear();
        _used = 0;
    }

    // Few runs: the smallest head is found by a scan, the earliest run winning ties, which keeps input order.
    private void Merge(Stream output)
    {
        var runs = _runs.Select(path => new Run(path)).ToList();
        try
        {
            using var buffered = new BufferedStream(output, 1 << 16);
            while (true)
            {
                Run? smallest = null;
                foreach (var run in runs)
                {
                    if (run.Ended) continue;
                    if (smallest is null || order.Compare(run.Key, smallest.Key) < 0) smallest = run;
                }
                if (smallest is null) return;
                WriteRecord(buffered, smallest.Record);
                smallest.Next();
            }
        }
        finally
        {
            foreach (var run in runs) run.Dispose();
        }
    }

    private void WriteRecord(Stream output, ReadOnlySpan<byte> record)
    {
        output.Write(record);
        if (textKey is not null) output.WriteByte((byte)'\n');
    }

    private readonly record struct Entry(int Start, int Length, int KeyLength);

    private sealed class Run : IDisposable
    {
        private readonly FileStream _file;
        private byte[] _record = new byte[256];
        private int _length;
        private int _keyLength;

        public Run(string path)
        {
            _file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.None, 1 << 16);
            Next();
        }

        public bool Ended { get; private set; }

        public ReadOnlySpan<byte> Key => _record.AsSpan(0, _keyLength);

        public ReadOnlySpan<byte> Record => _record.AsSpan(0, _length);

        public void Next()
        {
            Span<byte> header = stackalloc byte[8];
            if (_file.ReadAtLeast(header, 8, throwOnEndOfStream: false) < 8)
            {
                Ended = true;
                return;
            }
            _length = BinaryPrimitives.ReadInt32BigEndian(header);
            _keyLength = BinaryPrimitives.ReadInt32BigEndian(header[4..]);
            if (_record.Length < _length) _record = new byte[Math.Max(_length, _record.Length * 2)];
            _file.ReadExactly(_record, 0, _length);
        }

        public void Dispose() => _file.Dispose();
    }
}
