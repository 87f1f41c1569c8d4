-- Three years of one gym's records for etc/bench/reports.sh (issue 17, "Benchmark"), written straight into the
-- owning modules' tables with set-based SQL. Run once per location on a database the app has migrated and seeded
-- with the demo (the location, its plans, session types and products come from the demo seed):
--
--   psql -v loc=st-albans -v members=50000 -v checkins=1000000 -v bookings=200000 -v orders=100000 -f reports-seed.sql
--
-- Deterministic: every "random" choice is a hash of the location and the row's number (md5, four 32-bit draws per
-- hash), never random(), so two runs write the same rows with the same ids and the same choices. Time is relative:
-- check-ins, classes, PT sessions, orders and pay runs are placed on the gym's local days ending today (identical all
-- day long; a few PT sessions are booked into the next fortnight), memberships and their ledger on instants before
-- now() (they shift with the clock between two runs on the same day).
--
-- What it writes for the location (every row with the location's TenantId and its franchise's FranchiseId):
--   identity   :members member people (no password: nobody signs in as them) with their location membership, and
--               six bench trainers' people
--   memberships one membership each on one of the gym's four plans, joined over the last 3.5 years, each lasting an
--               exponential time (mean 700 days): cancelled (EndedAt) when that time is up, otherwise active, past
--               due (5%) or frozen (4%); the ledger to match: one charge per billing interval of the plan while live
--               inside the three years (the joining fee with the first), 2% of them declined and retried three days
--               later, 0.3% refunded a week later, and a past-due member's last payment declined with no retry
--   bookings   :checkins check-ins (day uniform over the three years, hour from a 24/7 gym's curve: early-morning
--               and after-work peaks), 5% of them members of the franchise's other gyms; 60% of :bookings as class
--               bookings (8 classes a day, capacity 20, over capacity waitlisted, 10% cancelled, past bookings
--               checked in or no-shows) and 40% as PT sessions (six trainers, no trainer double-booked; completed,
--               no-show, cancelled and refunded, paid or included with the membership)
--   marketplace :orders orders of 1-3 lines of the gym's own products (counter, click-and-collect and shipped; 1%
--               cancelled before payment, 2% refunded in full with the refund recorded)
--   payroll    finalised fortnightly pay runs (totals) for the periods before the demo's own runs
-- Payslips are not written: the payroll report reads pay-run totals only.
\set ON_ERROR_STOP on
\set QUIET on
SET client_min_messages = warning;
SET synchronous_commit = off;

BEGIN;

CREATE TEMP TABLE bench_loc ON COMMIT DROP AS
SELECT o."Id" AS tenant, o."ParentId" AS franchise, o."Identifier" AS ident, o."TimeZone" AS tz,
       (now() AT TIME ZONE o."TimeZone")::date AS today,
       ((now() AT TIME ZONE o."TimeZone")::date - 1095) AS first_day,
       ((((now() AT TIME ZONE o."TimeZone")::date - 1095))::timestamp AT TIME ZONE o."TimeZone") AS window_start,
       :members::int AS members, :checkins::int AS checkins, :bookings::int AS bookings, :orders::int AS orders
FROM organizations.organizations o WHERE o."Identifier" = :'loc' AND o."Kind" = 'Location';

DO $$ BEGIN IF (SELECT count(*) FROM bench_loc) <> 1 THEN RAISE EXCEPTION 'no such location'; END IF; END $$;

-- Four uniform draws in [0, 1) from one md5 of the key.
CREATE FUNCTION pg_temp.draw(key text, n int) RETURNS double precision LANGUAGE sql IMMUTABLE AS
$f$ SELECT ('x' || substr(md5(key), 1 + 8 * (n - 1), 8))::bit(32)::bigint / 4294967296.0 $f$;
CREATE FUNCTION pg_temp.id(key text) RETURNS uuid LANGUAGE sql IMMUTABLE AS $f$ SELECT md5(key)::uuid $f$;

-- ---------------------------------------------------------------- people

INSERT INTO identity.users ("Id", "DisplayName", "IsSuperAdmin", "CreatedAt", "UserName", "NormalizedUserName", "Email", "NormalizedEmail",
    "EmailConfirmed", "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "PhoneNumber", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnd",
    "LockoutEnabled", "AccessFailedCount")
SELECT pg_temp.id('member:' || l.ident || ':' || i), 'Bench Member ' || i, false, l.window_start - interval '200 days',
       e, upper(e), e, upper(e), true, NULL, md5('stamp:' || l.ident || i), md5('cs:' || l.ident || i), NULL, false, false, NULL, true, 0
