using Microsoft.Extensions.Options;

namespace InterviewScheduler.Core.Interviews;

/// <summary>Checks <see cref="SchedulingOptions"/> by its attributes at start-up, naming each setting that is wrong (source-generated).</summary>
[OptionsValidator]
public sealed partial class SchedulingOptionsValidator : IValidateOptions<SchedulingOptions>;
