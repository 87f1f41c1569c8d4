using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Derrimut.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ScheduledJobs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "RenewalReminderSentFor",
                table: "memberships_memberships",
                type: "INTEGER",
                nullable: true);

            // Quartz.NET's ADO job store (the schema Quartz 4.7 validates at start-up), in the kernel's schema: the tables are Quartz's contract, not
            // part of our EF model, so they are written out here (and frozen with this migration) rather than mapped.
            // See docs/decisions/0024-scheduled-jobs-on-quartz.md and JobsRegistration.TablePrefix.
            migrationBuilder.Sql(@"CREATE TABLE kernel_qrtz_job_details (
                sched_name TEXT NOT NULL,
                job_name TEXT NOT NULL,
                job_group TEXT NOT NULL,
                description TEXT NULL,
                job_class_name TEXT NOT NULL,
                is_durable BOOLEAN NOT NULL,
                is_nonconcurrent BOOLEAN NOT NULL,
                is_update_data BOOLEAN NOT NULL,
                requests_recovery BOOLEAN NOT NULL,
                job_data BLOB NULL,
                CONSTRAINT PK_kernel_qrtz_job_details PRIMARY KEY (sched_name, job_name, job_group)
            )");
            migrationBuilder.Sql(@"CREATE TABLE kernel_qrtz_triggers (
                sched_name TEXT NOT NULL,
                trigger_name TEXT NOT NULL,
                trigger_group TEXT NOT NULL,
                job_name TEXT NOT NULL,
                job_group TEXT NOT NULL,
                description TEXT NULL,
                next_fire_time INTEGER NULL,
                prev_fire_time INTEGER NULL,
                priority INTEGER NULL,
                trigger_state TEXT NOT NULL,
                trigger_type TEXT NOT NULL,
                start_time INTEGER NOT NULL,
                end_time INTEGER NULL,
                calendar_name TEXT NULL,
                misfire_instr INTEGER NULL,
                misfire_orig_fire_time INTEGER NULL,
                execution_group TEXT NULL,
                preferred_node TEXT NULL,
                preferred_node_auto BOOLEAN NOT NULL DEFAULT 0,
                retry_policy TEXT NULL,
                retry_attempt INTEGER NULL,
                continues_trigger_name TEXT NULL,
                continues_trigger_group TEXT NULL,
                continuation_condition INTEGER NULL,
                overlap_policy INTEGER NULL,
                pause_reason TEXT NULL,
                paused_by TEXT NULL,
                paused_at INTEGER NULL,
                misfire_threshold INTEGER NULL,
                fixed_delay BOOLEAN NULL,
                job_data BLOB NULL,
                CONSTRAINT PK_kernel_qrtz_triggers PRIMARY KEY (sched_name, trigger_name, trigger_group),
                CONSTRAINT FK_kernel_qrtz_triggers_kernel_qrtz_job_details FOREIGN KEY (sched_name, job_name, job_group) REFERENCES kernel_qrtz_job_details (sched_name, job_name, job_group)
            )");
            migrationBuilder.Sql(@"CREATE TABLE kernel_qrtz_simple_triggers (
                sched_name TEXT NOT NULL,
                trigger_name TEXT NOT NULL,
                trigger_group TEXT NOT NULL,
                repeat_count INTEGER NOT NULL,
                repeat_interval INTEGER NOT NULL,
                times_triggered INTEGER NOT NULL,
                CONSTRAINT PK_kernel_qrtz_simple_triggers PRIMARY KEY (sched_name, trigger_name, trigger_group),
                CONSTRAINT FK_kernel_qrtz_simple_triggers_kernel_qrtz_triggers FOREIGN KEY (sched_name, trigger_name, trigger_group) REFERENCES kernel_qrtz_triggers (sched_name, trigger_name, trigger_group) ON DELETE CASCADE
            )");
            migrationBuilder.Sql(@"CREATE TRIGGER kernel_qrtz_simple_triggers_cascade AFTER DELETE ON kernel_qrtz_triggers
            BEGIN
                DELETE FROM kernel_qrtz_simple_triggers WHERE sched_name = OLD.sched_name AND trigger_name = OLD.trigger_name AND trigger_group = OLD.trigger_group;
            END");
            migrationBuilder.Sql(@"CREATE TABLE kernel_qrtz_cron_triggers (
                sched_name TEXT NOT NULL,
                trigger_name TEXT NOT NULL,
                trigger_group TEXT NOT NULL,
                cron_expression TEXT NOT NULL,
                time_zone_id TEXT NULL,
                CONSTRAINT PK_kernel_qrtz_cron_triggers PRIMARY KEY (sched_name, trigger_name, trigger_group),
                CONSTRAINT FK_kernel_qrtz_cron_triggers_kernel_qrtz_triggers FOREIGN KEY (sched_name, trigger_name, trigger_group) REFERENCES kernel_qrtz_triggers (sched_name, trigger_name, trigger_group) ON DELETE CASCADE
            )");
            migrationBuilder.Sql(@"CREATE TRIGGER kernel_qrtz_cron_triggers_cascade AFTER DELETE ON kernel_qrtz_triggers
            BEGIN
                DELETE FROM kernel_qrtz_cron_triggers WHERE sched_name = OLD.sched_name AND trigger_name = OLD.trigger_name AND trigger_group = OLD.trigger_group;
            END");
            migrationBuilder.Sql(@"CREATE TABLE kernel_qrtz_simprop_triggers (
                sched_name TEXT NOT NULL,
                trigger_name TEXT NOT NULL,
                trigger_group TEXT NOT NULL,
                str_prop_1 TEXT NULL,
                str_prop_2 TEXT NULL,
                str_prop_3 TEXT NULL,
                int_prop_1 INTEGER NULL,
                int_prop_2 INTEGER NULL,
                long_prop_1 INTEGER NULL,
                long_prop_2 INTEGER NULL,
                dec_prop_1 NUMERIC NULL,
                dec_prop_2 NUMERIC NULL,
                bool_prop_1 BOOLEAN NULL,
                bool_prop_2 BOOLEAN NULL,
                time_zone_id TEXT NULL,
                CONSTRAINT PK_kernel_qrtz_simprop_triggers PRIMARY KEY (sched_name, trigger_name, trigger_group),
                CONSTRAINT FK_kernel_qrtz_simprop_triggers_kernel_qrtz_triggers FOREIGN KEY (sched_name, trigger_name, trigger_group) REFERENCES kernel_qrtz_triggers (sched_name, trigger_name, trigger_group) ON DELETE CASCADE
            )");
            migrationBuilder.Sql(@"CREATE TRIGGER kernel_qrtz_simprop_triggers_cascade AFTER DELETE ON kernel_qrtz_triggers
            BEGIN
                DELETE FROM kernel_qrtz_simprop_triggers WHERE sched_name = OLD.sched_name AND trigger_name = OLD.trigger_name AND trigger_group = OLD.trigger_group;
            END");
            migrationBuilder.Sql(@"CREATE TABLE kernel_qrtz_blob_triggers (
                sched_name TEXT NOT NULL,
                trigger_name TEXT NOT NULL,
                trigger_group TEXT NOT NULL,
                blob_data BLOB NULL,
                CONSTRAINT PK_kernel_qrtz_blob_triggers PRIMARY KEY (sched_name, trigger_name, trigger_group),
                CONSTRAINT FK_kernel_qrtz_blob_triggers_kernel_qrtz_triggers FOREIGN KEY (sched_name, trigger_name, trigger_group) REFERENCES kernel_qrtz_triggers (sched_name, trigger_name, trigger_group) ON DELETE CASCADE
            )");
            migrationBuilder.Sql(@"CREATE TRIGGER kernel_qrtz_blob_triggers_cascade AFTER DELETE ON kernel_qrtz_triggers
            BEGIN
                DELETE FROM kernel_qrtz_blob_triggers WHERE sched_name = OLD.sched_name AND trigger_name = OLD.trigger_name AND trigger_group = OLD.trigger_group;
            END");
            migrationBuilder.Sql(@"CREATE TABLE kernel_qrtz_calendars (
                sched_name TEXT NOT NULL,
                calendar_name TEXT NOT NULL,
                calendar BLOB NOT NULL,
                CONSTRAINT PK_kernel_qrtz_calendars PRIMARY KEY (sched_name, calendar_name)
            )");
            migrationBuilder.Sql(@"CREATE TABLE kernel_qrtz_paused_trigger_grps (
                sched_name TEXT NOT NULL,
                trigger_group TEXT NOT NULL,
                pause_reason TEXT NULL,
                paused_by TEXT NULL,
                paused_at INTEGER NULL,
                CONSTRAINT PK_kernel_qrtz_paused_trigger_grps PRIMARY KEY (sched_name, trigger_group)
            )");
            migrationBuilder.Sql(@"CREATE TABLE kernel_qrtz_paused_job_grps (
                sched_name TEXT NOT NULL,
                job_group TEXT NOT NULL,
                pause_reason TEXT NULL,
                paused_by TEXT NULL,
                paused_at INTEGER NULL,
                CONSTRAINT PK_kernel_qrtz_paused_job_grps PRIMARY KEY (sched_name, job_group)
            )");
            migrationBuilder.Sql(@"CREATE TABLE kernel_qrtz_fired_triggers (
                sched_name TEXT NOT NULL,
                entry_id TEXT NOT NULL,
                trigger_name TEXT NOT NULL,
                trigger_group TEXT NOT NULL,
                instance_name TEXT NOT NULL,
                fired_time INTEGER NOT NULL,
                sched_time INTEGER NOT NULL,
                priority INTEGER NOT NULL,
                state TEXT NOT NULL,
                job_name TEXT NULL,
                job_group TEXT NULL,
                is_nonconcurrent BOOLEAN NULL,
                requests_recovery BOOLEAN NULL,
                execution_group TEXT NULL,
                progress INTEGER NULL,
                progress_message TEXT NULL,
                interrupt_requested_time INTEGER NULL,
                CONSTRAINT PK_kernel_qrtz_fired_triggers PRIMARY KEY (sched_name, entry_id)
            )");
            migrationBuilder.Sql(@"CREATE TABLE kernel_qrtz_scheduler_state (
                sched_name TEXT NOT NULL,
                instance_name TEXT NOT NULL,
                last_checkin_time INTEGER NOT NULL,
                checkin_interval INTEGER NOT NULL,
                quartz_version TEXT NULL,
                CONSTRAINT PK_kernel_qrtz_scheduler_state PRIMARY KEY (sched_name, instance_name)
            )");
            migrationBuilder.Sql(@"CREATE TABLE kernel_qrtz_locks (
                sched_name TEXT NOT NULL,
                lock_name TEXT NOT NULL,
                CONSTRAINT PK_kernel_qrtz_locks PRIMARY KEY (sched_name, lock_name)
            )");
            migrationBuilder.Sql(@"CREATE TABLE kernel_qrtz_execution_history (
                sched_name TEXT NOT NULL,
                entry_id TEXT NOT NULL,
                instance_name TEXT NOT NULL,
                job_name TEXT NOT NULL,
                job_group TEXT NOT NULL,
                trigger_name TEXT NOT NULL,
                trigger_group TEXT NOT NULL,
                fired_time INTEGER NOT NULL,
                run_time INTEGER NOT NULL,
                succeeded BOOLEAN NOT NULL,
                error_message TEXT NULL,
                retry_attempt INTEGER NOT NULL DEFAULT 0,
                retry_scheduled BOOLEAN NOT NULL DEFAULT 0,
                execution_log TEXT NULL,
                result INTEGER NULL,
                summary TEXT NULL,
                metrics TEXT NULL,
                manual BOOLEAN NULL,
                fire_instance_id TEXT NULL,
                job_input TEXT NULL,
                job_input_too_large BOOLEAN NULL,
                CONSTRAINT PK_kernel_qrtz_execution_history PRIMARY KEY (sched_name, entry_id)
            )");
            migrationBuilder.Sql(@"CREATE TABLE kernel_qrtz_misfire_history (
                sched_name TEXT NOT NULL,
                entry_id TEXT NOT NULL,
                instance_name TEXT NOT NULL,
                trigger_name TEXT NOT NULL,
                trigger_group TEXT NOT NULL,
                job_name TEXT NULL,
                job_group TEXT NULL,
                misfire_time INTEGER NOT NULL,
                sched_time INTEGER NULL,
                reason INTEGER NULL,
                CONSTRAINT PK_kernel_qrtz_misfire_history PRIMARY KEY (sched_name, entry_id)
            )");
            migrationBuilder.Sql(@"CREATE TABLE kernel_qrtz_job_status (
                sched_name TEXT NOT NULL,
                job_group TEXT NOT NULL,
                job_name TEXT NOT NULL,
                first_fired_time INTEGER NOT NULL,
                last_fired_time INTEGER NOT NULL,
                last_result INTEGER NOT NULL,
                last_run_time INTEGER NOT NULL,
                last_instance_name TEXT NOT NULL,
                last_entry_id TEXT NULL,
                last_summary TEXT NULL,
                last_success_time INTEGER NULL,
                last_failure_time INTEGER NULL,
                last_failure_message TEXT NULL,
                consecutive_failures INTEGER NOT NULL DEFAULT 0,
                run_count INTEGER NOT NULL DEFAULT 0,
                failure_count INTEGER NOT NULL DEFAULT 0,
                CONSTRAINT PK_kernel_qrtz_job_status PRIMARY KEY (sched_name, job_group, job_name)
            )");
            migrationBuilder.Sql(@"CREATE INDEX IX_kernel_qrtz_j_g_n ON kernel_qrtz_job_details (sched_name, job_group, job_name)");
            migrationBuilder.Sql(@"CREATE INDEX IX_kernel_qrtz_t_j ON kernel_qrtz_triggers (sched_name, job_name, job_group)");
            migrationBuilder.Sql(@"CREATE INDEX IX_kernel_qrtz_t_g_n ON kernel_qrtz_triggers (sched_name, trigger_group, trigger_name)");
            migrationBuilder.Sql(@"CREATE INDEX IX_kernel_qrtz_t_c ON kernel_qrtz_triggers (sched_name, calendar_name)");
            migrationBuilder.Sql(@"CREATE INDEX IX_kernel_qrtz_t_nft_st ON kernel_qrtz_triggers (sched_name, trigger_state, next_fire_time ASC, priority DESC, misfire_instr)");
            migrationBuilder.Sql(@"CREATE INDEX IX_kernel_qrtz_ft_inst_job_req_rcvry ON kernel_qrtz_fired_triggers (sched_name, instance_name, requests_recovery)");
            migrationBuilder.Sql(@"CREATE INDEX IX_kernel_qrtz_ft_j_g ON kernel_qrtz_fired_triggers (sched_name, job_name, job_group)");
            migrationBuilder.Sql(@"CREATE INDEX IX_kernel_qrtz_ft_t_g ON kernel_qrtz_fired_triggers (sched_name, trigger_name, trigger_group)");
            migrationBuilder.Sql(@"CREATE INDEX IX_kernel_qrtz_eh_fired_time ON kernel_qrtz_execution_history (sched_name, fired_time)");
            migrationBuilder.Sql(@"CREATE INDEX IX_kernel_qrtz_eh_inst ON kernel_qrtz_execution_history (sched_name, instance_name)");
            migrationBuilder.Sql(@"CREATE INDEX IX_kernel_qrtz_mh_misfire_time ON kernel_qrtz_misfire_history (sched_name, misfire_time)");
            migrationBuilder.Sql(@"CREATE INDEX IX_kernel_qrtz_mh_inst ON kernel_qrtz_misfire_history (sched_name, instance_name)");
            migrationBuilder.Sql(@"CREATE INDEX IX_kernel_qrtz_eh_job_time ON kernel_qrtz_execution_history (sched_name, job_group, job_name, fired_time)");
            migrationBuilder.Sql(@"CREATE INDEX IX_kernel_qrtz_eh_fire_inst ON kernel_qrtz_execution_history (sched_name, fire_instance_id)");
            migrationBuilder.Sql(@"CREATE INDEX IX_kernel_qrtz_eh_trig_time ON kernel_qrtz_execution_history (sched_name, trigger_group, trigger_name, fired_time)");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(@"DROP TABLE kernel_qrtz_job_status");
            migrationBuilder.Sql(@"DROP TABLE kernel_qrtz_misfire_history");
            migrationBuilder.Sql(@"DROP TABLE kernel_qrtz_execution_history");
            migrationBuilder.Sql(@"DROP TABLE kernel_qrtz_locks");
            migrationBuilder.Sql(@"DROP TABLE kernel_qrtz_scheduler_state");
            migrationBuilder.Sql(@"DROP TABLE kernel_qrtz_fired_triggers");
            migrationBuilder.Sql(@"DROP TABLE kernel_qrtz_paused_job_grps");
            migrationBuilder.Sql(@"DROP TABLE kernel_qrtz_paused_trigger_grps");
            migrationBuilder.Sql(@"DROP TABLE kernel_qrtz_calendars");
            migrationBuilder.Sql(@"DROP TABLE kernel_qrtz_blob_triggers");
            migrationBuilder.Sql(@"DROP TABLE kernel_qrtz_simprop_triggers");
            migrationBuilder.Sql(@"DROP TABLE kernel_qrtz_cron_triggers");
            migrationBuilder.Sql(@"DROP TABLE kernel_qrtz_simple_triggers");
            migrationBuilder.Sql(@"DROP TABLE kernel_qrtz_triggers");
            migrationBuilder.Sql(@"DROP TABLE kernel_qrtz_job_details");

            migrationBuilder.DropColumn(
                name: "RenewalReminderSentFor",
                table: "memberships_memberships");
        }
    }
}
