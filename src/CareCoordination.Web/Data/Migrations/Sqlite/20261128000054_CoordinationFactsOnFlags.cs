using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareCoordination.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CoordinationFactsOnFlags : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_InboxMessages_SentAt",
                table: "InboxMessages");

            migrationBuilder.DropIndex(
                name: "IX_CoordinationTasks_ClosedAt",
                table: "CoordinationTasks");

            migrationBuilder.DropIndex(
                name: "IX_CoordinationTasks_CreatedAt",
                table: "CoordinationTasks");

            migrationBuilder.DropIndex(
                name: "IX_CoordinationEvents_OccurredAt",
                table: "CoordinationEvents");

            migrationBuilder.AddColumn<DateTime>(
                name: "FirstContactAt",
                table: "CoordinationTasks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "CommunicatedAt",
                table: "CoordinationFlags",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MemberId",
                table: "CoordinationFlags",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "OccurredAt",
                table: "CoordinationFlags",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<DateTime>(
                name: "RecipientAcknowledgedAt",
                table: "CoordinationFlags",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RecipientContactedAt",
                table: "CoordinationFlags",
                type: "TEXT",
                nullable: true);

            foreach (var statement in CoordinationFactsBackfill.Statements)
            {
                migrationBuilder.Sql(statement);
            }

            migrationBuilder.CreateIndex(
                name: "IX_InboxMessages_SentAt_AcknowledgedAt_EventId_MemberId",
                table: "InboxMessages",
                columns: new[] { "SentAt", "AcknowledgedAt", "EventId", "MemberId" });

            migrationBuilder.CreateIndex(
                name: "IX_CoordinationTasks_ClosedAt_Trigger_Priority",
                table: "CoordinationTasks",
                columns: new[] { "ClosedAt", "Trigger", "Priority" });

            migrationBuilder.CreateIndex(
                name: "IX_CoordinationTasks_CreatedAt_Status_DueOn_ClosedAt_FirstContactAt_Trigger_Priority",
                table: "CoordinationTasks",
                columns: new[] { "CreatedAt", "Status", "DueOn", "ClosedAt", "FirstContactAt", "Trigger", "Priority" });

            migrationBuilder.CreateIndex(
                name: "IX_CoordinationFlags_MemberId_OccurredAt",
                table: "CoordinationFlags",
                columns: new[] { "MemberId", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CoordinationFlags_OccurredAt_Trigger_Priority_EventId_RecipientContactedAt_RecipientAcknowledgedAt",
                table: "CoordinationFlags",
                columns: new[] { "OccurredAt", "Trigger", "Priority", "EventId", "RecipientContactedAt", "RecipientAcknowledgedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CoordinationFlags_Trigger_OccurredAt_Facts",
                table: "CoordinationFlags",
                columns: new[] { "Trigger", "OccurredAt", "Priority", "EventId", "RecipientContactedAt", "RecipientAcknowledgedAt", "CommunicatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_InboxMessages_SentAt_AcknowledgedAt_EventId_MemberId",
                table: "InboxMessages");

            migrationBuilder.DropIndex(
                name: "IX_CoordinationTasks_ClosedAt_Trigger_Priority",
                table: "CoordinationTasks");

            migrationBuilder.DropIndex(
                name: "IX_CoordinationTasks_CreatedAt_Status_DueOn_ClosedAt_FirstContactAt_Trigger_Priority",
                table: "CoordinationTasks");

            migrationBuilder.DropIndex(
                name: "IX_CoordinationFlags_MemberId_OccurredAt",
                table: "CoordinationFlags");

            migrationBuilder.DropIndex(
                name: "IX_CoordinationFlags_OccurredAt_Trigger_Priority_EventId_RecipientContactedAt_RecipientAcknowledgedAt",
                table: "CoordinationFlags");

            migrationBuilder.DropIndex(
                name: "IX_CoordinationFlags_Trigger_OccurredAt_Facts",
                table: "CoordinationFlags");

            migrationBuilder.DropColumn(
                name: "FirstContactAt",
                table: "CoordinationTasks");

            migrationBuilder.DropColumn(
                name: "CommunicatedAt",
                table: "CoordinationFlags");

            migrationBuilder.DropColumn(
                name: "MemberId",
                table: "CoordinationFlags");

            migrationBuilder.DropColumn(
                name: "OccurredAt",
                table: "CoordinationFlags");

            migrationBuilder.DropColumn(
                name: "RecipientAcknowledgedAt",
                table: "CoordinationFlags");

            migrationBuilder.DropColumn(
                name: "RecipientContactedAt",
                table: "CoordinationFlags");

            migrationBuilder.CreateIndex(
                name: "IX_InboxMessages_SentAt",
                table: "InboxMessages",
                column: "SentAt");

            migrationBuilder.CreateIndex(
                name: "IX_CoordinationTasks_ClosedAt",
                table: "CoordinationTasks",
                column: "ClosedAt");

            migrationBuilder.CreateIndex(
                name: "IX_CoordinationTasks_CreatedAt",
                table: "CoordinationTasks",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_CoordinationEvents_OccurredAt",
                table: "CoordinationEvents",
                column: "OccurredAt");
        }
    }
}
