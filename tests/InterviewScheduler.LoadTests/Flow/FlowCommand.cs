using System.Net;

namespace InterviewScheduler.LoadTests.Flow;

/// <summary>The <c>flow</c> command: parses its options and runs the suite with Ctrl+C stopping it cleanly.</summary>
internal static class FlowCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        FlowOptions options;
        try
        {
            if (args is ["--help" or "-h"])
            {
                Console.WriteLine(FlowOptions.Usage);
                return 0;
            }

            options = FlowOptions.Parse(args);
        }
        catch (ArgumentException exception)
        {
            Console.Error.WriteLine(exception.Message);
            Console.Error.WriteLine(FlowOptions.Usage);
            return 64;
        }

        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };

        using var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            UseCookies = false,
            // The sign-in answers 303 with the session cookie: following it would lose the cookie.
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = TimeSpan.FromSeconds(5),
            MaxConnectionsPerServer = 64,
        };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(60) };
        try
        {
            return await new FlowRun(options, http, Console.Out).RunAsync(stop.Token);
        }
        catch (Exception exception) when (exception is InvalidOperationException or HttpRequestException or IOException)
        {
            Console.Error.WriteLine($"The flow suite could not run: {exception}");
            return 2;
        }
    }
}
