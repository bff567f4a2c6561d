using InterviewScheduler.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace InterviewScheduler.Functions.Notifications;

/// <summary>
/// Reads a notification route's body with a cap: the routes are anonymous, so a body larger than any batch Graph sends
/// is refused with 413 before it costs memory. A declared <c>Content-Length</c> over the cap is refused unread; a body
/// without one (chunked) is read no further than one byte past the cap.
/// </summary>
public static class NotificationBody
{
    /// <summary>1 MiB: far above a Graph batch of change notifications without resource data (a few hundred bytes each).</summary>
    public const int MaxBytes = 1024 * 1024;

    /// <summary>The batch, or the answer to give instead: 413 over the cap, 400 for a body that is not a batch.</summary>
    public static async Task<(GraphNotificationBatch? Batch, IActionResult? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > MaxBytes) return (null, TooLarge());

        var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, MaxBytes + 1 - buffer.Length)), cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBytes) return (null, TooLarge());
        }

        buffer.Position = 0;
        var batch = await GraphNotificationBatch.ReadAsync(buffer, cancellationToken);
        return batch is null ? (null, GraphNotificationBatch.NotABatch()) : (batch, null);
    }

    private static ObjectResult TooLarge() =>
        Problems.Status(StatusCodes.Status413PayloadTooLarge, "The body is too large.", $"A notification batch is at most {MaxBytes} bytes.");
}
