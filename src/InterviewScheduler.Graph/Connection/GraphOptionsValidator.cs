using Microsoft.Extensions.Options;

namespace InterviewScheduler.Graph.Connection;

/// <summary>Checks <see cref="GraphOptions"/> by its attributes and its own rules, naming each setting that is wrong (source-generated).</summary>
[OptionsValidator]
public sealed partial class GraphOptionsValidator : IValidateOptions<GraphOptions>;
