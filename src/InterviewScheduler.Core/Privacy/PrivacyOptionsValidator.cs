using Microsoft.Extensions.Options;

namespace InterviewScheduler.Core.Privacy;

/// <summary>Checks <see cref="PrivacyOptions"/> by its attributes at start-up, naming each setting that is wrong (source-generated).</summary>
[OptionsValidator]
public sealed partial class PrivacyOptionsValidator : IValidateOptions<PrivacyOptions>;
