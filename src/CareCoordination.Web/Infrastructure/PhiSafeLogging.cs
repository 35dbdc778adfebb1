using CareCoordination.Web.Identity;
using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace CareCoordination.Web.Infrastructure;

/// <summary>
/// Makes it impossible for a log call to emit a member's details by passing a domain object: any value from the core
/// (a member, a condition, an ICD-10 code, a release...) or a user account is written as its type and id only, whether
/// logged as <c>{Value}</c> (scalar) or <c>{@Value}</c> (destructured), on its own or inside a list or structure.
/// </summary>
public sealed class PhiSafeLogging : IDestructuringPolicy, ILogEventEnricher
{
    public static LoggerConfiguration Apply(LoggerConfiguration logger)
    {
        ArgumentNullException.ThrowIfNull(logger);
        // Captured as objects, not as their ToString() (an ICD-10 code's is the code), so the enricher can see and redact them.
        foreach (var type in typeof(Core.Members.Member).Assembly.GetExportedTypes().Where(t => !t.IsEnum && !(t.IsAbstract && t.IsSealed)).Append(typeof(CareUser)))
        {
            logger.Destructure.AsScalar(type);
        }

        var policy = new PhiSafeLogging();
        return logger.Destructure.With(policy).Enrich.With(policy);
    }

    public bool TryDestructure(object value, ILogEventPropertyValueFactory propertyValueFactory, out LogEventPropertyValue result)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (IsProtected(value))
        {
            result = new ScalarValue(Placeholder(value));
            return true;
        }

        result = null!;
        return false;
    }

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        foreach (var (name, value) in logEvent.Properties.ToList())
        {
            var safe = Redact(value);
            if (!ReferenceEquals(safe, value))
            {
                logEvent.AddOrUpdateProperty(new LogEventProperty(name, safe));
            }
        }
    }

    private static LogEventPropertyValue Redact(LogEventPropertyValue value) => value switch
    {
        ScalarValue { Value: { } scalar } when IsProtected(scalar) => new ScalarValue(Placeholder(scalar)),
        SequenceValue sequence when sequence.Elements.Any(e => !ReferenceEquals(Redact(e), e)) => new SequenceValue(sequence.Elements.Select(Redact)),
        StructureValue structure when structure.Properties.Any(p => !ReferenceEquals(Redact(p.Value), p.Value)) =>
            new StructureValue(structure.Properties.Select(p => new LogEventProperty(p.Name, Redact(p.Value))), structure.TypeTag),
        _ => value,
    };

    private static bool IsProtected(object value)
    {
        var type = value.GetType();
        return type.Namespace?.StartsWith("CareCoordination.Core", StringComparison.Ordinal) == true && !type.IsEnum || value is CareUser;
    }

    private static string Placeholder(object value)
    {
        var type = value.GetType();
        return type.GetProperty("Id")?.GetValue(value) is { } id ? $"[{type.Name} #{id}]" : $"[{type.Name}]";
    }
}
