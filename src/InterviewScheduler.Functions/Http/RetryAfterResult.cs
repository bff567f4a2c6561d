using System.Globalization;
using Microsoft.AspNetCore.Mvc;

namespace InterviewScheduler.Functions.Http;

/// <summary>An answer with a <c>Retry-After</c> header, in whole seconds (at least one).</summary>
public sealed class RetryAfterResult(IActionResult inner, TimeSpan wait) : IActionResult
{
    /// <summary>The answer the header goes with.</summary>
    public IActionResult Inner { get; } = inner;

    /// <summary>The wait the header says.</summary>
    public TimeSpan Wait { get; } = wait;

    public Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(Wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return Inner.ExecuteResultAsync(context);
    }
}