FROM bench_loc l, generate_series(1, l.members) i, LATERAL (SELECT 'm' || i || '@' || l.ident || '.bench.invalid' AS e) x;

INSERT INTO identity.users ("Id", "DisplayName", "IsSuperAdmin", "CreatedAt", "UserName", "NormalizedUserName", "Email", "NormalizedEmail",
    "EmailConfirmed", "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "PhoneNumber", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnd",
    "LockoutEnabled", "AccessFailedCount")
SELECT pg_temp.id('trainer-person:' || l.ident || ':' || k), 'Bench Trainer ' || k, false, l.window_start - interval '200 days',
       e, upper(e), e, upper(e), true, NULL, md5('stamp:t' || l.ident || k), md5('cs:t' || l.ident || k), NULL, false, false, NULL, true, 0
FROM bench_loc l, generate_series(1, 6) k, LATERAL (SELECT 'trainer' || k || '@' || l.ident || '.bench.invalid' AS e) x;

INSERT INTO identity.location_memberships ("Id", "TenantId", "FranchiseId", "UserId", "Roles", "IsActive", "CreatedAt", "UpdatedAt", "Version")
SELECT pg_temp.id('lm:' || l.ident || ':' || i), l.tenant, l.franchise, pg_temp.id('member:' || l.ident || ':' || i), '["member"]', true,
       l.window_start - interval '200 days', l.window_start - interval '200 days', 0
FROM bench_loc l, generate_series(1, l.members) i;

INSERT INTO identity.location_memberships ("Id", "TenantId", "FranchiseId", "UserId", "Roles", "IsActive", "CreatedAt", "UpdatedAt", "Version")
SELECT pg_temp.id('lm-t:' || l.ident || ':' || k), l.tenant, l.franchise, pg_temp.id('trainer-person:' || l.ident || ':' || k), '["trainer"]', true,
       l.window_start - interval '200 days', l.window_start - interval '200 days', 0
FROM bench_loc l, generate_series(1, 6) k;

INSERT INTO bookings.trainers ("Id", "TenantId", "FranchiseId", "PersonId", "DisplayName", "Bio", "Specialties", "Qualifications", "IsListed",
    "CreatedAt", "UpdatedAt", "Version", "CalendarFeedSecret", "Photo", "PhotoContentType", "PhotoVersion")
SELECT pg_temp.id('trainer:' || l.ident || ':' || k), l.tenant, l.franchise, pg_temp.id('trainer-person:' || l.ident || ':' || k),
       'Bench Trainer ' || k, NULL, NULL, NULL, false, l.window_start - interval '200 days', l.window_start - interval '200 days', 0, NULL, NULL, NULL, 0
FROM bench_loc l, generate_series(1, 6) k;

CREATE TEMP TABLE bench_trainers ON COMMIT DROP AS
SELECT row_number() OVER (ORDER BY t."DisplayName", t."Id") - 1 AS n, t."Id" AS id
FROM bookings.trainers t, bench_loc l WHERE t."TenantId" = l.tenant AND t."DisplayName" LIKE 'Bench Trainer %';

-- ---------------------------------------------------------------- memberships and the ledger

CREATE TEMP TABLE bench_plans ON COMMIT DROP AS
SELECT row_number() OVER (ORDER BY p."Code") - 1 AS n, p."Id" AS id, p."Code" AS code, p."PriceCents" AS price, p."JoiningFeeCents" AS fee,
       CASE p."IntervalUnit" WHEN 'Week' THEN make_interval(days => 7 * p."IntervalCount") WHEN 'Month' THEN make_interval(months => p."IntervalCount")
            WHEN 'Year' THEN make_interval(years => p."IntervalCount") ELSE make_interval(days => p."IntervalCount") END AS every
FROM memberships.plans p, bench_loc l WHERE p."TenantId" = l.tenant AND p."IsActive";

CREATE TEMP TABLE bench_members ON COMMIT DROP AS
SELECT i, pg_temp.id('membership:' || l.ident || ':' || i) AS id, pg_temp.id('member:' || l.ident || ':' || i) AS user_id, p.id AS plan_id, p.code, p.price,
       p.fee, p.every, s.started, s.started + life AS would_end,
       CASE WHEN s.started + life <= now() THEN 'Cancelled' WHEN d3 < 0.05 THEN 'PastDue' ELSE 'Active' END AS status,
       (s.started + life > now() AND d3 >= 0.05 AND d3 < 0.09) AS frozen
