using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareCoordination.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class OneOpenWorkIndexByRule : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CoordinationTasks_Open_Trigger_Priority_DueOn_CreatedAt_Status",
                table: "CoordinationTasks");

            migrationBuilder.DropIndex(
                name: "IX_CoordinationTasks_Open_Trigger_Priority_DueOn_Id",
                table: "CoordinationTasks");

            migrationBuilder.CreateIndex(
                name: "IX_CoordinationTasks_Open_Trigger_Priority_DueOn_Id_CreatedAt_Status",
                table: "CoordinationTasks",
                columns: new[] { "Trigger", "Priority", "DueOn", "Id", "CreatedAt", "Status" },
                filter: "[Status] IN ('Open', 'InProgress', 'WaitingOnProvider')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CoordinationTasks_Open_Trigger_Priority_DueOn_Id_CreatedAt_Status",
                table: "CoordinationTasks");

            migrationBuilder.CreateIndex(
                name: "IX_CoordinationTasks_Open_Trigger_Priority_DueOn_CreatedAt_Status",
                table: "CoordinationTasks",
                columns: new[] { "Trigger", "Priority", "DueOn", "CreatedAt", "Status" },
                filter: "[Status] IN ('Open', 'InProgress', 'WaitingOnProvider')");

            migrationBuilder.CreateIndex(
                name: "IX_CoordinationTasks_Open_Trigger_Priority_DueOn_Id",
                table: "CoordinationTasks",
                columns: new[] { "Trigger", "Priority", "DueOn", "Id" },
                filter: "[Status] IN ('Open', 'InProgress', 'WaitingOnProvider')");
        }
    }
}
