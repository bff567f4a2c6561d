using Microsoft.Extensions.Options;

namespace InterviewScheduler.Core.Applications.Acknowledgments;

/// <summary>Checks <see cref="MailOptions"/> by its attributes at start-up, naming each setting that is wrong (source-generated).</summary>
[OptionsValidator]
public sealed partial class MailOptionsValidator : IValidateOptions<MailOptions>;