FROM bench_loc l, generate_series(1, l.members) i,
     LATERAL (SELECT pg_temp.draw('ms:' || l.ident || ':' || i, 1) AS d1, pg_temp.draw('ms:' || l.ident || ':' || i, 2) AS d2,
                     pg_temp.draw('ms:' || l.ident || ':' || i, 3) AS d3, pg_temp.draw('ms:' || l.ident || ':' || i, 4) AS d4) d,
     LATERAL (SELECT date_trunc('minute', now() - d1 * interval '1278 days') AS started,
                     date_trunc('minute', -ln(1 - d2) * interval '700 days') AS life) s,
     bench_plans p
WHERE p.n = floor(d4 * (SELECT count(*) FROM bench_plans));

INSERT INTO memberships.memberships ("Id", "TenantId", "FranchiseId", "UserId", "LiveUserId", "PlanId", "PlanCode", "Status", "CheckoutSessionId",
    "CheckoutUrl", "CheckoutExpiresAt", "SubscriptionId", "CustomerId", "StartedAt", "MinimumTermEndsAt", "NextBillingAt", "CancelsAt",
    "CancellationRequestedAt", "EndedAt", "IsFrozen", "FrozenUntil", "StateAsOf", "CreatedAt", "UpdatedAt", "Version", "RenewalReminderSentFor")
SELECT m.id, l.tenant, l.franchise, m.user_id, CASE WHEN m.status = 'Cancelled' THEN NULL ELSE m.user_id END, m.plan_id, m.code, m.status, NULL,
       NULL, NULL, 'sub_bench_' || l.ident || '_' || m.i, 'cus_bench_' || l.ident || '_' || m.i, m.started, NULL,
       CASE WHEN m.status = 'Cancelled' THEN NULL ELSE m.started + m.every * (floor(extract(epoch FROM now() - m.started) / extract(epoch FROM m.every)) + 1) END,
       NULL, CASE WHEN m.status = 'Cancelled' THEN m.would_end - interval '30 days' END,
       CASE WHEN m.status = 'Cancelled' THEN m.would_end END, m.frozen,
       CASE WHEN m.frozen THEN now() + (1 + m.i % 60) * interval '1 day' END, now(), m.started, LEAST(m.would_end, now()), 1, NULL
FROM bench_loc l, bench_members m;

-- One charge per billing interval while live, inside the window (k = the k-th payment since joining).
CREATE TEMP TABLE bench_charges ON COMMIT DROP AS
SELECT m.i, m.id, m.user_id, m.code, m.price, m.fee, m.status, k, m.started + m.every * k AS due,
       (m.status = 'PastDue' AND m.started + m.every * (k + 1) > now()) AS last_of_past_due,
       pg_temp.draw('pay:' || m.id || ':' || k, 1) AS d1
FROM bench_loc l, bench_members m,
     LATERAL generate_series(
         GREATEST(0, ceil(extract(epoch FROM l.window_start - m.started) / extract(epoch FROM m.every)))::int,
         floor(extract(epoch FROM LEAST(m.would_end, now()) - m.started) / extract(epoch FROM m.every))::int) k
WHERE m.started + m.every * k <= LEAST(m.would_end, now());

INSERT INTO memberships.ledger_entries ("Id", "TenantId", "FranchiseId", "UserId", "MembershipId", "Kind", "OccurredAt", "AmountCents", "GstCents",
    "Description", "Reference", "PaymentIntentId", "InvoiceId", "CreatedAt", "UpdatedAt")
SELECT pg_temp.id('led:' || x.kind || ':' || c.id || ':' || c.k), l.tenant, l.franchise, c.user_id, c.id, x.kind, x.at, x.amount, round(x.amount / 11.0),
       x.description, x.reference, NULL, 'in_bench_' || c.id || '_' || c.k, x.at, x.at
