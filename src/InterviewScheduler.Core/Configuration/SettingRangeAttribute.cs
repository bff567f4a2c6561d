using System.ComponentModel.DataAnnotations;

namespace InterviewScheduler.Core.Configuration;

/// <summary>
/// <see cref="RangeAttribute"/> for settings, whose message names the setting. The <c>[OptionsValidator]</c> generator
/// swaps a plain <c>[Range]</c> for a copy of its own that drops <c>ErrorMessage</c> and reports the property instead
/// (dotnet/runtime#123137); a subclass is used as it is.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class SettingRangeAttribute : RangeAttribute
{
    public SettingRangeAttribute(int minimum, int maximum)
        : base(minimum, maximum)
    {
    }

    public SettingRangeAttribute(double minimum, double maximum)
        : base(minimum, maximum)
    {
    }
}
