using InterviewScheduler.Sandbox.Wire;

namespace InterviewScheduler.Sandbox.Mail;

/// <summary>A message's properties as <c>$filter</c> names them, including its extended properties and recipients.</summary>
internal sealed class MessageFilterable(SandboxMessage message) : IFilterable
{
    private const string Unknown = "\u0000unknown";

    public bool TryGet(string path, out string? value)
    {
        value = path.ToLowerInvariant() switch
        {
            "id" => message.Id,
            "subject" => message.Subject,
            "internetmessageid" => message.InternetMessageId,
            "conversationid" => message.ConversationId,
            "from/emailaddress/address" or "sender/emailaddress/address" => message.From.Address,
            "sentdatetime" or "receiveddatetime" or "createddatetime" => WireTime.Utc(message.Sent),
            "isdraft" => "false",
            _ => Unknown,
        };
        var known = !ReferenceEquals(value, Unknown);
        if (!known) value = null;
        return known;
    }

    public IEnumerable<IFilterable>? Elements(string path) => path.ToLowerInvariant() switch
    {
        "singlevalueextendedproperties" => message.SingleValueExtendedProperties.Select(p => (IFilterable)new FilterPairs(("id", p.Id), ("value", p.Value))),
        "internetmessageheaders" => message.InternetMessageHeaders.Select(h => (IFilterable)new FilterPairs(("name", h.Name), ("value", h.Value))),
        "torecipients" => message.ToRecipients.Select(r => (IFilterable)new FilterPairs(("emailAddress/address", r.Address))),
        "ccrecipients" => message.CcRecipients.Select(r => (IFilterable)new FilterPairs(("emailAddress/address", r.Address))),
        _ => null,
    };

}
