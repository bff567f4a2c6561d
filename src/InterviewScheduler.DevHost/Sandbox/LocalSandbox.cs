namespace InterviewScheduler.DevHost;
public sealed class LocalSandbox : IHostedService
{
    public Uri? RootUrl => null;
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
