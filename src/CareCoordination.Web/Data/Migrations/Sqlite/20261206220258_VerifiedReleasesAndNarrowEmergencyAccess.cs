using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareCoordination.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class VerifiedReleasesAndNarrowEmergencyAccess : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "RecordedAt",
                table: "Releases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RecordedByUserId",
                table: "Releases",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "RevocationSignedOn",
                table: "Releases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RevokedByUserId",
                table: "Releases",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Verification",
                table: "Releases",
                type: "TEXT",
                maxLength: 30,
                nullable: false,
                defaultValue: "AwaitingVerification");

            migrationBuilder.AddColumn<string>(
                name: "VerificationRefusal",
                table: "Releases",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "VerifiedAt",
                table: "Releases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "VerifiedByUserId",
                table: "Releases",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Approval",
                table: "EmergencyAccesses",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "NotNeeded");

            migrationBuilder.AddColumn<DateTime>(
                name: "ApprovalDecidedAt",
                table: "EmergencyAccesses",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ApprovalDecidedByUserId",
                table: "EmergencyAccesses",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Category",
                table: "EmergencyAccesses",
                type: "TEXT",
                maxLength: 50,
                nullable: false,
                defaultValue: "UrgentCareWithoutTheTreatingClinician");

            migrationBuilder.AddColumn<DateTime>(
                name: "RequestedAt",
                table: "EmergencyAccesses",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<string>(
                name: "Review",
                table: "EmergencyAccesses",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "AwaitingReview");

            migrationBuilder.AddColumn<string>(
                name: "ReviewNote",
                table: "EmergencyAccesses",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ReviewedAt",
                table: "EmergencyAccesses",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewedByUserId",
                table: "EmergencyAccesses",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            // Grants made before requests existed were asked for when they opened.
            migrationBuilder.Sql("UPDATE EmergencyAccesses SET RequestedAt = GrantedAt");

            migrationBuilder.AlterColumn<int>(
                name: "ReleaseId",
                table: "Disclosures",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "INTEGER");

            migrationBuilder.AddColumn<int>(
                name: "EmergencyAccessId",
                table: "Disclosures",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EmergencyNature",
                table: "Disclosures",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Releases_Verification_RecordedAt",
                table: "Releases",
                columns: new[] { "Verification", "RecordedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_EmergencyAccesses_Review_RequestedAt",
                table: "EmergencyAccesses",
                columns: new[] { "Review", "RequestedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_EmergencyAccesses_UserId_RequestedAt",
                table: "EmergencyAccesses",
                columns: new[] { "UserId", "RequestedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Disclosures_EmergencyAccessId",
                table: "Disclosures",
                column: "EmergencyAccessId");

            migrationBuilder.AddCheckConstraint(
                name: "CK_Disclosures_UnderConsentOrEmergency",
                table: "Disclosures",
                sql: "(ReleaseId IS NOT NULL AND EmergencyAccessId IS NULL) OR (ReleaseId IS NULL AND EmergencyAccessId IS NOT NULL)");

            migrationBuilder.AddForeignKey(
                name: "FK_Disclosures_EmergencyAccesses_EmergencyAccessId",
                table: "Disclosures",
                column: "EmergencyAccessId",
                principalTable: "EmergencyAccesses",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Disclosures_EmergencyAccesses_EmergencyAccessId",
                table: "Disclosures");

            migrationBuilder.DropIndex(
                name: "IX_Releases_Verification_RecordedAt",
                table: "Releases");

            migrationBuilder.DropIndex(
                name: "IX_EmergencyAccesses_Review_RequestedAt",
                table: "EmergencyAccesses");

            migrationBuilder.DropIndex(
                name: "IX_EmergencyAccesses_UserId_RequestedAt",
                table: "EmergencyAccesses");

            migrationBuilder.DropIndex(
                name: "IX_Disclosures_EmergencyAccessId",
                table: "Disclosures");

            migrationBuilder.DropCheckConstraint(
                name: "CK_Disclosures_UnderConsentOrEmergency",
                table: "Disclosures");

            migrationBuilder.DropColumn(
                name: "RecordedAt",
                table: "Releases");

            migrationBuilder.DropColumn(
                name: "RecordedByUserId",
                table: "Releases");

            migrationBuilder.DropColumn(
                name: "RevocationSignedOn",
                table: "Releases");

            migrationBuilder.DropColumn(
                name: "RevokedByUserId",
                table: "Releases");

            migrationBuilder.DropColumn(
                name: "Verification",
                table: "Releases");

            migrationBuilder.DropColumn(
                name: "VerificationRefusal",
                table: "Releases");

            migrationBuilder.DropColumn(
                name: "VerifiedAt",
                table: "Releases");

            migrationBuilder.DropColumn(
                name: "VerifiedByUserId",
                table: "Releases");

            migrationBuilder.DropColumn(
                name: "Approval",
                table: "EmergencyAccesses");

            migrationBuilder.DropColumn(
                name: "ApprovalDecidedAt",
                table: "EmergencyAccesses");

            migrationBuilder.DropColumn(
                name: "ApprovalDecidedByUserId",
                table: "EmergencyAccesses");

            migrationBuilder.DropColumn(
                name: "Category",
                table: "EmergencyAccesses");

            migrationBuilder.DropColumn(
                name: "RequestedAt",
                table: "EmergencyAccesses");

            migrationBuilder.DropColumn(
                name: "Review",
                table: "EmergencyAccesses");

            migrationBuilder.DropColumn(
                name: "ReviewNote",
                table: "EmergencyAccesses");

            migrationBuilder.DropColumn(
                name: "ReviewedAt",
                table: "EmergencyAccesses");

            migrationBuilder.DropColumn(
                name: "ReviewedByUserId",
                table: "EmergencyAccesses");

            migrationBuilder.DropColumn(
                name: "EmergencyAccessId",
                table: "Disclosures");

            migrationBuilder.DropColumn(
                name: "EmergencyNature",
                table: "Disclosures");

            migrationBuilder.AlterColumn<int>(
                name: "ReleaseId",
                table: "Disclosures",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "INTEGER",
                oldNullable: true);
        }
    }
}
