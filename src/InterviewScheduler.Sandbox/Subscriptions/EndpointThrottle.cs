namespace InterviewScheduler.Sandbox.Subscriptions;

/// <summary>
/// One notification endpoint's standing with Graph's throttling: the responses of its current window and its mark.
/// A mark is set as soon as a window holds <see cref="NotificationThrottling.MinimumResponses"/> responses of which
/// enough are slow ("the evaluation continues in real time"); it is lifted only when a window ends: every window after a
/// mark is judged on its responses however few ("every 10 minutes the process tries to evaluate with a small number of
/// notifications"), a window without responses leaves the mark as it is, and the drop state first runs out its
/// <see cref="NotificationThrottling.DropPeriod"/> (nothing is sent to judge it by). Times are the tenant's clock.
/// Mutable and not thread-safe: the tenant holds its subscription lock around every call.
/// </summary>
internal sealed class EndpointThrottle
{
    private DateTimeOffset? _windowStart; // null: no window open; the next response opens one
    private int _responses;
    private int _slowResponses;
    private bool _judgedAtWindowEnd; // after a mark: the window is judged when it ends, whatever its size
    private DateTimeOffset _dropUntil;
    private EndpointThrottleState _state;

    /// <summary>The endpoint's mark at <paramref name="now"/>.</summary>
    public EndpointThrottleState StateAt(DateTimeOffset now, NotificationThrottling rules)
    {
        Roll(now, rules);
        return _state;
    }

    /// <summary>How long a notification queued at <paramref name="now"/> waits before it is sent; null when it is dropped.</summary>
    public TimeSpan? Admit(DateTimeOffset now, NotificationThrottling rules) =>
        StateAt(now, rules) switch
        {
            EndpointThrottleState.Slow => rules.SlowDelay,
            EndpointThrottleState.Drop => null,
            _ => TimeSpan.Zero,
        };

    /// <summary>Counts one answer (or the lack of one) the endpoint gave at <paramref name="now"/>.</summary>
    public void Record(bool slow, DateTimeOffset now, NotificationThrottling rules)
    {
        Roll(now, rules);
        if (_state == EndpointThrottleState.Drop) return; // answers to notifications sent before the drop: not judged
        _windowStart ??= now;
        _responses++;
        if (slow) _slowResponses++;
        if (_responses < rules.MinimumResponses) return;

        var marked = Judgement(rules);
        if (marked > _state) Mark(marked, now, rules);
    }

    /// <summary>Applies every window end and drop period that passed up to <paramref name="now"/>.</summary>
    private void Roll(DateTimeOffset now, NotificationThrottling rules)
    {
        while (true)
        {
            if (_state == EndpointThrottleState.Drop)
            {
                if (now < _dropUntil) return;
                // The drop period is over: notifications go out again, and the window from its end decides.
                _state = EndpointThrottleState.Normal;
                _judgedAtWindowEnd = true;
                OpenWindow(_dropUntil);
                continue;
            }

            if (_windowStart is not { } start || now < start + rules.Window) return;
            var end = start + rules.Window;
            if (!_judgedAtWindowEnd)
            {
                _windowStart = null; // flushed; an endpoint in good standing opens the next window with its next response
                return;
            }

            if (_responses == 0)
            {
                OpenWindow(end); // nothing to judge by: the mark stays
                continue;
            }

            var judged = Judgement(rules);
            if (judged == EndpointThrottleState.Normal)
            {
                _state = EndpointThrottleState.Normal;
                _judgedAtWindowEnd = false;
                _windowStart = null;
                return;
            }

            Mark(judged, end, rules);
        }
    }

    private EndpointThrottleState Judgement(NotificationThrottling rules) =>
        _slowResponses * 100 >= rules.DropPercentage * _responses ? EndpointThrottleState.Drop
        : _slowResponses * 100 >= rules.SlowPercentage * _responses ? EndpointThrottleState.Slow
        : EndpointThrottleState.Normal;

    private void Mark(EndpointThrottleState state, DateTimeOffset at, NotificationThrottling rules)
    {
        _state = state;
        _judgedAtWindowEnd = true;
        _dropUntil = state == EndpointThrottleState.Drop ? at + rules.DropPeriod : default;
        OpenWindow(at);
    }

    private void OpenWindow(DateTimeOffset start)
    {
        _windowStart = start;
        _responses = 0;
        _slowResponses = 0;
    }
}
