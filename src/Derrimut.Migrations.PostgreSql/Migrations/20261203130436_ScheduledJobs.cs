using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Derrimut.Migrations.PostgreSql.Migrations
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
                type: "timestamp with time zone",
                nullable: true);

            // Quartz.NET's ADO job store (the schema Quartz 4.7 validates at start-up), in the kernel's schema: the tables are Quartz's contract, not
            // part of our EF model, so they are written out here (and frozen with this migration) rather than mapped.
            // See docs/decisions/0024-scheduled-jobs-on-quartz.md and JobsRegistration.TablePrefix.
            migrationBuilder.EnsureSchema(name: "kernel");
            migrationBuilder.Sql(@"CREATE TABLE kernel.qrtz_job_details (
                sched_name text NOT NULL,
                job_name text NOT NULL,
                job_group text NOT NULL,
                description text NULL,
                job_class_name text NOT NULL,
                is_durable bool NOT NULL,
                is_nonconcurrent bool NOT NULL,
                is_update_data bool NOT NULL,
                requests_recovery bool NOT NULL,
                job_data bytea NULL,
                CONSTRAINT pk_qrtz_job_details PRIMARY KEY (sched_name, job_name, job_group)
            )");
            migrationBuilder.Sql(@"CREATE TABLE kernel.qrtz_triggers (
                sched_name text NOT NULL,
                trigger_name text NOT NULL,
                trigger_group text NOT NULL,
                job_name text NOT NULL,
                job_group text NOT NULL,
                description text NULL,
                next_fire_time bigint NULL,
                prev_fire_time bigint NULL,
                priority integer NULL,
                trigger_state text NOT NULL,
                trigger_type text NOT NULL,
                start_time bigint NOT NULL,
                end_time bigint NULL,
                calendar_name text NULL,
                misfire_instr smallint NULL,
                misfire_orig_fire_time bigint NULL,
                execution_group varchar(200) NULL,
                preferred_node varchar(200) NULL,
                preferred_node_auto bool NOT NULL DEFAULT false,
                retry_policy varchar(250) NULL,
                retry_attempt integer NULL,
                continues_trigger_name text NULL,
                continues_trigger_group text NULL,
                continuation_condition integer NULL,
                overlap_policy integer NULL,
                pause_reason varchar(250) NULL,
                paused_by varchar(200) NULL,
                paused_at bigint NULL,
                misfire_threshold bigint NULL,
                fixed_delay bool NULL,
                job_data bytea NULL,
                CONSTRAINT pk_qrtz_triggers PRIMARY KEY (sched_name, trigger_name, trigger_group),
                CONSTRAINT fk_qrtz_triggers_qrtz_job_details FOREIGN KEY (sched_name, job_name, job_group) REFERENCES kernel.qrtz_job_details (sched_name, job_name, job_group)
            )");
            migrationBuilder.Sql(@"CREATE TABLE kernel.qrtz_simple_triggers (
                sched_name text NOT NULL,
                trigger_name text NOT NULL,
                trigger_group text NOT NULL,
                repeat_count bigint NOT NULL,
                repeat_interval bigint NOT NULL,
                times_triggered bigint NOT NULL,
                CONSTRAINT pk_qrtz_simple_triggers PRIMARY KEY (sched_name, trigger_name, trigger_group),
                CONSTRAINT fk_qrtz_simple_triggers_qrtz_triggers FOREIGN KEY (sched_name, trigger_name, trigger_group) REFERENCES kernel.qrtz_triggers (sched_name, trigger_name, trigger_group) ON DELETE CASCADE
            )");
            migrationBuilder.Sql(@"CREATE TABLE kernel.qrtz_cron_triggers (
                sched_name text NOT NULL,
                trigger_name text NOT NULL,
                trigger_group text NOT NULL,
                cron_expression text NOT NULL,
                time_zone_id text NULL,
                CONSTRAINT pk_qrtz_cron_triggers PRIMARY KEY (sched_name, trigger_name, trigger_group),
                CONSTRAINT fk_qrtz_cron_triggers_qrtz_triggers FOREIGN KEY (sched_name, trigger_name, trigger_group) REFERENCES kernel.qrtz_triggers (sched_name, trigger_name, trigger_group) ON DELETE CASCADE
            )");
            migrationBuilder.Sql(@"CREATE TABLE kernel.qrtz_simprop_triggers (
                sched_name text NOT NULL,
                trigger_name text NOT NULL,
                trigger_group text NOT NULL,
                str_prop_1 text NULL,
                str_prop_2 text NULL,
                str_prop_3 text NULL,
                int_prop_1 integer NULL,
                int_prop_2 integer NULL,
                long_prop_1 bigint NULL,
                long_prop_2 bigint NULL,
                dec_prop_1 numeric NULL,
                dec_prop_2 numeric NULL,
                bool_prop_1 bool NULL,
                bool_prop_2 bool NULL,
                time_zone_id text NULL,
                CONSTRAINT pk_qrtz_simprop_triggers PRIMARY KEY (sched_name, trigger_name, trigger_group),
                CONSTRAINT fk_qrtz_simprop_triggers_qrtz_triggers FOREIGN KEY (sched_name, trigger_name, trigger_group) REFERENCES kernel.qrtz_triggers (sched_name, trigger_name, trigger_group) ON DELETE CASCADE
            )");
            migrationBuilder.Sql(@"CREATE TABLE kernel.qrtz_blob_triggers (
                sched_name text NOT NULL,
                trigger_name text NOT NULL,
                trigger_group text NOT NULL,
                blob_data bytea NULL,
                CONSTRAINT pk_qrtz_blob_triggers PRIMARY KEY (sched_name, trigger_name, trigger_group),
                CONSTRAINT fk_qrtz_blob_triggers_qrtz_triggers FOREIGN KEY (sched_name, trigger_name, trigger_group) REFERENCES kernel.qrtz_triggers (sched_name, trigger_name, trigger_group) ON DELETE CASCADE
            )");
            migrationBuilder.Sql(@"CREATE TABLE kernel.qrtz_calendars (
                sched_name text NOT NULL,
                calendar_name text NOT NULL,
                calendar bytea NOT NULL,
                CONSTRAINT pk_qrtz_calendars PRIMARY KEY (sched_name, calendar_name)
            )");
            migrationBuilder.Sql(@"CREATE TABLE kernel.qrtz_paused_trigger_grps (
                sched_name text NOT NULL,
                trigger_group text NOT NULL,
                pause_reason varchar(250) NULL,
                paused_by varchar(200) NULL,
                paused_at bigint NULL,
                CONSTRAINT pk_qrtz_paused_trigger_grps PRIMARY KEY (sched_name, trigger_group)
            )");
            migrationBuilder.Sql(@"CREATE TABLE kernel.qrtz_paused_job_grps (
                sched_name text NOT NULL,
                job_group text NOT NULL,
                pause_reason varchar(250) NULL,
                paused_by varchar(200) NULL,
                paused_at bigint NULL,
                CONSTRAINT pk_qrtz_paused_job_grps PRIMARY KEY (sched_name, job_group)
            )");
            migrationBuilder.Sql(@"CREATE TABLE kernel.qrtz_fired_triggers (
                sched_name text NOT NULL,
                entry_id text NOT NULL,
                trigger_name text NOT NULL,
                trigger_group text NOT NULL,
                instance_name text NOT NULL,
                fired_time bigint NOT NULL,
                sched_time bigint NOT NULL,
                priority integer NOT NULL,
                state text NOT NULL,
                job_name text NULL,
                job_group text NULL,
                is_nonconcurrent bool NOT NULL,
                requests_recovery bool NULL,
                execution_group varchar(200) NULL,
                progress integer NULL,
                progress_message varchar(250) NULL,
                interrupt_requested_time bigint NULL,
                CONSTRAINT pk_qrtz_fired_triggers PRIMARY KEY (sched_name, entry_id)
            )");
            migrationBuilder.Sql(@"CREATE TABLE kernel.qrtz_scheduler_state (
                sched_name text NOT NULL,
                instance_name text NOT NULL,
                last_checkin_time bigint NOT NULL,
                checkin_interval bigint NOT NULL,
                quartz_version varchar(20) NULL,
                CONSTRAINT pk_qrtz_scheduler_state PRIMARY KEY (sched_name, instance_name)
            )");
            migrationBuilder.Sql(@"CREATE TABLE kernel.qrtz_locks (
                sched_name text NOT NULL,
                lock_name text NOT NULL,
                CONSTRAINT pk_qrtz_locks PRIMARY KEY (sched_name, lock_name)
            )");
            migrationBuilder.Sql(@"CREATE TABLE kernel.qrtz_execution_history (
                sched_name text NOT NULL,
                entry_id text NOT NULL,
                instance_name text NOT NULL,
                job_name text NOT NULL,
                job_group text NOT NULL,
                trigger_name text NOT NULL,
                trigger_group text NOT NULL,
                fired_time bigint NOT NULL,
                run_time bigint NOT NULL,
                succeeded bool NOT NULL,
                error_message text NULL,
                retry_attempt integer NOT NULL DEFAULT 0,
                retry_scheduled bool NOT NULL DEFAULT false,
                execution_log text NULL,
                result integer NULL,
                summary text NULL,
                metrics text NULL,
                manual bool NULL,
                fire_instance_id text NULL,
                job_input text NULL,
                job_input_too_large bool NULL,
                CONSTRAINT pk_qrtz_execution_history PRIMARY KEY (sched_name, entry_id)
            )");
            migrationBuilder.Sql(@"CREATE TABLE kernel.qrtz_misfire_history (
                sched_name text NOT NULL,
                entry_id text NOT NULL,
                instance_name text NOT NULL,
                trigger_name text NOT NULL,
                trigger_group text NOT NULL,
                job_name text NULL,
                job_group text NULL,
                misfire_time bigint NOT NULL,
                sched_time bigint NULL,
                reason integer NULL,
                CONSTRAINT pk_qrtz_misfire_history PRIMARY KEY (sched_name, entry_id)
            )");
            migrationBuilder.Sql(@"CREATE TABLE kernel.qrtz_job_status (
                sched_name text NOT NULL,
                job_group text NOT NULL,
                job_name text NOT NULL,
                first_fired_time bigint NOT NULL,
                last_fired_time bigint NOT NULL,
                last_result integer NOT NULL,
                last_run_time bigint NOT NULL,
                last_instance_name text NOT NULL,
                last_entry_id text NULL,
                last_summary text NULL,
                last_success_time bigint NULL,
                last_failure_time bigint NULL,
                last_failure_message text NULL,
                consecutive_failures integer NOT NULL DEFAULT 0,
                run_count bigint NOT NULL DEFAULT 0,
                failure_count bigint NOT NULL DEFAULT 0,
                CONSTRAINT pk_qrtz_job_status PRIMARY KEY (sched_name, job_group, job_name)
            )");
            migrationBuilder.Sql(@"CREATE INDEX ix_qrtz_j_g_n ON kernel.qrtz_job_details (sched_name, job_group, job_name)");
            migrationBuilder.Sql(@"CREATE INDEX ix_qrtz_t_j ON kernel.qrtz_triggers (sched_name, job_name, job_group)");
            migrationBuilder.Sql(@"CREATE INDEX ix_qrtz_t_g_n ON kernel.qrtz_triggers (sched_name, trigger_group, trigger_name)");
            migrationBuilder.Sql(@"CREATE INDEX ix_qrtz_t_c ON kernel.qrtz_triggers (sched_name, calendar_name)");
            migrationBuilder.Sql(@"CREATE INDEX ix_qrtz_t_nft_st ON kernel.qrtz_triggers (sched_name, trigger_state, next_fire_time ASC, priority DESC, misfire_instr)");
            migrationBuilder.Sql(@"CREATE INDEX ix_qrtz_ft_inst_job_req_rcvry ON kernel.qrtz_fired_triggers (sched_name, instance_name, requests_recovery)");
            migrationBuilder.Sql(@"CREATE INDEX ix_qrtz_ft_j_g ON kernel.qrtz_fired_triggers (sched_name, job_name, job_group)");
            migrationBuilder.Sql(@"CREATE INDEX ix_qrtz_ft_t_g ON kernel.qrtz_fired_triggers (sched_name, trigger_name, trigger_group)");
            migrationBuilder.Sql(@"CREATE INDEX ix_qrtz_eh_fired_time ON kernel.qrtz_execution_history (sched_name, fired_time)");
            migrationBuilder.Sql(@"CREATE INDEX ix_qrtz_eh_inst ON kernel.qrtz_execution_history (sched_name, instance_name)");
            migrationBuilder.Sql(@"CREATE INDEX ix_qrtz_mh_misfire_time ON kernel.qrtz_misfire_history (sched_name, misfire_time)");
            migrationBuilder.Sql(@"CREATE INDEX ix_qrtz_mh_inst ON kernel.qrtz_misfire_history (sched_name, instance_name)");
            migrationBuilder.Sql(@"CREATE INDEX ix_qrtz_eh_job_time ON kernel.qrtz_execution_history (sched_name, job_group, job_name, fired_time)");
            migrationBuilder.Sql(@"CREATE INDEX ix_qrtz_eh_fire_inst ON kernel.qrtz_execution_history (sched_name, fire_instance_id)");
            migrationBuilder.Sql(@"CREATE INDEX ix_qrtz_eh_trig_time ON kernel.qrtz_execution_history (sched_name, trigger_group, trigger_name, fired_time)");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(@"DROP TABLE kernel.qrtz_job_status");
            migrationBuilder.Sql(@"DROP TABLE kernel.qrtz_misfire_history");
            migrationBuilder.Sql(@"DROP TABLE kernel.qrtz_execution_history");
            migrationBuilder.Sql(@"DROP TABLE kernel.qrtz_locks");
            migrationBuilder.Sql(@"DROP TABLE kernel.qrtz_scheduler_state");
            migrationBuilder.Sql(@"DROP TABLE kernel.qrtz_fired_triggers");
            migrationBuilder.Sql(@"DROP TABLE kernel.qrtz_paused_job_grps");
            migrationBuilder.Sql(@"DROP TABLE kernel.qrtz_paused_trigger_grps");
            migrationBuilder.Sql(@"DROP TABLE kernel.qrtz_calendars");
            migrationBuilder.Sql(@"DROP TABLE kernel.qrtz_blob_triggers");
            migrationBuilder.Sql(@"DROP TABLE kernel.qrtz_simprop_triggers");
            migrationBuilder.Sql(@"DROP TABLE kernel.qrtz_cron_triggers");
            migrationBuilder.Sql(@"DROP TABLE kernel.qrtz_simple_triggers");
            migrationBuilder.Sql(@"DROP TABLE kernel.qrtz_triggers");
            migrationBuilder.Sql(@"DROP TABLE kernel.qrtz_job_details");

            migrationBuilder.DropColumn(
                name: "RenewalReminderSentFor",
                schema: "memberships",
                table: "memberships");
        }
    }
}
