namespace InterviewScheduler.Sandbox.Wire;

/// <summary>A flat element of a collection <c>$filter</c> walks (an extended property, a header, a recipient): named string values.</summary>
internal sealed class FilterPairs(params (string Name, string? Value)[] values) : IFilterable
{
    public bool TryGet(string path, out string? value)
    {
        foreach (var (name, v) in values)
        {
            if (name.Equals(path, StringComparison.OrdinalIgnoreCase))
            {
                value = v;
                return true;
            }
        }

        value = null;
        return false;
    }

    public IEnumerable<IFilterable>? Elements(string path) => null;
}
