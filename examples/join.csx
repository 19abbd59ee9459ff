/// Reduce-side join of users and orders: each order with its user's name, orders of unknown users left out.
/// join/users.tsv: id TAB name; join/orders.tsv: order TAB user id TAB amount in cents.
/// Map tags each record by the file it comes from (Context.InputFile); [SortValues] puts a user's row (tag 0)
/// before their orders (tag 1), so Reduce streams the orders without holding them.
IEnumerable<(string, (int, string))> Map(long offset, string line)
{
    var fields = line.Split('\t');
    if (Path.GetFileName(Context.InputFile) == "users.tsv")
        yield return (fields[0], (0, fields[1]));
    else
        yield return (fields[1], (1, $"{fields[0]} {fields[2]}"));
}

[SortValues]
IEnumerable<(string, string)> Reduce(string userId, IEnumerable<(int Tag, string Data)> rows)
{
    string? name = null;
    foreach (var (tag, data) in rows)
    {
        if (tag == 0) name = data;
        else if (name is not null) yield return (name, data);
    }
}
