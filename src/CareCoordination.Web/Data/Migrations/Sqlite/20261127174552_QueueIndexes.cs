using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareCoordination.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class QueueIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CoordinationTasks_AssigneeUserId_Status",
                table: "CoordinationTasks");

            migrationBuilder.DropIndex(
                name: "IX_CoordinationTasks_Status_DueOn_Id",
                table: "CoordinationTasks");

            migrationBuilder.CreateIndex(
                name: "IX_CoordinationTasks_Open_AssigneeUserId_DueOn_Priority_Id",
                table: "CoordinationTasks",
                columns: new[] { "AssigneeUserId", "DueOn", "Priority", "Id" },
                filter: "[Status] IN ('Open', 'InProgress', 'WaitingOnProvider')");

            migrationBuilder.CreateIndex(
                name: "IX_CoordinationTasks_Open_AssigneeUserId_Priority_DueOn_Id",
                table: "CoordinationTasks",
                columns: new[] { "AssigneeUserId", "Priority", "DueOn", "Id" },
                filter: "[Status] IN ('Open', 'InProgress', 'WaitingOnProvider')");

            migrationBuilder.CreateIndex(
                name: "IX_CoordinationTasks_Open_DueOn_Priority_Id",
                table: "CoordinationTasks",
                columns: new[] { "DueOn", "Priority", "Id" },
                filter: "[Status] IN ('Open', 'InProgress', 'WaitingOnProvider')");

            migrationBuilder.CreateIndex(
                name: "IX_CoordinationTasks_Open_Priority_DueOn_Id",
                table: "CoordinationTasks",
                columns: new[] { "Priority", "DueOn", "Id" },
                filter: "[Status] IN ('Open', 'InProgress', 'WaitingOnProvider')");

            migrationBuilder.CreateIndex(
                name: "IX_CoordinationTasks_Open_Trigger_DueOn_Priority_Id",
                table: "CoordinationTasks",
                columns: new[] { "Trigger", "DueOn", "Priority", "Id" },
                filter: "[Status] IN ('Open', 'InProgress', 'WaitingOnProvider')");

            migrationBuilder.CreateIndex(
                name: "IX_CoordinationTasks_Open_Trigger_Priority_DueOn_Id",
                table: "CoordinationTasks",
                columns: new[] { "Trigger", "Priority", "DueOn", "Id" },
                filter: "[Status] IN ('Open', 'InProgress', 'WaitingOnProvider')");

            migrationBuilder.CreateIndex(
                name: "IX_CoordinationTasks_Status_DueOn_Priority_Id",
                table: "CoordinationTasks",
                columns: new[] { "Status", "DueOn", "Priority", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_CoordinationTasks_Status_Priority_DueOn_Id",
                table: "CoordinationTasks",
                columns: new[] { "Status", "Priority", "DueOn", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CoordinationTasks_Open_AssigneeUserId_DueOn_Priority_Id",
                table: "CoordinationTasks");

            migrationBuilder.DropIndex(
                name: "IX_CoordinationTasks_Open_AssigneeUserId_Priority_DueOn_Id",
                table: "CoordinationTasks");

            migrationBuilder.DropIndex(
                name: "IX_CoordinationTasks_Open_DueOn_Priority_Id",
                table: "CoordinationTasks");

            migrationBuilder.DropIndex(
                name: "IX_CoordinationTasks_Open_Priority_DueOn_Id",
                table: "CoordinationTasks");

            migrationBuilder.DropIndex(
                name: "IX_CoordinationTasks_Open_Trigger_DueOn_Priority_Id",
                table: "CoordinationTasks");

            migrationBuilder.DropIndex(
                name: "IX_CoordinationTasks_Open_Trigger_Priority_DueOn_Id",
                table: "CoordinationTasks");

            migrationBuilder.DropIndex(
                name: "IX_CoordinationTasks_Status_DueOn_Priority_Id",
                table: "CoordinationTasks");

            migrationBuilder.DropIndex(
                name: "IX_CoordinationTasks_Status_Priority_DueOn_Id",
                table: "CoordinationTasks");

            migrationBuilder.CreateIndex(
                name: "IX_CoordinationTasks_AssigneeUserId_Status",
                table: "CoordinationTasks",
                columns: new[] { "AssigneeUserId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_CoordinationTasks_Status_DueOn_Id",
                table: "CoordinationTasks",
                columns: new[] { "Status", "DueOn", "Id" });
        }
    }
}
