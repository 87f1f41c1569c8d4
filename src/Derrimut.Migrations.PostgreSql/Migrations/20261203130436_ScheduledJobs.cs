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

            // Quartz.NET's ADO job store (Quartz 4.x schema), in the kernel's schema: the tables are Quartz's contract, not
            // part of our EF model, so they are written out here (and frozen with this migration) rather than mapped.
            // See docs/decisions/0024-scheduled-jobs-on-quartz.md and JobsRegistration.TablePrefix.
            migrationBuilder.EnsureSchema(name: "kernel");
            migrationBuilder.Sql(@"CREATE TABLE kernel.qrtz_job_details (
                    sched_name text NOT NULL,
                    job_name text NOT NULL,
                    job_group text NOT NULL,
                    description text NULL,
                    job_class_name text NOT NULL,
                    is_durable boolean NOT NULL,
                    is_nonconcurrent boolean NOT NULL,
                    is_update_data boolean NOT NULL,
                    requests_recovery boolean NOT NULL,
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
                    execution_group text NULL,
                    preferred_node text NULL,
                    preferred_node_auto boolean NOT NULL DEFAULT false,
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
                    bool_prop_1 boolean NULL,
                    bool_prop_2 boolean NULL,
                    time_zone_id text NULL,
                    CONSTRAINT pk_qrtz_simprop_triggers PRIMARY KEY (sched_name, trigger_name, trigger_group),
                    CONSTRAINT fk_qrtz_simprop_triggers_qrtz_triggers FOREIGN KEY (sched_name, trigger_name, trigger_group) REFERENCES kernel.qrtz_triggers (sched_name, trigger_name, trigger_group) ON DELETE CASCADE
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
                    CONSTRAINT pk_qrtz_paused_trigger_grps PRIMARY KEY (sched_name, trigger_group)
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
                    is_nonconcurrent boolean NULL,
                    requests_recovery boolean NULL,
                    execution_group text NULL,
                    CONSTRAINT pk_qrtz_fired_triggers PRIMARY KEY (sched_name, entry_id)
                )");
            migrationBuilder.Sql(@"CREATE TABLE kernel.qrtz_scheduler_state (
                    sched_name text NOT NULL,
                    instance_name text NOT NULL,
                    last_checkin_time bigint NOT NULL,
                    checkin_interval bigint NOT NULL,
                    CONSTRAINT pk_qrtz_scheduler_state PRIMARY KEY (sched_name, instance_name)
                )");
            migrationBuilder.Sql(@"CREATE TABLE kernel.qrtz_locks (
                    sched_name text NOT NULL,
                    lock_name text NOT NULL,
                    CONSTRAINT pk_qrtz_locks PRIMARY KEY (sched_name, lock_name)
                )");
            migrationBuilder.Sql(@"CREATE INDEX ix_qrtz_j_g_n ON kernel.qrtz_job_details (sched_name, job_group, job_name)");
            migrationBuilder.Sql(@"CREATE INDEX ix_qrtz_t_j ON kernel.qrtz_triggers (sched_name, job_name, job_group)");
            migrationBuilder.Sql(@"CREATE INDEX ix_qrtz_t_c ON kernel.qrtz_triggers (sched_name, calendar_name)");
            migrationBuilder.Sql(@"CREATE INDEX ix_qrtz_t_g_n ON kernel.qrtz_triggers (sched_name, trigger_group, trigger_name)");
            migrationBuilder.Sql(@"CREATE INDEX ix_qrtz_t_nft_st ON kernel.qrtz_triggers (sched_name, trigger_state, next_fire_time)");
            migrationBuilder.Sql(@"CREATE INDEX ix_qrtz_ft_inst_job_req_rcvry ON kernel.qrtz_fired_triggers (sched_name, instance_name, requests_recovery)");
            migrationBuilder.Sql(@"CREATE INDEX ix_qrtz_ft_j_g ON kernel.qrtz_fired_triggers (sched_name, job_name, job_group)");
            migrationBuilder.Sql(@"CREATE INDEX ix_qrtz_ft_t_g ON kernel.qrtz_fired_triggers (sched_name, trigger_name, trigger_group)");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(@"DROP TABLE kernel.qrtz_locks");
            migrationBuilder.Sql(@"DROP TABLE kernel.qrtz_scheduler_state");
            migrationBuilder.Sql(@"DROP TABLE kernel.qrtz_fired_triggers");
            migrationBuilder.Sql(@"DROP TABLE kernel.qrtz_paused_trigger_grps");
            migrationBuilder.Sql(@"DROP TABLE kernel.qrtz_calendars");
            migrationBuilder.Sql(@"DROP TABLE kernel.qrtz_blob_triggers");
            migrationBuilder.Sql(@"DROP TABLE kernel.qrtz_cron_triggers");
            migrationBuilder.Sql(@"DROP TABLE kernel.qrtz_simprop_triggers");
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
