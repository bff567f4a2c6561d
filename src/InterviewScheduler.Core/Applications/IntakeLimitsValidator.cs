using Microsoft.Extensions.Options;

namespace InterviewScheduler.Core.Applications;

/// <summary>Checks <see cref="IntakeLimits"/> by its attributes at start-up, naming each setting that is wrong (source-generated).</summary>
[OptionsValidator]
public sealed partial class IntakeLimitsValidator : IValidateOptions<IntakeLimits>;
