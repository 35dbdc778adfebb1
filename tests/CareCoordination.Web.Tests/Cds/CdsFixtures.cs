using System.Text.Json.Nodes;

namespace CareCoordination.Web.Tests.Cds;

/// <summary>The FHIR R4 JSON fixtures in Cds/Fixtures, and the CDS Hooks requests the tests build from them.</summary>
public static class CdsFixtures
{
    private static readonly Lazy<string> Folder = new(FindFolder);

    /// <summary>A fixture resource, with placeholders (e.g. an NPI read from the demo directory) replaced.</summary>
    public static JsonNode Resource(string name, params (string Placeholder, string Value)[] replacements)
    {
        var text = File.ReadAllText(Path.Combine(Folder.Value, name));
        foreach (var (placeholder, value) in replacements)
        {
            text = text.Replace(placeholder, value, StringComparison.Ordinal);
        }

        return JsonNode.Parse(text)!;
    }

    public static JsonObject Bundle(string type, params JsonNode[] resources) => new()
    {
        ["resourceType"] = "Bundle",
        ["type"] = type,
        ["entry"] = new JsonArray([.. resources.Select(r => (JsonNode)new JsonObject { ["resource"] = r.DeepClone() })]),
    };

    public static JsonObject Collection(params JsonNode[] resources) => Bundle("collection", resources);

    public static JsonObject SearchSet(params JsonNode[] resources) => Bundle("searchset", resources);

    /// <summary>A CDS Hooks call: hook, hookInstance, context and prefetch (a null value is sent as JSON null).</summary>
    public static JsonObject Call(string hook, JsonObject context, Dictionary<string, JsonNode?>? prefetch = null)
    {
        var call = new JsonObject
        {
            ["hook"] = hook,
            ["hookInstance"] = Guid.NewGuid().ToString(),
            ["fhirServer"] = "https://ehr.example.test/fhir",
            ["context"] = context,
        };
        if (prefetch is not null)
        {
            call["prefetch"] = new JsonObject(prefetch.Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));
        }

        return call;
    }

    public static JsonObject OrderSign(JsonNode draftOrders, JsonNode? user, JsonNode? medications = null, JsonNode? conditions = null) =>
        Call("order-sign",
            new JsonObject
            {
                ["userId"] = "Practitioner/prac-1",
                ["patientId"] = "pat-1001",
                ["encounterId"] = "enc-2001",
                ["draftOrders"] = draftOrders.DeepClone(),
            },
            new Dictionary<string, JsonNode?>
            {
                ["user"] = user,
                ["medications"] = medications ?? SearchSet(),
                ["conditions"] = conditions ?? SearchSet(),
            });

    public static JsonObject ConditionRecord(
        JsonNode user, bool newToPractitioner, JsonNode[] conditions, JsonNode[]? observations = null, JsonNode[]? activeConditions = null, JsonNode? patient = null)
    {
        var context = new JsonObject
        {
            ["userId"] = "Practitioner/prac-1",
            ["patientId"] = "pat-1001",
            ["draftConditions"] = Collection(conditions),
            ["newToPractitioner"] = newToPractitioner,
        };
        if (observations is not null)
        {
            context["draftObservations"] = Collection(observations);
        }

        return Call("condition-record", context, new Dictionary<string, JsonNode?>
        {
            ["user"] = user,
            ["patient"] = patient ?? Resource("patient-member.json"),
            ["conditions"] = SearchSet(activeConditions ?? []),
        });
    }

    public static JsonObject PatientView(JsonNode? patient) => Call("patient-view",
        new JsonObject { ["userId"] = "Practitioner/prac-1", ["patientId"] = "pat-1001" },
        new Dictionary<string, JsonNode?> { ["patient"] = patient });

    /// <summary>The fixtures are read from the test output when copied there, else from the source tree above it.</summary>
    private static string FindFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "Cds", "Fixtures");
            if (File.Exists(Path.Combine(candidate, "patient-member.json")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("Cds/Fixtures was not found above " + AppContext.BaseDirectory);
    }
}
