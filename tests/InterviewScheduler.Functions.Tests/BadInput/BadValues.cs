using System.Text;
using CsCheck;

namespace InterviewScheduler.Functions.Tests.BadInput;

/// <summary>What a field's value can be that the field must refuse, as raw JSON with a label for failure messages.</summary>
internal sealed record BadValue(string What, byte[] Json)
{
    public override string ToString() => $"{What}: {BadJson.Preview(Json)}";
}

/// <summary>
/// Generators of wrong values by the kind of field they go into. Free text (names, titles) may hold any letter of any
/// script, emoji, zero-width joiners and combining marks, so only what intake refuses everywhere is wrong there:
/// controls (NUL included), bidirectional marks and overrides, lone surrogates, invalid UTF-8, too many characters.
/// Identifiers, zones, addresses, numbers and tokens are wrong with any of those and with the rest of the odd
/// characters too (zero-width, BOM, combining marks, emoji, noncharacters).
/// </summary>
internal static class BadValues
{
    /// <summary>Controls and the bidirectional formatting characters intake refuses in every field.</summary>
    public static readonly Gen<string> Refused = Gen.OneOf(
        "\u0000", "\u0001", "\u0007", "\b", "\t", "\n", "\r", "\u001B", "\u007F", "\u0085", "\u009B",
        "\u061C", "\u200E", "\u200F", "\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069");

    /// <summary>Unpaired or reversed UTF-16 surrogates: text that is not Unicode.</summary>
    public static readonly Gen<string> LoneSurrogate = Gen.OneOf("\uD800", "\uDBFF", "\uDC00", "\uDFFF", "\uDC00\uD800", "\uD83D");

    /// <summary>Characters fine in a name, wrong in an identifier, zone, address, number or token.</summary>
    public static readonly Gen<string> Odd = Gen.OneOf(
        "\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u0301", "\u0336", "e\u0301", "\U0001F600", "\U0001F469\u200D\U0001F4BB", "\uFFFF", "\uFFFE", "\U0001D538", "\u0130", "\u212A", "\uFF21");

    /// <summary>Byte sequences that are not UTF-8 (a surrogate encoded, overlong forms, stray continuation and lead bytes).</summary>
    public static readonly Gen<byte[]> InvalidUtf8 = Gen.OneOf(new byte[] { 0xED, 0xA0, 0x80 }, new byte[] { 0xC0, 0xAF }, new byte[] { 0xE0, 0x80, 0xAF }, new byte[] { 0x80 }, new byte[] { 0xFF }, new byte[] { 0xF8, 0x88, 0x80, 0x80, 0x80 }, new byte[] { 0xC3 });

    /// <summary>Any of the characters above that must never be inside an identifier.</summary>
    public static readonly Gen<string> NotInIdentifiers = Gen.OneOf(Refused, LoneSurrogate, Odd);

    /// <summary><paramref name="valid"/> with <paramref name="inserted"/> strictly inside (ends are trimmed by the app, so not there).</summary>
    public static Gen<string> Inside(string valid, Gen<string> inserted) =>
        from text in inserted
        from at in Gen.Int[1, valid.Length - 1]
        select valid.Insert(at, text);

    /// <summary>A string longer than <paramref name="max"/> characters.</summary>
    public static Gen<string> Overlong(int max, string unit = "a") =>
        from extra in Gen.Int[1, max * 4]
        select new StringBuilder().Insert(0, unit, ((max + extra) / unit.Length) + 1).ToString();

    /// <summary>JSON that is not a string: numbers, booleans, arrays, objects.</summary>
    public static readonly Gen<BadValue> NotAString = Gen.OneOf("42", "-1", "0.5", "1e400", "true", "false", "[]", "[\"a\"]", "{}", "{\"value\":\"a\"}")
        .Select(json => new BadValue("not a string", BadJson.Raw(json)));

    /// <summary>JSON that is not a whole number: text without digits, fractions, booleans, arrays, objects, numbers past 32 bits.</summary>
    public static readonly Gen<BadValue> NotAnInteger = Gen.OneOf("\"abc\"", "\"\"", "\"forty\"", "1.5", "1e400", "2147483648", "-2147483649", "99999999999999999999", "true", "[]", "[45]", "{}", "\"0x2d\"", "\"4 5\"")
        .Select(json => new BadValue("not a whole number", BadJson.Raw(json)));

    /// <summary>JSON that is not a boolean.</summary>
    public static readonly Gen<BadValue> NotABoolean = Gen.OneOf("\"true\"", "\"yes\"", "1", "0", "[]", "{}", "\"\"")
        .Select(json => new BadValue("not a boolean", BadJson.Raw(json)));

    /// <summary>JSON that is not an ISO 8601 date and time.</summary>
    public static readonly Gen<BadValue> NotADate = Gen.OneOf(
        "1700000000", "true", "[]", "{}", "\"\"", "\"tomorrow\"", "\"2026-13-01T09:00:00Z\"", "\"2026-11-31T09:00:00Z\"", "\"2026-11-17T25:00:00Z\"",
        "\"2026-11-17 09:00\"", "\"17/11/2026 09:00\"", "\"2026-11-17T09:00:00+25:00\"", "\"10000-01-01T00:00:00Z\"", "\"2026-11-17T09:00:00\\u0000Z\"")
        .Select(json => new BadValue("not a date", BadJson.Raw(json)));

    /// <summary>JSON that is not an object.</summary>
    public static readonly Gen<BadValue> NotAnObject = Gen.OneOf("\"a\"", "42", "true", "[]", "[{}]")
        .Select(json => new BadValue("not an object", BadJson.Raw(json)));

