using Microsoft.Extensions.Options;

namespace InterviewScheduler.Core.Debriefs;

/// <summary>Checks <see cref="DebriefOptions"/> by its attributes at start-up, naming each setting that is wrong (source-generated).</summary>
[OptionsValidator]
public sealed partial class DebriefOptionsValidator : IValidateOptions<DebriefOptions>;
