using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;

namespace InterviewScheduler.DevHost.Catalog;

/// <summary>
/// The functions found in the given assemblies by their <see cref="FunctionAttribute"/> and trigger attributes,
/// with <c>%Setting%</c> expressions in queue names and schedules resolved from configuration, as the
/// Functions host does. A new function class is picked up with no DevHost change.
/// </summary>
public sealed class FunctionCatalog
{
    private FunctionCatalog(IReadOnlyList<HttpFunction> http, IReadOnlyList<QueueFunction> queue, IReadOnlyList<TimerFunction> timer)
    {
        Http = http;
        Queue = queue;
        Timer = timer;
    }

    public IReadOnlyList<HttpFunction> Http { get; }

    public IReadOnlyList<QueueFunction> Queue { get; }

    public IReadOnlyList<TimerFunction> Timer { get; }

    public static FunctionCatalog Discover(IEnumerable<Assembly> assemblies, IConfiguration configuration)
    {
        var http = new List<HttpFunction>();
        var queue = new List<QueueFunction>();
        var timer = new List<TimerFunction>();
        foreach (var method in assemblies.Distinct().SelectMany(a => a.GetTypes()).SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)))
        {
            if (method.GetCustomAttribute<FunctionAttribute>() is not { } function)
            {
                continue;
            }

            foreach (var parameter in method.GetParameters())
            {
                if (parameter.GetCustomAttribute<HttpTriggerAttribute>() is { } h)
                {
                    http.Add(new HttpFunction(function.Name, method, parameter, h.Methods ?? ["get", "post"], h.Route ?? function.Name));
                }
                else if (parameter.GetCustomAttribute<QueueTriggerAttribute>() is { } q)
                {
                    queue.Add(new QueueFunction(function.Name, method, parameter, Resolve(q.QueueName, configuration)));
                }
                else if (parameter.GetCustomAttribute<TimerTriggerAttribute>() is { } t)
                {
                    timer.Add(new TimerFunction(function.Name, method, parameter, Resolve(t.Schedule, configuration), t.RunOnStartup));
                }
            }
        }

        return new FunctionCatalog(http, queue, timer);
    }

    /// <summary>Replaces a whole-value <c>%Name%</c> with the setting's value, as binding expressions do.</summary>
    private static string Resolve(string value, IConfiguration configuration)
    {
        if (value.Length > 2 && value[0] == '%' && value[^1] == '%')
        {
            var key = value[1..^1];
            return configuration[key] ?? throw new InvalidOperationException($"Missing setting {key}, used by a trigger as %{key}%.");
        }

        return value;
    }
}

/// <summary>A function run by an HTTP request on <see cref="Route"/> (without the route prefix).</summary>
public sealed record HttpFunction(string Name, MethodInfo Method, ParameterInfo Trigger, IReadOnlyList<string> Methods, string Route);

/// <summary>A function run for each message of <see cref="QueueName"/>.</summary>
public sealed record QueueFunction(string Name, MethodInfo Method, ParameterInfo Trigger, string QueueName);

/// <summary>A function run on an NCRONTAB <see cref="Schedule"/> (six fields with seconds, or five).</summary>
public sealed record TimerFunction(string Name, MethodInfo Method, ParameterInfo Trigger, string Schedule, bool RunOnStartup);
