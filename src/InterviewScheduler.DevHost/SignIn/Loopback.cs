using System.Net;

namespace InterviewScheduler.DevHost.SignIn;

/// <summary>Whether a request came from this machine: the only place development sign-in is for.</summary>
public static class Loopback
{
    public static bool IsLoopback(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Connection.RemoteIpAddress is { } address
            && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);
    }
}
