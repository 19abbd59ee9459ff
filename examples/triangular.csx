/// Triangular numbers: for each n on the input, T(n) = 1 + 2 + ... + n.
/// Each input line holds one number; the map sends n to every T(k) with n <= k <= max,
/// and the reduce adds what each k received: the classic map/reduce starter.
const int Max = 100;

IEnumerable<(int, int)> Map(long offset, string line)
{
    var n = int.Parse(line);
    for (var k = n; k <= Max; k++)
        yield return (k, n);
}

IEnumerable<(int, long)> Reduce(int k, IEnumerable<int> parts)
{
    yield return (k, parts.Sum(p => (long)p));
}
