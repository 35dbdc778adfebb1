using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareCoordination.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class OpenWorkCoveredForTheDashboard : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_CoordinationTasks_Open_Trigger_Priority_DueOn_CreatedAt_Status",
                table: "CoordinationTasks",
                columns: new[] { "Trigger", "Priority", "DueOn", "CreatedAt", "Status" },
                filter: "[Status] IN ('Open', 'InProgress', 'WaitingOnProvider')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CoordinationTasks_Open_Trigger_Priority_DueOn_CreatedAt_Status",
                table: "CoordinationTasks");
        }
    }
}
