using System.Text.Json;
using Azure.Data.Tables;

namespace InterviewScheduler.Storage.Applications;

/// <summary>
/// A value stored as JSON split over columns <c>{name}</c>, <c>{name}1</c>, ...: a string property holds at most
/// 64 KiB (32K UTF-16 characters), and a loop's plan or panel can be longer.
/// </summary>
internal static class JsonColumns
{
    /// <summary>Characters per column, under Table Storage's 32K-character limit for a string property.</summary>
    private const int ChunkLength = 30_000;

    /// <summary>Most columns a value may use (the row itself holds at most 1 MiB and 252 properties).</summary>
    private const int MaxColumns = 20;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void Write<T>(TableEntity entity, string name, T? value)
        where T : class
    {
        if (value is null) return;
        var text = JsonSerializer.Serialize(value, Json);
        var chunks = text.Chunk(ChunkLength).Select(c => new string(c)).ToList();
        if (chunks.Count > MaxColumns) throw new InvalidOperationException($"A {name} of {text.Length} characters does not fit an application row.");
        for (var i = 0; i < chunks.Count; i++) entity[ColumnName(name, i)] = chunks[i];
    }

    public static T? Read<T>(TableEntity entity, string name)
        where T : class
    {
        if (entity.GetString(name) is not { } first) return null;
        var text = first;
        for (var i = 1; i < MaxColumns && entity.GetString(ColumnName(name, i)) is { } next; i++) text += next;
        return JsonSerializer.Deserialize<T>(text, Json);
    }

    private static string ColumnName(string name, int index) => index == 0 ? name : $"{name}{index}";
}
