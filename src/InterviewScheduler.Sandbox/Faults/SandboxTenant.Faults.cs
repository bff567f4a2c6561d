using InterviewScheduler.Sandbox.Faults;

namespace InterviewScheduler.Sandbox;

public sealed partial class SandboxTenant
{
    private readonly Lock _faultGate = new();
    private readonly List<FaultRule> _faults = [];
    private readonly Random _faultRandom;
    private int _nextFaultId;

    /// <summary>The active fault rules with their remaining counts, in the order they are tried.</summary>
    public IReadOnlyList<FaultRule> Faults
    {
        get
        {
            lock (_faultGate)
            {
                return [.. _faults];
            }
        }
    }

    /// <summary>Adds a fault rule; the returned copy carries its id.</summary>
    public FaultRule AddFault(FaultRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (rule.Rate is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(rule), "Rate must be within 0..1.");
        if (rule.Count is < 0) throw new ArgumentOutOfRangeException(nameof(rule), "Count must not be negative.");
        if (rule.Skip < 0) throw new ArgumentOutOfRangeException(nameof(rule), "Skip must not be negative.");
        lock (_faultGate)
        {
            var added = rule with { Id = $"fault-{++_nextFaultId}" };
            _faults.Add(added);
            return added;
        }
    }

    /// <summary>Removes one rule; false when there is none with that id.</summary>
    public bool RemoveFault(string id)
    {
        lock (_faultGate)
        {
            return _faults.RemoveAll(f => f.Id == id) > 0;
        }
    }

    /// <summary>Removes every fault rule.</summary>
    public void ClearFaults()
    {
        lock (_faultGate)
        {
            _faults.Clear();
        }
    }

    /// <summary>
    /// Decides what happens to one request: the summed delay of the latency rules that fire, and the first
    /// failing rule that fires (or null). Firing rules count down; spent rules are dropped.
    /// </summary>
    internal (TimeSpan Delay, FaultRule? Failure) DrawFault(string method, string path)
    {
        lock (_faultGate)
        {
            var delay = TimeSpan.Zero;
            FaultRule? failure = null;
            for (var i = 0; i < _faults.Count; i++)
            {
                var rule = _faults[i];
                if (rule.Kind != FaultKind.Latency && failure is not null) continue;
                if (!rule.Matches(method, path)) continue;
                if (rule.Skip > 0)
                {
                    _faults[i] = rule with { Skip = rule.Skip - 1 };
                    continue;
                }

                if (rule.Rate < 1 && _faultRandom.NextDouble() >= rule.Rate) continue;

                if (rule.Kind == FaultKind.Latency) delay += TimeSpan.FromMilliseconds(rule.LatencyMilliseconds);
                else failure = rule;

                if (rule.Count is { } left)
                {
                    if (left <= 1)
                    {
                        _faults.RemoveAt(i);
                        i--;
                    }
                    else
                    {
                        _faults[i] = rule with { Count = left - 1 };
                    }
                }
            }

            return (delay, failure);
        }
    }
}
