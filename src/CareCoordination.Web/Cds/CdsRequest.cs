using System.Text.Json;

namespace CareCoordination.Web.Cds;

/// <summary>
/// A CDS Hooks call as posted: the hook, its instance id, the hook context and the prefetched FHIR data. Reading it
/// checks the envelope; each service reads the context fields and prefetch keys it needs.
/// </summary>
public sealed class CdsRequest
{
    private readonly JsonElement _context;
    private readonly JsonElement? _prefetch;

    private CdsRequest(string hook, string hookInstance, JsonElement context, JsonElement? prefetch)
    {
        Hook = hook;
        HookInstance = hookInstance;
        _context = context;
        _prefetch = prefetch;
    }

    public string Hook { get; }

    public string HookInstance { get; }

    public static async Task<CdsRequest> ReadAsync(Stream body, string expectedHook, CancellationToken cancellationToken)
    {
        JsonElement root;
        try
        {
            using var document = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw CdsRequestException.Invalid("The request body is not valid JSON.");
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            throw CdsRequestException.Invalid("The request body must be a JSON object.");
        }

        var hook = RequiredString(root, "hook", "hook");
        if (!string.Equals(hook, expectedHook, StringComparison.Ordinal))
        {
            throw CdsRequestException.Invalid($"This service is invoked on the '{expectedHook}' hook.");
        }

        var hookInstance = RequiredString(root, "hookInstance", "hookInstance");
        if (!root.TryGetProperty("context", out var context) || context.ValueKind == JsonValueKind.Null)
        {
            throw CdsRequestException.Required("context is required.");
        }

        if (context.ValueKind != JsonValueKind.Object)
        {
            throw CdsRequestException.Invalid("context must be a JSON object.");
        }

        JsonElement? prefetch = null;
        if (root.TryGetProperty("prefetch", out var prefetchElement) && prefetchElement.ValueKind != JsonValueKind.Null)
        {
            prefetch = prefetchElement.ValueKind == JsonValueKind.Object
                ? prefetchElement
                : throw CdsRequestException.Invalid("prefetch must be a JSON object.");
        }

        return new CdsRequest(hook, hookInstance, context, prefetch);
    }

    /// <summary>A required string in the hook context, such as <c>patientId</c>.</summary>
    public string ContextString(string name) => RequiredString(_context, name, $"context.{name}");

    public string? OptionalContextString(string name)
    {
        if (!_context.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw CdsRequestException.Invalid($"context.{name} must be a non-empty string.");
    }

    public bool ContextBoolean(string name)
    {
        if (!_context.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            throw CdsRequestException.Required($"context.{name} is required.");
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw CdsRequestException.Invalid($"context.{name} must be true or false."),
        };
    }

    /// <summary>A FHIR resource in the hook context (such as <c>draftOrders</c>), or null when it is absent.</summary>
    public JsonElement? ContextResource(string name) =>
        _context.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    /// <summary>What the client sent for a prefetch key: nothing, null (it had no data), or a FHIR resource.</summary>
    public Prefetched Prefetch(string key)
    {
        if (_prefetch is not { } prefetch || !prefetch.TryGetProperty(key, out var value))
        {
            return Prefetched.Missing;
        }

        return value.ValueKind == JsonValueKind.Null ? Prefetched.NoData : new Prefetched(PrefetchState.Present, value);
    }

    private static string RequiredString(JsonElement owner, string name, string path)
    {
        if (!owner.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            throw CdsRequestException.Required($"{path} is required.");
        }

        return value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw CdsRequestException.Invalid($"{path} must be a non-empty string.");
    }
}

public enum PrefetchState
{
    /// <summary>The client did not send the key: it chose not to, or failed to, prefetch it.</summary>
    Missing,

    /// <summary>The key was sent as null: the client had no data for it.</summary>
    NoData,

    Present,
}

public readonly record struct Prefetched(PrefetchState State, JsonElement Value)
{
    public static Prefetched Missing { get; } = new(PrefetchState.Missing, default);

    public static Prefetched NoData { get; } = new(PrefetchState.NoData, default);
}
