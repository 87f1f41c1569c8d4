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

            // Quartz.NET's ADO job store (the schema Quartz 4.7 validates at start-up), in the kernel's schema: the tables are Quartz's contract, not
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
                [retry_policy] nvarchar(250) NULL,
                [retry_attempt] int NULL,
                [continues_trigger_name] nvarchar(150) NULL,
                [continues_trigger_group] nvarchar(150) NULL,
                [continuation_condition] int NULL,
                [overlap_policy] int NULL,
                [pause_reason] nvarchar(250) NULL,
                [paused_by] nvarchar(200) NULL,
                [paused_at] bigint NULL,
                [misfire_threshold] bigint NULL,
                [fixed_delay] bit NULL,
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
            migrationBuilder.Sql(@"CREATE TABLE [kernel].[qrtz_cron_triggers] (
                [sched_name] nvarchar(120) NOT NULL,
                [trigger_name] nvarchar(150) NOT NULL,
                [trigger_group] nvarchar(150) NOT NULL,
                [cron_expression] nvarchar(120) NOT NULL,
                [time_zone_id] nvarchar(80) NULL,
                CONSTRAINT PK_qrtz_cron_triggers PRIMARY KEY ([sched_name], [trigger_name], [trigger_group]),
                CONSTRAINT FK_qrtz_cron_triggers_qrtz_triggers FOREIGN KEY ([sched_name], [trigger_name], [trigger_group]) REFERENCES [kernel].[qrtz_triggers] ([sched_name], [trigger_name], [trigger_group]) ON DELETE CASCADE
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
            migrationBuilder.Sql(@"CREATE TABLE [kernel].[qrtz_blob_triggers] (
                [sched_name] nvarchar(120) NOT NULL,
                [trigger_name] nvarchar(150) NOT NULL,
                [trigger_group] nvarchar(150) NOT NULL,
                [blob_data] varbinary(max) NULL,
                CONSTRAINT PK_qrtz_blob_triggers PRIMARY KEY ([sched_name], [trigger_name], [trigger_group])
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
                [pause_reason] nvarchar(250) NULL,
                [paused_by] nvarchar(200) NULL,
                [paused_at] bigint NULL,
                CONSTRAINT PK_qrtz_paused_trigger_grps PRIMARY KEY ([sched_name], [trigger_group])
            )");
            migrationBuilder.Sql(@"CREATE TABLE [kernel].[qrtz_paused_job_grps] (
                [sched_name] nvarchar(120) NOT NULL,
                [job_group] nvarchar(150) NOT NULL,
                [pause_reason] nvarchar(250) NULL,
                [paused_by] nvarchar(200) NULL,
                [paused_at] bigint NULL,
                CONSTRAINT PK_qrtz_paused_job_grps PRIMARY KEY ([sched_name], [job_group])
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
                [progress] int NULL,
                [progress_message] nvarchar(250) NULL,
                [interrupt_requested_time] bigint NULL,
                CONSTRAINT PK_qrtz_fired_triggers PRIMARY KEY ([sched_name], [entry_id])
            )");
            migrationBuilder.Sql(@"CREATE TABLE [kernel].[qrtz_scheduler_state] (
                [sched_name] nvarchar(120) NOT NULL,
                [instance_name] nvarchar(200) NOT NULL,
                [last_checkin_time] bigint NOT NULL,
                [checkin_interval] bigint NOT NULL,
                [quartz_version] nvarchar(20) NULL,
                CONSTRAINT PK_qrtz_scheduler_state PRIMARY KEY ([sched_name], [instance_name])
            )");
            migrationBuilder.Sql(@"CREATE TABLE [kernel].[qrtz_locks] (
                [sched_name] nvarchar(120) NOT NULL,
                [lock_name] nvarchar(40) NOT NULL,
                CONSTRAINT PK_qrtz_locks PRIMARY KEY ([sched_name], [lock_name])
            )");
            migrationBuilder.Sql(@"CREATE TABLE [kernel].[qrtz_execution_history] (
                [sched_name] nvarchar(120) NOT NULL,
                [entry_id] nvarchar(140) NOT NULL,
                [instance_name] nvarchar(200) NOT NULL,
                [job_name] nvarchar(150) NOT NULL,
                [job_group] nvarchar(150) NOT NULL,
                [trigger_name] nvarchar(150) NOT NULL,
                [trigger_group] nvarchar(150) NOT NULL,
                [fired_time] bigint NOT NULL,
                [run_time] bigint NOT NULL,
                [succeeded] bit NOT NULL,
                [error_message] nvarchar(1000) NULL,
                [retry_attempt] int NOT NULL DEFAULT 0,
                [retry_scheduled] bit NOT NULL DEFAULT 0,
                [execution_log] nvarchar(max) NULL,
                [result] int NULL,
                [summary] nvarchar(1000) NULL,
                [metrics] nvarchar(max) NULL,
                [manual] bit NULL,
                [fire_instance_id] nvarchar(140) NULL,
                [job_input] nvarchar(max) NULL,
                [job_input_too_large] bit NULL,
                CONSTRAINT PK_qrtz_execution_history PRIMARY KEY ([sched_name], [entry_id])
            )");
            migrationBuilder.Sql(@"CREATE TABLE [kernel].[qrtz_misfire_history] (
                [sched_name] nvarchar(120) NOT NULL,
                [entry_id] nvarchar(140) NOT NULL,
                [instance_name] nvarchar(200) NOT NULL,
                [trigger_name] nvarchar(150) NOT NULL,
                [trigger_group] nvarchar(150) NOT NULL,
                [job_name] nvarchar(150) NULL,
                [job_group] nvarchar(150) NULL,
                [misfire_time] bigint NOT NULL,
                [sched_time] bigint NULL,
                [reason] int NULL,
                CONSTRAINT PK_qrtz_misfire_history PRIMARY KEY ([sched_name], [entry_id])
            )");
            migrationBuilder.Sql(@"CREATE TABLE [kernel].[qrtz_job_status] (
                [sched_name] nvarchar(120) NOT NULL,
                [job_group] nvarchar(150) NOT NULL,
                [job_name] nvarchar(150) NOT NULL,
                [first_fired_time] bigint NOT NULL,
                [last_fired_time] bigint NOT NULL,
                [last_result] int NOT NULL,
                [last_run_time] bigint NOT NULL,
                [last_instance_name] nvarchar(200) NOT NULL,
                [last_entry_id] nvarchar(140) NULL,
                [last_summary] nvarchar(1000) NULL,
                [last_success_time] bigint NULL,
                [last_failure_time] bigint NULL,
                [last_failure_message] nvarchar(1000) NULL,
                [consecutive_failures] int NOT NULL DEFAULT 0,
                [run_count] bigint NOT NULL DEFAULT 0,
                [failure_count] bigint NOT NULL DEFAULT 0,
                CONSTRAINT PK_qrtz_job_status PRIMARY KEY ([sched_name], [job_group], [job_name])
            )");
            migrationBuilder.Sql(@"CREATE INDEX IX_qrtz_j_g_n ON [kernel].[qrtz_job_details] ([sched_name], [job_group], [job_name])");
            migrationBuilder.Sql(@"CREATE INDEX IX_qrtz_t_j ON [kernel].[qrtz_triggers] ([sched_name], [job_name], [job_group])");
            migrationBuilder.Sql(@"CREATE INDEX IX_qrtz_t_g_n ON [kernel].[qrtz_triggers] ([sched_name], [trigger_group], [trigger_name])");
            migrationBuilder.Sql(@"CREATE INDEX IX_qrtz_t_c ON [kernel].[qrtz_triggers] ([sched_name], [calendar_name])");
            migrationBuilder.Sql(@"CREATE INDEX IX_qrtz_t_nft_st ON [kernel].[qrtz_triggers] ([sched_name], [trigger_state], [next_fire_time] ASC, [priority] DESC, [misfire_instr])");
            migrationBuilder.Sql(@"CREATE INDEX IX_qrtz_ft_inst_job_req_rcvry ON [kernel].[qrtz_fired_triggers] ([sched_name], [instance_name], [requests_recovery])");
            migrationBuilder.Sql(@"CREATE INDEX IX_qrtz_ft_j_g ON [kernel].[qrtz_fired_triggers] ([sched_name], [job_name], [job_group])");
            migrationBuilder.Sql(@"CREATE INDEX IX_qrtz_ft_t_g ON [kernel].[qrtz_fired_triggers] ([sched_name], [trigger_name], [trigger_group])");
            migrationBuilder.Sql(@"CREATE INDEX IX_qrtz_eh_fired_time ON [kernel].[qrtz_execution_history] ([sched_name], [fired_time])");
            migrationBuilder.Sql(@"CREATE INDEX IX_qrtz_eh_inst ON [kernel].[qrtz_execution_history] ([sched_name], [instance_name])");
            migrationBuilder.Sql(@"CREATE INDEX IX_qrtz_mh_misfire_time ON [kernel].[qrtz_misfire_history] ([sched_name], [misfire_time])");
            migrationBuilder.Sql(@"CREATE INDEX IX_qrtz_mh_inst ON [kernel].[qrtz_misfire_history] ([sched_name], [instance_name])");
            migrationBuilder.Sql(@"CREATE INDEX IX_qrtz_eh_job_time ON [kernel].[qrtz_execution_history] ([sched_name], [job_group], [job_name], [fired_time])");
            migrationBuilder.Sql(@"CREATE INDEX IX_qrtz_eh_fire_inst ON [kernel].[qrtz_execution_history] ([sched_name], [fire_instance_id])");
            migrationBuilder.Sql(@"CREATE INDEX IX_qrtz_eh_trig_time ON [kernel].[qrtz_execution_history] ([sched_name], [trigger_group], [trigger_name], [fired_time])");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(@"DROP TABLE [kernel].[qrtz_job_status]");
            migrationBuilder.Sql(@"DROP TABLE [kernel].[qrtz_misfire_history]");
            migrationBuilder.Sql(@"DROP TABLE [kernel].[qrtz_execution_history]");
            migrationBuilder.Sql(@"DROP TABLE [kernel].[qrtz_locks]");
            migrationBuilder.Sql(@"DROP TABLE [kernel].[qrtz_scheduler_state]");
            migrationBuilder.Sql(@"DROP TABLE [kernel].[qrtz_fired_triggers]");
            migrationBuilder.Sql(@"DROP TABLE [kernel].[qrtz_paused_job_grps]");
            migrationBuilder.Sql(@"DROP TABLE [kernel].[qrtz_paused_trigger_grps]");
            migrationBuilder.Sql(@"DROP TABLE [kernel].[qrtz_calendars]");
            migrationBuilder.Sql(@"DROP TABLE [kernel].[qrtz_blob_triggers]");
            migrationBuilder.Sql(@"DROP TABLE [kernel].[qrtz_simprop_triggers]");
            migrationBuilder.Sql(@"DROP TABLE [kernel].[qrtz_cron_triggers]");
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
