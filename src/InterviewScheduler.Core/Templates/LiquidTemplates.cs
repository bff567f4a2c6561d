using Fluid;
using InterviewScheduler.Core.Applications;

namespace InterviewScheduler.Core.Templates;

/// <summary>
/// The one way the project loads a Liquid template: from a configured folder when it holds the file, else the
/// built-in one embedded in this assembly. A template that does not parse stops start-up with its name.
/// </summary>
public static class LiquidTemplates
{
    private static readonly FluidParser Parser = new();

    /// <param name="name">The file name, e.g. <c>interview-guide.html.liquid</c>.</param>
    /// <param name="directory">A folder of replacements (a setting), or null/empty for the built-in ones.</param>
    /// <param name="required">True when a configured folder must hold the file (it replaces the letter as a whole).</param>
    public static IFluidTemplate Load(string name, string? directory, bool required = true)
    {
        var file = string.IsNullOrWhiteSpace(directory) ? null : Path.Combine(directory, name);
        var source = file is not null && (required || File.Exists(file)) ? File.ReadAllText(file) : ReadEmbedded(name);
        return Parser.TryParse(source, out var template, out var error)
            ? template
            : throw new InvalidOperationException($"The template {name} does not parse: {error}");
    }

    /// <summary>
    /// The values every letter to a candidate starts from: <c>first_name</c>, <c>role_title</c> and <c>company</c>.
    /// Rendered with an HTML encoder, so no value can become markup.
    /// </summary>
    public static TemplateContext CandidateContext(JobApplication application, string company)
    {
        ArgumentNullException.ThrowIfNull(application);
        var context = new TemplateContext();
        context.SetValue("first_name", application.Candidate.FirstName);
        context.SetValue("role_title", application.Role.Title);
        context.SetValue("company", company);
        return context;
    }

    private static string ReadEmbedded(string name)
    {
        var assembly = typeof(LiquidTemplates).Assembly;
        var resource = assembly.GetManifestResourceNames().Single(r => r.EndsWith(name, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
