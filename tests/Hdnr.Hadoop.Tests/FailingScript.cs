namespace Hdnr.Hadoop.Tests;

/// <summary>
/// A script (<c>failing.csx</c>, which <c>#load</c>s <c>lib/loaded.csx</c>) whose Map fails where its input line says
/// (<c>MODE ARG</c>), whose Reduce (an iterator) fails on a negative count, whose Combine returns a lazy sequence of library
/// calls only, and whose top-level statements fail when HDNR_TEST_FAIL_TOP is 1. Lines to expect are marked
/// <c>// at:NAME</c>. It also holds, unexecuted or harmless, every statement form and kind of function the line stores
/// must keep compiling.
/// </summary>
internal static class FailingScript
{
    public const string Main = """
        #load "lib/loaded.csx"
        /// Fails where its input says.
        using System.Linq.Expressions;

        if (Environment.GetEnvironmentVariable("HDNR_TEST_FAIL_TOP") == "1")
            throw new InvalidOperationException("top-level failure"); // at:top
        var calls = 0;
        var ready = await LaterAsync(1);
        Func<int, Func<int, int>> add = x => y => x + y;
        Expression<Func<string, long>> tree = s => long.Parse(s);

        IEnumerable<(string, long)> Map(long offset, string line)
        {
            calls++;
            var parts = line.Split(' ');
            var mode = parts[0];
            var arg = parts.Length > 1 ? parts[1] : "";
            if (mode == "direct") throw new InvalidOperationException("thrown in Map"); // at:direct
            else if (mode == "helper")
                Helper(arg);
            else if (mode == "rethrow")
            {
                try
                {
                    Helper(arg);
                }
                catch (FormatException)
                {
                    calls--;
                    throw;
                }
            }
            switch (mode)
            {
                case "switch":
                    var n = long.Parse(arg); // at:switch
                    yield return (mode, n);
                    break;
                case "after":
                    yield return (Shout(arg), long.Parse(arg)); // at:after
                    break;
                case "expr":
                    yield return (mode, Half(arg));
                    break;
                case "loaded":
                    yield return (mode, LoadedParse(arg));
                    break;
                case "lambda":
                    var sum = arg.Split(',')
                        .Select(s => s.Trim())
                        .Select(s => long.Parse(s)) // at:lambda
                        .Sum();
                    yield return (mode, sum);
                    break;
                case "deferred":
                    Func<string, long> parse = s => long.Parse(s); // at:deferred
                    calls += add(1)(2);
                    yield return (mode, parse(arg));
                    break;
                case "movenext":
                    foreach (var v in arg.Split(',').Select(long.Parse)) // at:movenext
                        yield return (mode, v);
                    break;
                case "finally":
                    try
                    {
                        yield return (mode, long.Parse(arg)); // at:finally
                    }
                    finally
                    {
                        calls++;
                        Touch();
                    }
                    break;
                case "local":
                    long Local(string s)
                    {
                        // The compiler keeps t on the stack and folds the return into this statement: hdnr names this line.
                        var t = s.Trim(); // at:local
                        return long.Parse(t);
                    }
                    yield return (mode, Local(arg));
                    break;
                case "iterator":
                    foreach (var v in Numbers(arg))
                        yield return (mode, v);
                    break;
                case "yielded":
                    yield return (mode, Numbers(arg).First() + long.Parse(arg)); // at:yielded
                    break;
                case "property":
                    yield return (mode, new Counter().Checked);
                    break;
                case "loop":
                    var i = 0;
                    while (i < 3)
                    {
                        i++;
                        if (i == 2) continue;
                        if (i == 3) yield return (mode, long.Parse(arg)); // at:loop
                    }
                    break;
                case "tree":
                    yield return (mode, tree.Compile()(arg));
                    break;
                default:
                    yield return (mode, Loops(3) + Sw(1) + WithCatch() + Fixed() + StaticLocal() + Pick([1]) + new Counter()[2] + ready + More(mode).Result);
                    break;
            }
        }

        void Helper(string s)
        {
            var trimmed = s.Trim();
            if (trimmed.Length > 0)
                throw new FormatException("helper got " + trimmed); // at:helper
        }

        string Shout(string s) => s.ToUpperInvariant();
        long Half(string s) => long.Parse(s) / 2; // at:expr
        void Touch() { calls++; }

        IEnumerable<long> Numbers(string s)
        {
            yield return 1;
            yield return long.Parse(s); // at:numbers
        }

        IEnumerable<(string, long)> Reduce(string key, IEnumerable<long> values)
        {
            long total = 0;
            foreach (var v in values)
            {
                if (v < 0)
                    throw new ArgumentOutOfRangeException(nameof(values), v, "a negative count"); // at:reduce
                total += v;
            }
            yield return (key, total);
        }

        IEnumerable<(string, long)> Combine(string key, IEnumerable<long> values) =>
            Enumerable.Repeat(key, int.MaxValue).Zip(values.Select<long, long>(Math.Abs));

        // Forms that must compile with line stores; they run without failing.
        async Task<int> LaterAsync(int x) => await Task.FromResult(x);
        async Task WaitAsync() { await Task.Yield(); }
        ref int Pick(int[] a) => ref a[0];
        int Sw(int x) { switch (x) { case 1: return 1; default: { return 2; } } }
        int Loops(int n)
        {
            int s = 0;
            for (int i = 0; i < n; i++) s += i;
            for (;;) { if (s >= 0) break; }
            do s--; while (s > 100);
            foreach (var (a, b) in new[] { (1, 2) }) s += a + b;
            var gate = new object();
            lock (gate) s++;
            using (var m = new MemoryStream()) s++;
            checked { s++; }
            unchecked { s--; }
            if (s < 0) ; else if (s > 1000) s = 0; else { s += 0; }
            Action<int> act = x => Console.Error.Write("");
            var set = new HashSet<int>();
            Action<int> adder = x => set.Add(x);
            adder(1);
            Func<int> thrower = () => throw new InvalidOperationException();
            Func<int, int> anon = delegate (int v) { return v; };
            again: if (s > 1000) { s = 0; goto again; }
            return s + anon(0) + set.Count;
        }
        IEnumerable<int> Guarded() { try { yield return 1; } finally { Touch(); } }
        async Task<int> More(string text)
        {
            using var reader = new StringReader(text);
            if (!int.TryParse("0", out var zero)) throw new InvalidOperationException();
            if (text.Length < 0) try { zero++; } finally { zero--; }
            var total = zero;
            await foreach (var item in Items())
                total += item;
            try { total += checked(int.MaxValue - 1 + zero); }
            catch (OverflowException) when (total > 0) { throw; }
            T Same<T>(T value) where T : notnull => value;
            var (a, b) = (Same(1), 2);
            var shape = new Shape(a) { Name = "s" };
            Task Nothing() => Task.CompletedTask;
            await Nothing();
            return total - (int.MaxValue - 1) + a + b - 3 + shape.Area - shape.Twice(0) + (shape.Of is null ? 0 : shape.Of(0));
        }
        async IAsyncEnumerable<int> Items() { await Task.Yield(); yield return 0; }

        record Shape(int Side)
        {
            public string Name { get; init; } = "";
            public Func<int, int> Of { get; } = x => x * 0;
            private readonly int[] _sides = Enumerable.Range(0, 4).Select(i => i * 0).ToArray();
            public int Area => Side * Side - 1 + _sides.Sum();
            public int Twice(int x) => x * 2;
        }
        int WithCatch() { try { return 1; } catch (Exception e) when (e is FormatException) { return 2; } catch { return 3; } }
        unsafe int Fixed() { fixed (char* c = "ab") return c[0] - 'a'; }
        static int StaticLocal() { static int Inner(int v) => v - 1; return Inner(1); }

        class Counter
        {
            private int _n;
            public Counter() => _n = 0;
            public int N { get => _n; set => _n = value; }
            public long Checked => _n == 0 ? throw new InvalidOperationException("no count yet") : _n; // at:property
            public int this[int i] => i - 2 + _n;
            public static Counter operator +(Counter c, int k) { c._n += k; return c; }
            public static implicit operator int(Counter c) => c._n;
            public override string ToString() => $"{_n}";
        }
        """;

