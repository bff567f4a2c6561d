using Microsoft.Extensions.Options;

namespace InterviewScheduler.Functions.Applications;

/// <summary>Checks <see cref="IntakeOptions"/>, its Greenhouse section included, by their attributes at start-up (source-generated).</summary>
[OptionsValidator]
public sealed partial class IntakeOptionsValidator : IValidateOptions<IntakeOptions>;
