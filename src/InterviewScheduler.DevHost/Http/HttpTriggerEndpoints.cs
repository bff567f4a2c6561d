using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using InterviewScheduler.DevHost.Catalog;
using InterviewScheduler.Functions.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;

namespace InterviewScheduler.DevHost.Http;

/// <summary>
/// Maps each HTTP-triggered function to Kestrel under the same route and methods as the Functions host
/// (<c>/{routePrefix}/{route}</c>). Keys are not checked: the DevHost serves loopback development only.
/// </summary>
public static class HttpTriggerEndpoints
{
    public static IEndpointRouteBuilder MapHttpTriggers(this IEndpointRouteBuilder endpoints, FunctionCatalog catalog, HostSettings host)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(host);
        foreach (var function in catalog.Http)
        {
            var pattern = string.IsNullOrEmpty(host.RoutePrefix) ? function.Route : $"{host.RoutePrefix.Trim('/')}/{function.Route.TrimStart('/')}";
            var methods = function.Methods.Select(m => m.ToUpperInvariant()).ToArray();
            endpoints.MapMethods(pattern, methods, context => InvokeAsync(context, function)).WithDisplayName(function.Name);
        }

        return endpoints;
    }

    private static async Task InvokeAsync(HttpContext context, HttpFunction function)
    {
        object? result;
        try
        {
            result = await FunctionInvoker.InvokeAsync(context.RequestServices, function.Method, p => Bind(context, function, p));
        }
        catch (Exception exception) when (exception is not OperationCanceledException && !context.Response.HasStarted)
        {
            // The same edge as the worker's ProblemsMiddleware: problem+json, never a bare 500.
            // Type and stack only, as in Azure: the message of a Graph error can carry an address.
            var failure = FailureProblems.Unwrap(exception);
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(HttpTriggerEndpoints).FullName!)
                .LogError("Function {Function} failed with {ExceptionType}; answered with problem+json. {StackTrace}", function.Name, failure.GetType().Name, failure.StackTrace);
            await FailureProblems.WriteAsync(context, exception);
            return;
        }

        switch (result)
        {
            case IActionResult action:
                await action.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor()));
                break;
            case IResult minimal:
                await minimal.ExecuteAsync(context);
                break;
            case null:
                break;
            default:
                await context.Response.WriteAsJsonAsync(result, result.GetType());
                break;
        }
    }

    private static object? Bind(HttpContext context, HttpFunction function, ParameterInfo parameter)
    {
        if (parameter == function.Trigger || parameter.ParameterType == typeof(HttpRequest))
        {
            return context.Request;
        }

        if (parameter.ParameterType == typeof(CancellationToken))
        {
            return context.RequestAborted;
        }

        // Route values bind by name, converted to the parameter's type, as in the worker.
        if (parameter.Name is { } name && context.Request.RouteValues.TryGetValue(name, out var value) && value is not null)
        {
            return TypeDescriptor.GetConverter(parameter.ParameterType).ConvertFrom(null, CultureInfo.InvariantCulture, value.ToString()!);
        }

        // An optional route value ({name?} or a catch-all {*name}) that the URL leaves out binds as null, as in the worker.
        if (parameter.Name is { } optional && (function.Route.Contains($"{{{optional}?}}", StringComparison.Ordinal) || function.Route.Contains($"{{*{optional}}}", StringComparison.Ordinal)))
        {
            return null;
        }

        throw FunctionInvoker.Unbindable(function.Name, parameter);
    }
}
