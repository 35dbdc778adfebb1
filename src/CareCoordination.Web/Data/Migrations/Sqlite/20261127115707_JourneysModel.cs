using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareCoordination.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class JourneysModel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Note",
                table: "CoordinationEvents",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "SharingDiscussedWithMember",
                table: "CoordinationEvents",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "Disclosures",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    Content = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RecipientProviderId = table.Column<int>(type: "INTEGER", nullable: false),
                    ReleaseId = table.Column<int>(type: "INTEGER", nullable: false),
                    DisclosedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DisclosedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Disclosures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Disclosures_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Disclosures_Providers_RecipientProviderId",
                        column: x => x.RecipientProviderId,
                        principalTable: "Providers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Disclosures_Releases_ReleaseId",
                        column: x => x.ReleaseId,
                        principalTable: "Releases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InboxMessages",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    RecipientProviderId = table.Column<int>(type: "INTEGER", nullable: false),
                    EventId = table.Column<int>(type: "INTEGER", nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SentByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    AcknowledgedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AcknowledgedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InboxMessages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InboxMessages_CoordinationEvents_EventId",
                        column: x => x.EventId,
                        principalTable: "CoordinationEvents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_InboxMessages_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_InboxMessages_Providers_RecipientProviderId",
                        column: x => x.RecipientProviderId,
                        principalTable: "Providers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PlanRuleSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    UrgentBusinessDays = table.Column<int>(type: "INTEGER", nullable: false),
                    HighBusinessDays = table.Column<int>(type: "INTEGER", nullable: false),
                    RoutineBusinessDays = table.Column<int>(type: "INTEGER", nullable: false),
                    DailyDoseChangeThreshold = table.Column<decimal>(type: "TEXT", precision: 5, scale: 4, nullable: false),
                    AnyDoseChangeIngredients = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    NicotineCountsAsSubstanceUse = table.Column<bool>(type: "INTEGER", nullable: false),
                    Holidays = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanRuleSettings", x => x.Id);
                    table.CheckConstraint("CK_PlanRuleSettings_Singleton", "Id = 1");
                });

            migrationBuilder.CreateTable(
                name: "ProtectedNotes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    Content = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    AuthorProviderId = table.Column<int>(type: "INTEGER", nullable: false),
                    WrittenOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProtectedNotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProtectedNotes_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ProtectedNotes_Providers_AuthorProviderId",
                        column: x => x.AuthorProviderId,
                        principalTable: "Providers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SubmissionTokens",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    UsedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ResultUrl = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SubmissionTokens", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TaskActivities",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TaskId = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    ContactMethod = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    ContactOutcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TaskActivities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TaskActivities_CoordinationTasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "CoordinationTasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Disclosures_MemberId_DisclosedAt",
                table: "Disclosures",
                columns: new[] { "MemberId", "DisclosedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Disclosures_RecipientProviderId",
                table: "Disclosures",
                column: "RecipientProviderId");

            migrationBuilder.CreateIndex(
                name: "IX_Disclosures_ReleaseId",
                table: "Disclosures",
                column: "ReleaseId");

            migrationBuilder.CreateIndex(
                name: "IX_InboxMessages_EventId",
                table: "InboxMessages",
                column: "EventId");

            migrationBuilder.CreateIndex(
                name: "IX_InboxMessages_MemberId",
                table: "InboxMessages",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_InboxMessages_RecipientProviderId_AcknowledgedAt_SentAt",
                table: "InboxMessages",
                columns: new[] { "RecipientProviderId", "AcknowledgedAt", "SentAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ProtectedNotes_AuthorProviderId",
                table: "ProtectedNotes",
                column: "AuthorProviderId");

            migrationBuilder.CreateIndex(
                name: "IX_ProtectedNotes_MemberId_Content_WrittenOn",
                table: "ProtectedNotes",
                columns: new[] { "MemberId", "Content", "WrittenOn" });

            migrationBuilder.CreateIndex(
                name: "IX_SubmissionTokens_UsedAt",
                table: "SubmissionTokens",
                column: "UsedAt");

            migrationBuilder.CreateIndex(
                name: "IX_TaskActivities_TaskId_At",
                table: "TaskActivities",
                columns: new[] { "TaskId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Disclosures");

            migrationBuilder.DropTable(
                name: "InboxMessages");

            migrationBuilder.DropTable(
                name: "PlanRuleSettings");

            migrationBuilder.DropTable(
                name: "ProtectedNotes");

            migrationBuilder.DropTable(
                name: "SubmissionTokens");

            migrationBuilder.DropTable(
                name: "TaskActivities");

            migrationBuilder.DropColumn(
                name: "Note",
                table: "CoordinationEvents");

            migrationBuilder.DropColumn(
                name: "SharingDiscussedWithMember",
                table: "CoordinationEvents");
        }
    }
}
