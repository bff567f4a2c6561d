using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewScheduler.DevHost.Catalog;

/// <summary>
/// Calls a function method the way the isolated worker does: a new instance of its class per invocation,
/// built from the scope's services, with the trigger value and the other parameters bound by the caller.
/// </summary>
public static class FunctionInvoker
{
    /// <summary>
    /// Invokes <paramref name="method"/> and awaits it when it returns a task.
    /// </summary>
    /// <param name="bind">Supplies a value for each parameter; throws for one it cannot bind.</param>
    /// <returns>The function's result (the task's result for <c>Task&lt;T&gt;</c>), or null.</returns>
    public static async Task<object?> InvokeAsync(IServiceProvider services, MethodInfo method, Func<ParameterInfo, object?> bind)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(bind);
        var target = method.IsStatic ? null : ActivatorUtilities.CreateInstance(services, method.DeclaringType!);
        try
        {
            var arguments = method.GetParameters().Select(bind).ToArray();
            var returned = method.Invoke(target, BindingFlags.DoNotWrapExceptions, binder: null, arguments, culture: null);
            return await Unwrap(returned);
        }
        finally
        {
            switch (target)
            {
                case IAsyncDisposable asyncDisposable: await asyncDisposable.DisposeAsync(); break;
                case IDisposable disposable: disposable.Dispose(); break;
            }
        }
    }

    private static async Task<object?> Unwrap(object? returned)
    {
        switch (returned)
        {
            case Task task:
                await task;
                var type = task.GetType();
                return type.IsGenericType && type.GetProperty("Result") is { } result && result.PropertyType.Name != "VoidTaskResult"
                    ? result.GetValue(task)
                    : null;
            case ValueTask valueTask:
                await valueTask;
                return null;
            default:
                return returned;
        }
    }

    /// <summary>The error for a parameter kind the DevHost does not bind, naming function and parameter.</summary>
    public static NotSupportedException Unbindable(string function, ParameterInfo parameter) =>
        new($"The DevHost cannot bind parameter '{parameter.Name}' ({parameter.ParameterType.Name}) of function {function}. " +
            "Take services through the constructor; triggers may take their payload and a CancellationToken.");
}
