using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareCoordination.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ReportIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
                name: "IX_CoordinationEvents_Kind_OccurredAt",
                table: "CoordinationEvents",
                columns: new[] { "Kind", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CoordinationEvents_OccurredAt",
                table: "CoordinationEvents",
                column: "OccurredAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
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
                name: "IX_CoordinationEvents_Kind_OccurredAt",
                table: "CoordinationEvents");

            migrationBuilder.DropIndex(
                name: "IX_CoordinationEvents_OccurredAt",
                table: "CoordinationEvents");
        }
    }
}
