using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareCoordination.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AuditContentAndMedicationStarts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Content",
                table: "AuditEntries",
                type: "nvarchar(40)",
                maxLength: 40,
                nullable: true);

            // Starts were told apart by their timeline wording ("Started ..."); from now on by their kind.
            migrationBuilder.Sql("UPDATE \"CoordinationEvents\" SET \"Kind\" = 'MedicationStarted' WHERE \"Kind\" = 'Prescription' AND \"Summary\" LIKE 'Started %'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("UPDATE \"CoordinationEvents\" SET \"Kind\" = 'Prescription' WHERE \"Kind\" = 'MedicationStarted'");

            migrationBuilder.DropColumn(
                name: "Content",
                table: "AuditEntries");
        }
    }
}
