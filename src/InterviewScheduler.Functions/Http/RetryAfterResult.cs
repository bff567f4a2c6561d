using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Infrastructure;

namespace InterviewScheduler.Functions.Http;

/// <summary>An answer with a <c>Retry-After</c> header, in whole seconds (at least one).</summary>
public sealed class RetryAfterResult(IActionResult inner, TimeSpan wait) : IStatusCodeActionResult
{
    /// <summary>The answer the header goes with.</summary>
    public IActionResult Inner { get; } = inner;

    /// <summary>The status of the answer the header goes with.</summary>
    public int? StatusCode => (Inner as IStatusCodeActionResult)?.StatusCode;

    /// <summary>The wait the header says.</summary>
    public TimeSpan Wait { get; } = wait;

    public Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(Wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return Inner.ExecuteResultAsync(context);
    }
}
