namespace CareCoordination.Web.Data.Migrations;

/// <summary>
/// Fills the coordination facts kept on flags and tasks from the history already stored, the same way the app keeps them
/// from now on. Standard SQL, run by both engines' migrations between adding the columns and indexing them.
/// </summary>
public static class CoordinationFactsBackfill
{
    private const string Attempts = """
        SELECT a."At" FROM "CoordinationTasks" t JOIN "TaskActivities" a ON a."TaskId" = t."Id"
        WHERE t."EventId" = "CoordinationFlags"."EventId" AND a."Kind" = 'ContactAttempt'
        """;

    public static IReadOnlyList<string> Statements { get; } =
    [
        """
        UPDATE "CoordinationFlags" SET
            "MemberId" = (SELECT e."MemberId" FROM "CoordinationEvents" e WHERE e."Id" = "CoordinationFlags"."EventId"),
            "OccurredAt" = (SELECT e."OccurredAt" FROM "CoordinationEvents" e WHERE e."Id" = "CoordinationFlags"."EventId")
        """,
        """
        UPDATE "CoordinationTasks" SET "FirstContactAt" =
            (SELECT MIN(a."At") FROM "TaskActivities" a WHERE a."TaskId" = "CoordinationTasks"."Id" AND a."Kind" = 'ContactAttempt')
        """,
        $"""
        UPDATE "CoordinationFlags" SET
            "RecipientContactedAt" = (SELECT MIN(x."At") FROM (
                SELECT m."SentAt" AS "At" FROM "InboxMessages" m WHERE m."EventId" = "CoordinationFlags"."EventId"
                UNION ALL {Attempts}) x),
            "RecipientAcknowledgedAt" = (SELECT MIN(x."At") FROM (
                SELECT m."AcknowledgedAt" AS "At" FROM "InboxMessages" m WHERE m."EventId" = "CoordinationFlags"."EventId"
                UNION ALL {Attempts} AND a."ContactOutcome" = 'Reached') x),
            "CommunicatedAt" = (SELECT MIN(x."At") FROM (
                SELECT m."AcknowledgedAt" AS "At" FROM "InboxMessages" m WHERE m."EventId" = "CoordinationFlags"."EventId"
                UNION ALL {Attempts} AND t."Trigger" = "CoordinationFlags"."Trigger" AND a."ContactOutcome" IN ('Reached', 'Sent')) x)
        """,
    ];
}