    /// <summary>JSON that is not an array.</summary>
    public static readonly Gen<BadValue> NotAnArray = Gen.OneOf("\"a\"", "42", "true", "{}", "{\"0\":{}}")
        .Select(json => new BadValue("not an array", BadJson.Raw(json)));

    /// <summary>Arrays or objects nested 2 to 300 deep (past System.Text.Json's limit of 64 and short of it).</summary>
    public static readonly Gen<BadValue> DeepNesting =
        from depth in Gen.Int[2, 300]
        from objects in Gen.Bool
        select new BadValue(
            $"nested {depth} deep",
            BadJson.Raw(objects ? Repeat("{\"a\":", depth) + "1" + Repeat("}", depth) : Repeat("[", depth) + Repeat("]", depth)));

    /// <summary>Arrays of 1,000 to 40,000 wrong elements.</summary>
    public static readonly Gen<BadValue> HugeArray =
        from count in Gen.Int[1_000, 40_000]
        from element in Gen.OneOf("0", "null", "\"x\"", "{}", "[]")
        select new BadValue($"an array of {count} × {element}", BadJson.Raw("[" + string.Join(',', Enumerable.Repeat(element, count)) + "]"));

    /// <summary>A string literal that is not UTF-8 inside.</summary>
    public static Gen<BadValue> NotUtf8(string valid) =>
        from bytes in InvalidUtf8
        from at in Gen.Int[1, valid.Length - 1]
        select new BadValue("invalid UTF-8", [.. Encoding.UTF8.GetBytes("\"" + valid[..at]), .. bytes, .. Encoding.UTF8.GetBytes(valid[at..] + "\"")]);

    /// <summary>A JSON string value.</summary>
    public static Gen<BadValue> Strings(string what, Gen<string> values) => values.Select(v => new BadValue(what, BadJson.String(v)));

    /// <summary>Wrong for free text of at most <paramref name="max"/> characters; <paramref name="required"/> adds blank text.</summary>
    public static Gen<BadValue> Text(string valid, int max, bool required) => Gen.OneOf(
        [
            NotAString,
            DeepNesting,
            NotUtf8(valid),
            Strings("a refused character", Inside(valid, Refused)),
            Strings("a lone surrogate", Inside(valid, LoneSurrogate)),
            Strings("overlong", Overlong(max)),
            Strings("overlong with emoji", Overlong(max, "\U0001F600")),
            .. required ? [Strings("blank", Gen.OneOf("", " ", "   ", "\u00A0", "\u3000"))] : Array.Empty<Gen<BadValue>>(),
        ]);

    /// <summary>Wrong for an email address; <paramref name="required"/> adds blank text.</summary>
    public static Gen<BadValue> Email(string valid, bool required) => Gen.OneOf(
        NotAString,
        DeepNesting,
        NotUtf8(valid),
        Strings("blank", required ? Gen.OneOf("", " ") : Gen.OneOf("ada")),
        Strings("not an address", Gen.OneOf("ada", "ada@", "@example.org", "ada@@example.org", "ada example@example.org", "ada@example", "<ada@example.org>", "Ada <ada@example.org>", "ada@example.org, bcc@example.org", "ada@example.org\r\nBcc: x@example.org", "\"ada\"@", "ada@[127.0.0.1", "ada@.org")),
        Strings("a refused character", Inside(valid, Refused)),
        Strings("a lone surrogate", Inside(valid, LoneSurrogate)),
        Strings("overlong", Overlong(300).Select(s => s + "@example.org")));

    /// <summary>Wrong for an IANA or Windows time zone id.</summary>
    public static Gen<BadValue> Zone(string valid) => Gen.OneOf(NotAString, DeepNesting, NotUtf8(valid), Strings("not a zone", ZoneText(valid)));

    /// <summary>Text that is no IANA or Windows time zone id.</summary>
    public static Gen<string> ZoneText(string valid) => Gen.OneOf(
        Gen.OneOf("Mars/Olympus_Mons", "Europe/Londres", "UTC+1", "GMT+25", "../../etc/localtime", "Europe", "Europe/", "/London", "Europe//London", "Europe/London/Extra"),
        Inside(valid, NotInIdentifiers),
        Overlong(200));

    /// <summary>Wrong for free text where any JSON kind but a string is read as absent: only text intake refuses.</summary>
    public static Gen<BadValue> FreeTextOnly(string valid, int max) => Gen.OneOf(
        NotUtf8(valid),
        Strings("a refused character", Inside(valid, Refused)),
        Strings("a lone surrogate", Inside(valid, LoneSurrogate)),
        Strings("overlong", Overlong(max)),
        Strings("overlong with emoji", Overlong(max, "\U0001F600")));

    /// <summary>Any of <paramref name="json"/>, as raw JSON.</summary>
    public static Gen<BadValue> Raw(string what, params string[] json) => Gen.OneOf(json).Select(j => new BadValue(what, BadJson.Raw(j)));

    /// <summary>Wrong for a whole number from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static Gen<BadValue> Integer(int min, int max) => Gen.OneOf(
        NotAnInteger,
        DeepNesting,
        Gen.OneOf(Gen.Int[int.MinValue, min - 1], Gen.Int[max + 1, int.MaxValue], Gen.OneOf(min - 1, max + 1))
            .Select(n => new BadValue("out of range", BadJson.Raw(n.ToString(System.Globalization.CultureInfo.InvariantCulture)))));

    private static string Repeat(string text, int count) => new StringBuilder().Insert(0, text, count).ToString();
}
