using Microsoft.Extensions.Options;

namespace InterviewScheduler.Core.SelfScheduling;

/// <summary>Checks <see cref="SelfSchedulingOptions"/> by its attributes at start-up, naming each setting that is wrong (source-generated).</summary>
[OptionsValidator]
public sealed partial class SelfSchedulingOptionsValidator : IValidateOptions<SelfSchedulingOptions>;
