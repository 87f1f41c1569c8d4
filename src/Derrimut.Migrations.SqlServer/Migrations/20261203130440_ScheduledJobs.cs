using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Derrimut.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class ScheduledJobs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RenewalReminderSentFor",
                schema: "memberships",
                table: "memberships",
                type: "datetimeoffset",
                nullable: true);

            // Quartz.NET's ADO job store (Quartz 4.x schema), in the kernel's schema: the tables are Quartz's contract, not
            // part of our EF model, so they are written out here (and frozen with this migration) rather than mapped.
            // See docs/decisions/0024-scheduled-jobs-on-quartz.md and JobsRegistration.TablePrefix.
            migrationBuilder.EnsureSchema(name: "kernel");
            migrationBuilder.Sql(@"CREATE TABLE [kernel].[qrtz_job_details] (
                    [sched_name] nvarchar(120) NOT NULL,
                    [job_name] nvarchar(150) NOT NULL,
                    [job_group] nvarchar(150) NOT NULL,
                    [description] nvarchar(250) NULL,
                    [job_class_name] nvarchar(250) NOT NULL,
                    [is_durable] bit NOT NULL,
                    [is_nonconcurrent] bit NOT NULL,
                    [is_update_data] bit NOT NULL,
                    [requests_recovery] bit NOT NULL,
                    [job_data] varbinary(max) NULL,
                    CONSTRAINT PK_qrtz_job_details PRIMARY KEY ([sched_name], [job_name], [job_group])
                )");
            migrationBuilder.Sql(@"CREATE TABLE [kernel].[qrtz_triggers] (
                    [sched_name] nvarchar(120) NOT NULL,
                    [trigger_name] nvarchar(150) NOT NULL,
                    [trigger_group] nvarchar(150) NOT NULL,
                    [job_name] nvarchar(150) NOT NULL,
                    [job_group] nvarchar(150) NOT NULL,
                    [description] nvarchar(250) NULL,
                    [next_fire_time] bigint NULL,
                    [prev_fire_time] bigint NULL,
                    [priority] int NULL,
                    [trigger_state] nvarchar(16) NOT NULL,
                    [trigger_type] nvarchar(8) NOT NULL,
                    [start_time] bigint NOT NULL,
                    [end_time] bigint NULL,
                    [calendar_name] nvarchar(200) NULL,
                    [misfire_instr] int NULL,
                    [misfire_orig_fire_time] bigint NULL,
                    [execution_group] nvarchar(200) NULL,
                    [preferred_node] nvarchar(200) NULL,
                    [preferred_node_auto] bit NOT NULL DEFAULT 0,
                    [job_data] varbinary(max) NULL,
                    CONSTRAINT PK_qrtz_triggers PRIMARY KEY ([sched_name], [trigger_name], [trigger_group]),
                    CONSTRAINT FK_qrtz_triggers_qrtz_job_details FOREIGN KEY ([sched_name], [job_name], [job_group]) REFERENCES [kernel].[qrtz_job_details] ([sched_name], [job_name], [job_group])
                )");
            migrationBuilder.Sql(@"CREATE TABLE [kernel].[qrtz_simple_triggers] (
                    [sched_name] nvarchar(120) NOT NULL,
                    [trigger_name] nvarchar(150) NOT NULL,
                    [trigger_group] nvarchar(150) NOT NULL,
                    [repeat_count] int NOT NULL,
                    [repeat_interval] bigint NOT NULL,
                    [times_triggered] int NOT NULL,
                    CONSTRAINT PK_qrtz_simple_triggers PRIMARY KEY ([sched_name], [trigger_name], [trigger_group]),
                    CONSTRAINT FK_qrtz_simple_triggers_qrtz_triggers FOREIGN KEY ([sched_name], [trigger_name], [trigger_group]) REFERENCES [kernel].[qrtz_triggers] ([sched_name], [trigger_name], [trigger_group]) ON DELETE CASCADE
                )");
            migrationBuilder.Sql(@"CREATE TABLE [kernel].[qrtz_simprop_triggers] (
                    [sched_name] nvarchar(120) NOT NULL,
                    [trigger_name] nvarchar(150) NOT NULL,
                    [trigger_group] nvarchar(150) NOT NULL,
                    [str_prop_1] nvarchar(512) NULL,
                    [str_prop_2] nvarchar(512) NULL,
                    [str_prop_3] nvarchar(512) NULL,
                    [int_prop_1] int NULL,
                    [int_prop_2] int NULL,
                    [long_prop_1] bigint NULL,
                    [long_prop_2] bigint NULL,
                    [dec_prop_1] numeric(13,4) NULL,
                    [dec_prop_2] numeric(13,4) NULL,
                    [bool_prop_1] bit NULL,
                    [bool_prop_2] bit NULL,
                    [time_zone_id] nvarchar(80) NULL,
                    CONSTRAINT PK_qrtz_simprop_triggers PRIMARY KEY ([sched_name], [trigger_name], [trigger_group]),
                    CONSTRAINT FK_qrtz_simprop_triggers_qrtz_triggers FOREIGN KEY ([sched_name], [trigger_name], [trigger_group]) REFERENCES [kernel].[qrtz_triggers] ([sched_name], [trigger_name], [trigger_group]) ON DELETE CASCADE
                )");
            migrationBuilder.Sql(@"CREATE TABLE [kernel].[qrtz_cron_triggers] (
                    [sched_name] nvarchar(120) NOT NULL,
                    [trigger_name] nvarchar(150) NOT NULL,
                    [trigger_group] nvarchar(150) NOT NULL,
                    [cron_expression] nvarchar(250) NOT NULL,
                    [time_zone_id] nvarchar(80) NULL,
                    CONSTRAINT PK_qrtz_cron_triggers PRIMARY KEY ([sched_name], [trigger_name], [trigger_group]),
                    CONSTRAINT FK_qrtz_cron_triggers_qrtz_triggers FOREIGN KEY ([sched_name], [trigger_name], [trigger_group]) REFERENCES [kernel].[qrtz_triggers] ([sched_name], [trigger_name], [trigger_group]) ON DELETE CASCADE
                )");
            migrationBuilder.Sql(@"CREATE TABLE [kernel].[qrtz_blob_triggers] (
                    [sched_name] nvarchar(120) NOT NULL,
                    [trigger_name] nvarchar(150) NOT NULL,
                    [trigger_group] nvarchar(150) NOT NULL,
                    [blob_data] varbinary(max) NULL,
                    CONSTRAINT PK_qrtz_blob_triggers PRIMARY KEY ([sched_name], [trigger_name], [trigger_group]),
                    CONSTRAINT FK_qrtz_blob_triggers_qrtz_triggers FOREIGN KEY ([sched_name], [trigger_name], [trigger_group]) REFERENCES [kernel].[qrtz_triggers] ([sched_name], [trigger_name], [trigger_group]) ON DELETE CASCADE
                )");
            migrationBuilder.Sql(@"CREATE TABLE [kernel].[qrtz_calendars] (
                    [sched_name] nvarchar(120) NOT NULL,
                    [calendar_name] nvarchar(200) NOT NULL,
                    [calendar] varbinary(max) NOT NULL,
                    CONSTRAINT PK_qrtz_calendars PRIMARY KEY ([sched_name], [calendar_name])
                )");
            migrationBuilder.Sql(@"CREATE TABLE [kernel].[qrtz_paused_trigger_grps] (
                    [sched_name] nvarchar(120) NOT NULL,
                    [trigger_group] nvarchar(150) NOT NULL,
                    CONSTRAINT PK_qrtz_paused_trigger_grps PRIMARY KEY ([sched_name], [trigger_group])
                )");
            migrationBuilder.Sql(@"CREATE TABLE [kernel].[qrtz_fired_triggers] (
                    [sched_name] nvarchar(120) NOT NULL,
                    [entry_id] nvarchar(140) NOT NULL,
                    [trigger_name] nvarchar(150) NOT NULL,
                    [trigger_group] nvarchar(150) NOT NULL,
                    [instance_name] nvarchar(200) NOT NULL,
                    [fired_time] bigint NOT NULL,
                    [sched_time] bigint NOT NULL,
                    [priority] int NOT NULL,
                    [state] nvarchar(16) NOT NULL,
                    [job_name] nvarchar(150) NULL,
                    [job_group] nvarchar(150) NULL,
                    [is_nonconcurrent] bit NULL,
                    [requests_recovery] bit NULL,
                    [execution_group] nvarchar(200) NULL,
                    CONSTRAINT PK_qrtz_fired_triggers PRIMARY KEY ([sched_name], [entry_id])
                )");
            migrationBuilder.Sql(@"CREATE TABLE [kernel].[qrtz_scheduler_state] (
                    [sched_name] nvarchar(120) NOT NULL,
                    [instance_name] nvarchar(200) NOT NULL,
                    [last_checkin_time] bigint NOT NULL,
                    [checkin_interval] bigint NOT NULL,
                    CONSTRAINT PK_qrtz_scheduler_state PRIMARY KEY ([sched_name], [instance_name])
                )");
            migrationBuilder.Sql(@"CREATE TABLE [kernel].[qrtz_locks] (
                    [sched_name] nvarchar(120) NOT NULL,
                    [lock_name] nvarchar(40) NOT NULL,
                    CONSTRAINT PK_qrtz_locks PRIMARY KEY ([sched_name], [lock_name])
                )");
            migrationBuilder.Sql(@"CREATE INDEX IX_qrtz_j_g_n ON [kernel].[qrtz_job_details] ([sched_name], [job_group], [job_name])");
            migrationBuilder.Sql(@"CREATE INDEX IX_qrtz_t_j ON [kernel].[qrtz_triggers] ([sched_name], [job_name], [job_group])");
            migrationBuilder.Sql(@"CREATE INDEX IX_qrtz_t_c ON [kernel].[qrtz_triggers] ([sched_name], [calendar_name])");
            migrationBuilder.Sql(@"CREATE INDEX IX_qrtz_t_g_n ON [kernel].[qrtz_triggers] ([sched_name], [trigger_group], [trigger_name])");
            migrationBuilder.Sql(@"CREATE INDEX IX_qrtz_t_nft_st ON [kernel].[qrtz_triggers] ([sched_name], [trigger_state], [next_fire_time])");
            migrationBuilder.Sql(@"CREATE INDEX IX_qrtz_ft_inst_job_req_rcvry ON [kernel].[qrtz_fired_triggers] ([sched_name], [instance_name], [requests_recovery])");
            migrationBuilder.Sql(@"CREATE INDEX IX_qrtz_ft_j_g ON [kernel].[qrtz_fired_triggers] ([sched_name], [job_name], [job_group])");
            migrationBuilder.Sql(@"CREATE INDEX IX_qrtz_ft_t_g ON [kernel].[qrtz_fired_triggers] ([sched_name], [trigger_name], [trigger_group])");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(@"DROP TABLE [kernel].[qrtz_locks]");
            migrationBuilder.Sql(@"DROP TABLE [kernel].[qrtz_scheduler_state]");
            migrationBuilder.Sql(@"DROP TABLE [kernel].[qrtz_fired_triggers]");
            migrationBuilder.Sql(@"DROP TABLE [kernel].[qrtz_paused_trigger_grps]");
            migrationBuilder.Sql(@"DROP TABLE [kernel].[qrtz_calendars]");
            migrationBuilder.Sql(@"DROP TABLE [kernel].[qrtz_blob_triggers]");
            migrationBuilder.Sql(@"DROP TABLE [kernel].[qrtz_cron_triggers]");
            migrationBuilder.Sql(@"DROP TABLE [kernel].[qrtz_simprop_triggers]");
            migrationBuilder.Sql(@"DROP TABLE [kernel].[qrtz_simple_triggers]");
            migrationBuilder.Sql(@"DROP TABLE [kernel].[qrtz_triggers]");
            migrationBuilder.Sql(@"DROP TABLE [kernel].[qrtz_job_details]");

            migrationBuilder.DropColumn(
                name: "RenewalReminderSentFor",
                schema: "memberships",
                table: "memberships");
        }
    }
}