FROM bench_loc l, bench_charges c,
     LATERAL (SELECT c.price + CASE WHEN c.k = 0 THEN c.fee ELSE 0 END AS amount) a,
     LATERAL (
         -- the payment (retried three days later after a decline; a past-due member's last one is not retried yet)
         SELECT 'Charge' AS kind, c.due + CASE WHEN c.d1 < 0.02 THEN interval '3 days' ELSE interval '0' END AS at, a.amount,
                CASE WHEN c.k = 0 THEN 'First payment (' || c.code || ')' ELSE 'Membership renewal (' || c.code || ')' END AS description,
                'in_bench_' || c.id || '_' || c.k AS reference
         WHERE NOT c.last_of_past_due AND c.due + CASE WHEN c.d1 < 0.02 THEN interval '3 days' ELSE interval '0' END <= now()
         UNION ALL
         SELECT 'FailedPayment', c.due, a.amount, 'Payment declined; we will try again', 'in_bench_' || c.id || '_' || c.k || '#1'
         WHERE c.d1 < 0.02 OR c.last_of_past_due
         UNION ALL
         SELECT 'Refund', c.due + interval '7 days', -a.amount, 'Refund', 'ch_bench_' || c.id || '_' || c.k
         WHERE c.d1 >= 0.02 AND c.d1 < 0.023 AND NOT c.last_of_past_due AND c.due + interval '7 days' <= now()
     ) x;

-- ---------------------------------------------------------------- check-ins

-- A 24/7 gym's day: share of the check-ins starting in each local hour (early-morning and after-work peaks).
CREATE TEMP TABLE bench_hours ON COMMIT DROP AS
WITH w(h, weight) AS (VALUES (0, 1), (1, 1), (2, 1), (3, 1), (4, 2), (5, 6), (6, 10), (7, 9), (8, 7), (9, 6), (10, 5), (11, 5), (12, 6), (13, 5),
                             (14, 4), (15, 5), (16, 7), (17, 10), (18, 10), (19, 8), (20, 5), (21, 3), (22, 2), (23, 1))
SELECT h, (sum(weight) OVER (ORDER BY h) - weight)::float8 / sum(weight) OVER () AS lo, sum(weight) OVER (ORDER BY h)::float8 / sum(weight) OVER () AS hi
FROM w;

-- The franchise's other locations (a few visits come from their members).
CREATE TEMP TABLE bench_others ON COMMIT DROP AS
SELECT row_number() OVER (ORDER BY o."Identifier") - 1 AS n, o."Id" AS id, o."Identifier" AS ident
FROM organizations.organizations o, bench_loc l WHERE o."ParentId" = l.franchise AND o."Kind" = 'Location' AND o."Id" <> l.tenant;

INSERT INTO bookings.check_ins ("Id", "TenantId", "FranchiseId", "PersonId", "HomeLocationId", "At", "DoorId", "Place", "RecordedBy")
SELECT pg_temp.id('ci:' || l.ident || ':' || i), l.tenant, l.franchise,
       CASE WHEN o.id IS NULL THEN pg_temp.id('member:' || l.ident || ':' || (1 + floor(d.d3 * l.members)::int))
            ELSE pg_temp.id('member:' || o.ident || ':' || (1 + floor(d.d3 * l.members)::int)) END,
       COALESCE(o.id, l.tenant),
       CASE WHEN t.at > now() THEN t.at - interval '1 day' ELSE t.at END, NULL, 'Front door (24/7)', NULL
FROM bench_loc l, generate_series(1, l.checkins) i,
     LATERAL (SELECT pg_temp.draw('ci:' || l.ident || ':' || i, 1) AS d1, pg_temp.draw('ci:' || l.ident || ':' || i, 2) AS d2,
                     pg_temp.draw('ci:' || l.ident || ':' || i, 3) AS d3, pg_temp.draw('ci:' || l.ident || ':' || i, 4) AS d4) d
     JOIN bench_hours hr ON d.d2 >= hr.lo AND d.d2 < hr.hi
     LEFT JOIN bench_others o ON d.d4 < 0.05 AND o.n = floor(d.d4 / 0.05 * (SELECT count(*) FROM bench_others)),
     LATERAL (SELECT ((l.today - floor(d.d1 * 1096)::int) + make_interval(hours => hr.h, mins => floor(d.d3 * 60 * 997)::int % 60))
                     AT TIME ZONE l.tz AS at) t;

-- ---------------------------------------------------------------- classes and class bookings

INSERT INTO bookings.class_types ("Id", "TenantId", "FranchiseId", "Name", "Description", "DurationMinutes", "Capacity", "Room", "Level", "IsActive",
    "CreatedAt", "UpdatedAt", "Version")
SELECT pg_temp.id('ct:' || l.ident || ':' || n), l.tenant, l.franchise, n, n || ' (benchmark timetable)', 45, 20, 'Studio', 'AllLevels', true,
       l.window_start, l.window_start, 0
FROM bench_loc l, unnest(ARRAY['Bench HIIT', 'Bench Yoga', 'Bench Spin', 'Bench Pilates']) n;

CREATE TEMP TABLE bench_class_types ON COMMIT DROP AS
SELECT row_number() OVER (ORDER BY t."Name") - 1 AS n, t."Id" AS id, t."Name" AS name
FROM bookings.class_types t, bench_loc l WHERE t."TenantId" = l.tenant AND t."Name" LIKE 'Bench %';

-- Eight classes a day over the window (to the end of today); requests per class spread around the target.
CREATE TEMP TABLE bench_classes ON COMMIT DROP AS
SELECT pg_temp.id('occ:' || l.ident || ':' || day || ':' || slot) AS id, day, slot, starts, ct.id AS type_id, ct.name,
       tr.id AS trainer_id,
       floor(pg_temp.draw('occ:' || l.ident || ':' || day || ':' || slot, 1)
             * (2 * (l.bookings * 0.6) / (1096 * 8) + 1))::int AS requests
FROM bench_loc l, generate_series(l.first_day, l.today, interval '1 day') g(d),
     LATERAL (SELECT g.d::date AS day) dd,
     generate_series(0, 7) slot,
     LATERAL (SELECT ((dd.day + (ARRAY[time '06:00', '07:00', '09:30', '12:15', '17:30', '18:30', '19:30', '20:15'])[slot + 1]) AT TIME ZONE l.tz) AS starts) s,
     bench_class_types ct, bench_trainers tr
WHERE ct.n = slot % 4 AND tr.n = slot % 6;

CREATE TEMP TABLE bench_class_bookings ON COMMIT DROP AS
SELECT pg_temp.id('cb:' || c.id || ':' || r) AS id, c.id AS occurrence_id, c.starts, r,
       -- distinct members within one class (7919 is prime to any member count we use, so r * 7919 differs by r)
       pg_temp.id('member:' || l.ident || ':' || (1 + ((abs(hashtext(c.id::text))::bigint + r::bigint * 7919) % l.members))) AS member_id,
       CASE WHEN r >= 20 THEN 'Waitlisted' WHEN pg_temp.draw('cb:' || c.id || ':' || r, 1) < 0.1 THEN 'Cancelled' ELSE 'Booked' END AS status,
       pg_temp.draw('cb:' || c.id || ':' || r, 2) AS d2
FROM bench_loc l, bench_classes c, LATERAL generate_series(0, c.requests - 1) r;

INSERT INTO bookings.class_occurrences ("Id", "TenantId", "FranchiseId", "ClassTypeId", "ScheduleId", "TrainerId", "Name", "Room", "StartsAt", "EndsAt",
    "LocalDate", "Capacity", "BookedCount", "WaitlistSequence", "IsCancelled", "CancelledAt", "CreatedAt", "UpdatedAt")
SELECT c.id, l.tenant, l.franchise, c.type_id, NULL, c.trainer_id, c.name, 'Studio', c.starts, c.starts + interval '45 minutes', c.day, 20,
       COALESCE(b.booked, 0), COALESCE(b.waitlisted, 0), false, NULL, c.starts - interval '14 days', c.starts - interval '14 days'
FROM bench_loc l, bench_classes c
LEFT JOIN (SELECT occurrence_id, count(*) FILTER (WHERE status = 'Booked') AS booked, count(*) FILTER (WHERE status = 'Waitlisted') AS waitlisted
           FROM bench_class_bookings GROUP BY occurrence_id) b ON b.occurrence_id = c.id;

INSERT INTO bookings.class_bookings ("Id", "TenantId", "FranchiseId", "OccurrenceId", "MemberId", "LiveMemberId", "Status", "WaitlistNumber",
    "RequestedAt", "PromotedAt", "CancelledAt", "CancelledLate", "CheckedInAt", "NoShow", "CreatedAt", "UpdatedAt")
SELECT b.id, l.tenant, l.franchise, b.occurrence_id, b.member_id, CASE WHEN b.status = 'Cancelled' THEN NULL ELSE b.member_id END, b.status,
       CASE WHEN b.status = 'Waitlisted' THEN b.r - 19 END, b.starts - interval '2 days' + b.r * interval '1 minute', NULL,
       CASE WHEN b.status = 'Cancelled' THEN b.starts - interval '1 day' END, false,
       CASE WHEN b.status = 'Booked' AND b.starts < now() AND b.d2 >= 0.12 THEN b.starts - interval '5 minutes' END,
       (b.status = 'Booked' AND b.starts + interval '45 minutes' < now() AND b.d2 < 0.12),
       b.starts - interval '2 days', b.starts
FROM bench_loc l, bench_class_bookings b;

-- ---------------------------------------------------------------- PT sessions

-- Session i: its day, then within the day trainer (j mod 6) and hour (6 + j div 6): no trainer is double-booked.
INSERT INTO bookings.pt_sessions ("Id", "TenantId", "FranchiseId", "MemberId", "TrainerId", "SessionTypeId", "SessionTypeCode", "SessionTypeName",
    "StartsAt", "EndsAt", "Minutes", "Status", "PaymentStatus", "PriceCents", "AllowanceMonth", "AllowanceSlot", "CheckoutSessionId", "CheckoutUrl",
    "CheckoutExpiresAt", "PaymentIntentId", "RefundId", "BookedById", "CancelledAt", "CancelledById", "CancellationReason", "LateCancellation",
    "CompletedAt", "Notes", "ReminderSentAt", "CreatedAt", "UpdatedAt", "Version", "RefundDue")
SELECT pg_temp.id('pt:' || l.ident || ':' || i), l.tenant, l.franchise, s.member_id, tr.id, st."Id", st."Code", st."Name",
       s.starts, s.starts + make_interval(mins => st."DefaultMinutes"), st."DefaultMinutes", s.status,
       CASE WHEN s.included THEN 'IncludedWithMembership' WHEN s.status = 'Cancelled' THEN 'Refunded' ELSE 'Paid' END,
       CASE WHEN s.included THEN 0 ELSE st."DefaultPriceCents" END,
       CASE WHEN s.included THEN to_char(s.starts AT TIME ZONE l.tz, 'YYYY-MM') END, CASE WHEN s.included THEN i END,
       NULL, NULL, NULL, CASE WHEN s.included THEN NULL ELSE 'pi_bench_' || l.ident || '_' || i END,
       CASE WHEN s.status = 'Cancelled' AND NOT s.included THEN 're_bench_' || l.ident || '_' || i END, s.member_id,
       CASE WHEN s.status = 'Cancelled' THEN s.starts - interval '2 days' END, CASE WHEN s.status = 'Cancelled' THEN s.member_id END,
       CASE WHEN s.status = 'Cancelled' THEN 'Cannot make it' END, false,
       CASE WHEN s.status = 'Completed' THEN s.starts + make_interval(mins => st."DefaultMinutes") END, NULL, NULL,
       s.starts - interval '5 days', s.starts, 1, false
FROM bench_loc l,
     (SELECT * FROM bookings.session_types WHERE "Code" = 'personal_training') st,
     LATERAL (SELECT ceil(l.bookings * 0.4 / 1110.0)::int AS per_day) p,
     generate_series(0, (l.bookings * 0.4)::int - 1) i,
     LATERAL (SELECT pg_temp.draw('pt:' || l.ident || ':' || i, 1) AS d1, pg_temp.draw('pt:' || l.ident || ':' || i, 2) AS d2,
                     pg_temp.draw('pt:' || l.ident || ':' || i, 3) AS d3) d,
     LATERAL (SELECT ((l.today + 14 - i / p.per_day) + make_interval(hours => 6 + (i % p.per_day) / 6)) AT TIME ZONE l.tz AS starts) t,
     LATERAL (SELECT t.starts,
                     pg_temp.id('member:' || l.ident || ':' || (1 + floor(d.d1 * l.members)::int)) AS member_id,
                     d.d3 < 0.25 AS included,
                     CASE WHEN t.starts > now() THEN 'Confirmed' WHEN d.d2 < 0.08 THEN 'Cancelled' WHEN d.d2 < 0.12 THEN 'NoShow' ELSE 'Completed' END AS status) s,
     bench_trainers tr
WHERE st."TenantId" = l.tenant AND tr.n = (i % p.per_day) % 6;

-- ---------------------------------------------------------------- shop orders

CREATE TEMP TABLE bench_variants ON COMMIT DROP AS
SELECT row_number() OVER (ORDER BY v."Sku") - 1 AS n, v."Id" AS id, p."Id" AS product_id, p."Name" AS product_name, v."Name" AS variant_name, v."Sku" AS sku,
       COALESCE(v."PriceCents", p."PriceCents") AS price, p."GstFree" AS gst_free
FROM marketplace.product_variants v JOIN marketplace.products p ON p."Id" = v."ProductId", bench_loc l
WHERE v."TenantId" = l.tenant AND v."IsActive" AND p."IsActive";

CREATE TEMP TABLE bench_orders ON COMMIT DROP AS
SELECT i, pg_temp.id('ord:' || l.ident || ':' || i) AS id, o.placed, (o.placed AT TIME ZONE l.tz)::date AS local_date,
       pg_temp.id('member:' || l.ident || ':' || (1 + floor(d.d2 * l.members)::int)) AS user_id,
       CASE WHEN d.d3 < 0.3 THEN 'Counter' ELSE 'Online' END AS channel,
       CASE WHEN d.d3 >= 0.3 AND d.d3 < 0.55 THEN 'Ship' ELSE 'Collect' END AS delivery,
       CASE WHEN d.d4 < 0.01 THEN 'Cancelled' WHEN d.d4 < 0.03 THEN 'Refunded' WHEN d.d3 >= 0.3 AND d.d3 < 0.55 THEN 'Delivered' ELSE 'Collected' END AS status,
       1 + floor(pg_temp.draw('ordl:' || l.ident || ':' || i, 1) * 3)::int AS line_count
FROM bench_loc l, generate_series(1, l.orders) i,
     LATERAL (SELECT pg_temp.draw('ord:' || l.ident || ':' || i, 1) AS d1, pg_temp.draw('ord:' || l.ident || ':' || i, 2) AS d2,
                     pg_temp.draw('ord:' || l.ident || ':' || i, 3) AS d3, pg_temp.draw('ord:' || l.ident || ':' || i, 4) AS d4) d,
     LATERAL (SELECT ((l.today - floor(d.d1 * 1096)::int) + make_interval(hours => 7 + floor(d.d2 * 14 * 31)::int % 14, mins => floor(d.d4 * 6000)::int % 60))
                     AT TIME ZONE l.tz AS raw) r,
     LATERAL (SELECT CASE WHEN r.raw > now() THEN r.raw - interval '1 day' ELSE r.raw END AS placed) o;

CREATE TEMP TABLE bench_lines ON COMMIT DROP AS
SELECT o.id AS order_id, o.i, ln, v.*, q.quantity, v.price * q.quantity AS line_total,
       CASE WHEN v.gst_free THEN 0 ELSE round(v.price * q.quantity / 11.0) END AS gst
FROM bench_orders o, generate_series(1, o.line_count) ln,
     LATERAL (SELECT 1 + floor(pg_temp.draw('ordl:' || o.id || ':' || ln, 2) * 2)::int AS quantity,
                     floor(pg_temp.draw('ordl:' || o.id || ':' || ln, 1) * (SELECT count(*) FROM bench_variants))::int AS vn) q,
     bench_variants v
WHERE v.n = (q.vn + ln * 7) % (SELECT count(*) FROM bench_variants);

INSERT INTO marketplace.orders ("Id", "TenantId", "FranchiseId", "Number", "LocalDate", "Sequence", "UserId", "Channel", "Status", "Delivery",
    "ShipToName", "ShipToLine1", "ShipToLine2", "ShipToSuburb", "ShipToState", "ShipToPostcode", "GoodsCents", "ShippingCents", "TotalCents",
    "GstCents", "RefundedCents", "CheckoutSessionId", "CheckoutUrl", "CheckoutExpiresAt", "PaymentIntentId", "PaidAt", "Carrier", "TrackingNumber",
    "CancelReason", "CreatedAt", "UpdatedAt", "Version")
SELECT o.id, l.tenant, l.franchise, 'ORD-' || to_char(o.local_date, 'YYYYMMDD') || '-' || seq, o.local_date, seq, o.user_id, o.channel, o.status, o.delivery,
       CASE WHEN o.delivery = 'Ship' THEN 'Bench Member ' || o.i END, CASE WHEN o.delivery = 'Ship' THEN '1 Benchmark Street' END, NULL,
       CASE WHEN o.delivery = 'Ship' THEN 'Werribee' END, CASE WHEN o.delivery = 'Ship' THEN 'VIC' END, CASE WHEN o.delivery = 'Ship' THEN '3030' END,
       g.goods, ship, g.goods + ship, g.gst + round(ship / 11.0), CASE WHEN o.status = 'Refunded' THEN g.goods + ship ELSE 0 END,
       NULL, NULL, NULL, CASE WHEN o.status = 'Cancelled' THEN NULL ELSE 'pi_bench_ord_' || l.ident || '_' || o.i END,
       CASE WHEN o.status = 'Cancelled' THEN NULL ELSE o.placed + interval '1 minute' END,
       CASE WHEN o.delivery = 'Ship' THEN 'Australia Post' END, CASE WHEN o.delivery = 'Ship' THEN 'BENCH' || o.i END,
       CASE WHEN o.status = 'Cancelled' THEN 'Changed my mind' END, o.placed, o.placed + interval '2 days', 1
FROM bench_loc l,
     (SELECT o.*, 500 + row_number() OVER (PARTITION BY o.local_date ORDER BY o.placed, o.i) AS seq,
             CASE WHEN o.delivery = 'Ship' THEN 1295 ELSE 0 END AS ship FROM bench_orders o) o
     JOIN (SELECT order_id, sum(line_total) AS goods, sum(gst) AS gst FROM bench_lines GROUP BY order_id) g ON g.order_id = o.id;

INSERT INTO marketplace.order_lines ("Id", "TenantId", "FranchiseId", "OrderId", "VariantId", "ProductId", "ProductName", "VariantName", "Sku",
    "UnitPriceCents", "Quantity", "GstFree", "LineTotalCents", "GstCents", "RefundedQuantity")
SELECT pg_temp.id('ordline:' || b.order_id || ':' || b.ln), l.tenant, l.franchise, b.order_id, b.id, b.product_id, b.product_name, b.variant_name, b.sku,
       b.price, b.quantity, b.gst_free, b.line_total, b.gst, CASE WHEN o.status = 'Refunded' THEN b.quantity ELSE 0 END
FROM bench_loc l, bench_lines b JOIN bench_orders o ON o.id = b.order_id;

INSERT INTO marketplace.order_refunds ("Id", "TenantId", "FranchiseId", "OrderId", "AmountCents", "RefundId", "Note", "ByUserId", "At")
SELECT pg_temp.id('ordrefund:' || o."Id"), l.tenant, l.franchise, o."Id", o."RefundedCents", 're_bench_ord_' || o."Id", 'Returned unopened', NULL,
       LEAST(o."PaidAt" + interval '3 days', now())
FROM bench_loc l JOIN marketplace.orders o ON o."TenantId" = l.tenant
WHERE o."Status" = 'Refunded' AND o."PaymentIntentId" LIKE 'pi_bench_ord_%';

-- ---------------------------------------------------------------- payroll

-- Fortnightly finalised runs from the window's first Monday; a period the demo already ran is left to the demo.
INSERT INTO payroll.pay_runs ("Id", "TenantId", "FranchiseId", "Number", "Frequency", "PeriodStart", "PeriodEnd", "PaidOn", "PeriodKey", "Status",
    "AdjustsRunId", "CreatedBy", "CalculatedAt", "ApprovedBy", "ApprovedAt", "FinalisedBy", "FinalisedAt", "GrossCents", "WithholdingCents",
    "SuperCents", "NetCents", "CreatedAt", "UpdatedAt", "Version", "NotCalculated", "SuperDueOn")
SELECT pg_temp.id('payrun:' || l.ident || ':' || k), l.tenant, l.franchise, 1000 + k, 'Fortnightly', ps, ps + 13, ps + 16,
       'fortnightly:' || to_char(ps, 'YYYY-MM-DD'), 'Finalised', NULL, pg_temp.id('trainer-person:' || l.ident || ':1'),
       (ps + 15)::timestamp AT TIME ZONE l.tz, pg_temp.id('trainer-person:' || l.ident || ':1'), (ps + 15)::timestamp AT TIME ZONE l.tz,
       pg_temp.id('trainer-person:' || l.ident || ':1'), (ps + 15)::timestamp AT TIME ZONE l.tz,
       gross, round(gross * 0.19), round(gross * CASE WHEN ps >= date '2025-07-01' THEN 0.12 ELSE 0.115 END), gross - round(gross * 0.19),
       (ps + 15)::timestamp AT TIME ZONE l.tz, (ps + 15)::timestamp AT TIME ZONE l.tz, 1, '[]', ps + 16 + 28
FROM bench_loc l,
     LATERAL (SELECT l.first_day + ((8 - extract(isodow FROM l.first_day)::int) % 7) AS first_monday) f,
     LATERAL generate_series(0, 80) k,
     LATERAL (SELECT f.first_monday + 14 * k AS ps) p,
     LATERAL (SELECT 450000 + floor(pg_temp.draw('payrun:' || l.ident || ':' || k, 1) * 120000)::bigint AS gross) g
WHERE ps + 16 <= l.today
ON CONFLICT DO NOTHING;

COMMIT;