    public const string Loaded = """
        long LoadedParse(string s)
        {
            if (s.Length == 0)
                return 0;
            return long.Parse(s.Trim()); // at:loaded
        }
        """;

    /// <summary>Map input lines and the marker of the line each fails at (null: hdnr names no line).</summary>
    public static readonly TheoryData<string, string> MapFailures = new()
    {
        { "direct", "at:direct" },
        { "helper x", "at:helper" },
        { "rethrow x", "at:helper" },
        { "switch x", "at:switch" },
        { "after x", "at:after" },
        { "expr x", "at:expr" },
        { "loaded x", "at:loaded" },
        { "lambda 1,x", "at:lambda" },
        { "deferred x", "at:deferred" },
        { "movenext 1,x", "at:movenext" },
        { "finally x", "at:finally" },
        { "local x", "at:local" },
        { "iterator x", "at:numbers" },
        { "yielded x", "at:yielded" },
        { "property", "at:property" },
        { "loop x", "at:loop" },
    };

    /// <summary>Writes the script and its loaded file into a fresh folder; returns the script's path.</summary>
    public static string Write()
    {
        var folder = Directory.CreateTempSubdirectory("hdnr-failing-").FullName;
        Directory.CreateDirectory(Path.Combine(folder, "lib"));
        File.WriteAllText(Path.Combine(folder, "lib", "loaded.csx"), Loaded);
        var path = Path.Combine(folder, "failing.csx");
        File.WriteAllText(path, Main);
        return path;
    }

    /// <summary>The 1-based line of <paramref name="marker"/> in the main script, or in the loaded file for <c>at:loaded</c>.</summary>
    public static int Line(string marker)
    {
        var source = marker == "at:loaded" ? Loaded : Main;
        var lines = source.Split('\n');
        var index = Array.FindIndex(lines, l => l.EndsWith("// " + marker, StringComparison.Ordinal));
        Assert.True(index >= 0, marker);
        return index + 1;
    }

    /// <summary>The <c>FILE:LINE: </c> prefix hdnr prints for <paramref name="marker"/> with the script at <paramref name="script"/>.</summary>
    public static string Prefix(string script, string marker) =>
        (marker == "at:loaded" ? Path.Combine(Path.GetDirectoryName(script)!, "lib", "loaded.csx") : script) + ":" + Line(marker) + ": ";
}
