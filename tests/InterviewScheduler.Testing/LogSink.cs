using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace InterviewScheduler.Testing;

/// <summary>Keeps every log line the app writes (level, category, formatted message, exception text, and scopes) for a test to read.</summary>
public sealed class LogSink : ILoggerProvider
{
    private readonly ConcurrentQueue<LogLine> _lines = new();

    public IReadOnlyList<LogLine> Lines => [.. _lines];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    /// <summary>One line as written.</summary>
    public sealed record LogLine(LogLevel Level, string Category, string Message, string? Exception);

    private sealed class Logger(LogSink sink, string category) : ILogger
    {
        // A scope's state is kept as a line of its own (level None), so that a scan sees what scopes carry too.
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            sink._lines.Enqueue(new LogLine(LogLevel.None, category, state.ToString() ?? string.Empty, null));
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            sink._lines.Enqueue(new LogLine(logLevel, category, formatter(state, exception), exception?.ToString()));
        }
    }
}
