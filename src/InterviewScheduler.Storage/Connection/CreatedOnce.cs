namespace InterviewScheduler.Storage.Connection;

/// <summary>Runs a create-if-missing call once per process, the first time a table or queue is used.</summary>
internal sealed class CreatedOnce(Func<Task> create)
{
    private readonly Lazy<Task> _created = new(create, LazyThreadSafetyMode.ExecutionAndPublication);

    public Task EnsureAsync() => _created.Value;
}
