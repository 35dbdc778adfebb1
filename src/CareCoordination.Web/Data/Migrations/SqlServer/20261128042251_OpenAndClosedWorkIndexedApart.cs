using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareCoordination.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class OpenAndClosedWorkIndexedApart : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CoordinationTasks_Status_DueOn_Priority_Id",
                table: "CoordinationTasks");

            migrationBuilder.DropIndex(
                name: "IX_CoordinationTasks_Status_Priority_DueOn_Id",
                table: "CoordinationTasks");

            migrationBuilder.CreateIndex(
                name: "IX_CoordinationTasks_Closed_Status_DueOn_Priority_Id",
                table: "CoordinationTasks",
                columns: new[] { "Status", "DueOn", "Priority", "Id" },
                filter: "[Status] IN ('Completed', 'Cancelled')");

            migrationBuilder.CreateIndex(
                name: "IX_CoordinationTasks_Closed_Status_Priority_DueOn_Id",
                table: "CoordinationTasks",
                columns: new[] { "Status", "Priority", "DueOn", "Id" },
                filter: "[Status] IN ('Completed', 'Cancelled')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CoordinationTasks_Closed_Status_DueOn_Priority_Id",
                table: "CoordinationTasks");

            migrationBuilder.DropIndex(
                name: "IX_CoordinationTasks_Closed_Status_Priority_DueOn_Id",
                table: "CoordinationTasks");

            migrationBuilder.CreateIndex(
                name: "IX_CoordinationTasks_Status_DueOn_Priority_Id",
                table: "CoordinationTasks",
                columns: new[] { "Status", "DueOn", "Priority", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_CoordinationTasks_Status_Priority_DueOn_Id",
                table: "CoordinationTasks",
                columns: new[] { "Status", "Priority", "DueOn", "Id" });
        }
    }
}
