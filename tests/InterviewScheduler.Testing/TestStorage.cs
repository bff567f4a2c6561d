using InterviewScheduler.DevHost.Azurite;
using InterviewScheduler.Storage.Connection;

namespace InterviewScheduler.Testing;

/// <summary>
/// The Azurite instance a test run uses: the one named by <c>INTERVIEWSCHEDULER_TEST_STORAGE</c> (CI starts one),
/// otherwise a private Azurite on free ports, started once per test process and stopped when it exits.
/// Tests keep apart by using their own queue and table names.
/// </summary>
public static class TestStorage
{
    public const string ConnectionVariable = "INTERVIEWSCHEDULER_TEST_STORAGE";

    private static readonly Lazy<Task<string>> Shared = new(StartAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    public static Task<string> ConnectionStringAsync() => Shared.Value;

    public static async Task<StorageAccount> AccountAsync() => StorageAccount.FromConnectionString(await ConnectionStringAsync());

    /// <summary>
    /// An Azurite of the caller's own, for end-to-end tests whose DevHost listens on the real (unprefixed) queue
    /// names and so must not share them with other tests. Dispose stops it.
    /// </summary>
    public static async Task<AzuriteProcess> StartPrivateAsync()
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await AzuriteProcess.StartAsync(AzuriteProcess.FreePorts());
            }
            catch (InvalidOperationException) when (attempt < 2)
            {
                // A port was taken between the probe and Azurite's bind: try others.
            }
        }
    }

    /// <summary>A queue or table name no other test uses: lowercase letters and digits, starting with a letter.</summary>
    public static string UniqueName(string prefix) => $"{prefix}{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 20, 60)];

    private static async Task<string> StartAsync()
    {
        if (Environment.GetEnvironmentVariable(ConnectionVariable) is { Length: > 0 } configured)
        {
            return configured;
        }

        Exception? last = null;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                var azurite = await AzuriteProcess.StartAsync(AzuriteProcess.FreePorts());
                AppDomain.CurrentDomain.ProcessExit += (_, _) => azurite.DisposeAsync().AsTask().GetAwaiter().GetResult();
                return azurite.ConnectionString;
            }
            catch (InvalidOperationException exception)
            {
                // Another process may have taken a port between our probe and Azurite's bind: try new ones.
                last = exception;
            }
        }

        throw new InvalidOperationException("Could not start Azurite for the tests.", last);
    }
}
