-- The members, memberships, cards, classes and history of etc/bench/scale.sh (issue 18, "Toward internet scale"), written
-- with set-based SQL after the franchises and locations were created through the platform API:
--
--   psql -v source=st-albans -v prefix=scale -v members=100 -v history_days=30 -f scale-seed.sql
--
-- For every location whose identifier starts with ':prefix-' (the script made them empty, as a new gym is):
--   configuration  a copy of the demo gym :source's plans, PT session types, policies, doors, trainers (the same people),
--                  their weekly hours and offers, and class types -- new ids (md5 of the old id and the location), every
--                  id that pointed at a copied row pointed at its copy. Generic over the columns (information_schema),
--                  so a column added by a later migration is copied too.
--   members        :members people per location (password hash of the demo's member@:source, so the script can sign a
--                  few of them in through the real form), each a member of the location with one membership: 90% active,
--                  5% past due, 5% cancelled; 70% on a plan that includes classes; a Stripe subscription id
--                  'sub_<prefix>_<location>_<n>' the renewal webhooks name; joined uniformly over the last year
--   ledger         one charge per billing interval since joining (the joining fee with the first)
--   cards          one card per live member: '<LOCATION NUMBER>-<n>'
--   history        :history_days days of check-ins and their door decisions (0.35 visits per member a day, hours on a
--                  24/7 gym's curve), so that bytes per row are measured on tables of some size
--   classes today  eight classes at each location starting 2 h from now, 75 min apart (no member's two
--                  bookings overlap), capacity 20, nobody booked
-- Deterministic as etc/bench/reports-seed.sql is (md5 draws, no random()); times are relative to now().
\set ON_ERROR_STOP on
\set QUIET on
SET client_min_messages = warning;
SET synchronous_commit = off;

BEGIN;

CREATE FUNCTION pg_temp.draw(key text, n int) RETURNS double precision LANGUAGE sql IMMUTABLE AS
$f$ SELECT ('x' || substr(md5(key), 1 + 8 * (n - 1), 8))::bit(32)::bigint / 4294967296.0 $f$;
CREATE FUNCTION pg_temp.id(key text) RETURNS uuid LANGUAGE sql IMMUTABLE AS $f$ SELECT md5(key)::uuid $f$;

CREATE TEMP TABLE scale_source ON COMMIT DROP AS
SELECT o."Id" AS tenant FROM organizations.organizations o WHERE o."Identifier" = :'source' AND o."Kind" = 'Location';
DO $$ BEGIN IF (SELECT count(*) FROM scale_source) <> 1 THEN RAISE EXCEPTION 'no source location'; END IF; END $$;

CREATE TEMP TABLE scale_locs ON COMMIT DROP AS
SELECT row_number() OVER (ORDER BY o."Identifier") AS n, o."Id" AS tenant, o."ParentId" AS franchise, o."Identifier" AS ident, o."TimeZone" AS tz,
       :members::int AS members, :history_days::int AS history_days
FROM organizations.organizations o WHERE o."Identifier" LIKE :'prefix' || '-%' AND o."Kind" = 'Location';
DO $$ BEGIN IF (SELECT count(*) FROM scale_locs) = 0 THEN RAISE EXCEPTION 'no locations to fill'; END IF; END $$;

-- ---------------------------------------------------------------- configuration, copied from the demo gym

-- Every copied row's old id; a uuid column holding one of them is pointed at the copy.
CREATE TEMP TABLE scale_copied (id uuid PRIMARY KEY) ON COMMIT DROP;
CREATE FUNCTION pg_temp.remap(old uuid, target uuid) RETURNS uuid LANGUAGE sql STABLE AS
$f$ SELECT CASE WHEN EXISTS (SELECT 1 FROM scale_copied WHERE id = old) THEN md5(old::text || target::text)::uuid ELSE old END $f$;

DO $$
DECLARE
  tables text[] := ARRAY['memberships.plans', 'bookings.session_types', 'bookings.policies', 'bookings.class_policies', 'bookings.doors',
                         'bookings.trainers', 'bookings.weekly_hours', 'bookings.trainer_offers', 'bookings.class_types'];
  t text; cols text; exprs text; src uuid := (SELECT tenant FROM scale_source);
BEGIN
  FOREACH t IN ARRAY tables LOOP
    IF to_regclass(t) IS NULL THEN CONTINUE; END IF;
    EXECUTE format('INSERT INTO scale_copied SELECT "Id" FROM %s WHERE "TenantId" = $1 ON CONFLICT DO NOTHING', t) USING src;
  END LOOP;
  FOREACH t IN ARRAY tables LOOP
    IF to_regclass(t) IS NULL THEN CONTINUE; END IF;
    SELECT string_agg(format('%I', c.column_name), ', ' ORDER BY c.ordinal_position),
           string_agg(CASE WHEN c.column_name = 'TenantId' THEN 'l.tenant'
                           WHEN c.column_name = 'FranchiseId' THEN 'l.franchise'
                           WHEN c.data_type = 'uuid' THEN format('pg_temp.remap(s.%I, l.tenant)', c.column_name)
                           ELSE format('s.%I', c.column_name) END, ', ' ORDER BY c.ordinal_position)
      INTO cols, exprs
      FROM information_schema.columns c
     WHERE c.table_schema = split_part(t, '.', 1) AND c.table_name = split_part(t, '.', 2) AND c.is_generated = 'NEVER';
    EXECUTE format('INSERT INTO %s (%s) SELECT %s FROM %s s, scale_locs l WHERE s."TenantId" = $1 ON CONFLICT DO NOTHING', t, cols, exprs, t) USING src;
  END LOOP;
END $$;

-- The trainers are the demo's people; they work at every copied gym.
INSERT INTO identity.location_memberships ("Id", "TenantId", "FranchiseId", "UserId", "Roles", "IsActive", "CreatedAt", "UpdatedAt", "Version")
SELECT pg_temp.id('lm-t:' || l.ident || ':' || t."PersonId"), l.tenant, l.franchise, t."PersonId", '["trainer"]', true, now(), now(), 0
FROM scale_locs l JOIN bookings.trainers t ON t."TenantId" = l.tenant
ON CONFLICT DO NOTHING;

-- ---------------------------------------------------------------- members and memberships

CREATE TEMP TABLE scale_plans ON COMMIT DROP AS
SELECT p."TenantId" AS tenant, p."Id" AS id, p."Code" AS code, p."PriceCents" AS price, p."JoiningFeeCents" AS fee, p."IncludesClasses" AS classes,
       row_number() OVER (PARTITION BY p."TenantId", p."IncludesClasses" ORDER BY p."Code") - 1 AS n,
       count(*) OVER (PARTITION BY p."TenantId", p."IncludesClasses") AS of_kind,
       CASE p."IntervalUnit" WHEN 'Week' THEN make_interval(days => 7 * p."IntervalCount") WHEN 'Month' THEN make_interval(months => p."IntervalCount")
            WHEN 'Year' THEN make_interval(years => p."IntervalCount") ELSE make_interval(days => p."IntervalCount") END AS every
FROM memberships.plans p JOIN scale_locs l ON l.tenant = p."TenantId" WHERE p."IsActive";

CREATE TEMP TABLE scale_members ON COMMIT DROP AS
SELECT l.n AS loc_n, l.ident, l.tenant, l.franchise, i, pg_temp.id('scale-member:' || l.ident || ':' || i) AS user_id,
       pg_temp.id('scale-membership:' || l.ident || ':' || i) AS id, p.id AS plan_id, p.code, p.price, p.fee, p.every, p.classes,
       date_trunc('minute', now() - d1 * interval '365 days') AS started,
       CASE WHEN d3 < 0.05 THEN 'Cancelled' WHEN d3 < 0.10 THEN 'PastDue' ELSE 'Active' END AS status
FROM scale_locs l, generate_series(1, l.members) i,
     LATERAL (SELECT pg_temp.draw('scale-ms:' || l.ident || ':' || i, 1) AS d1, pg_temp.draw('scale-ms:' || l.ident || ':' || i, 2) AS d2,
                     pg_temp.draw('scale-ms:' || l.ident || ':' || i, 3) AS d3) d,
     scale_plans p
WHERE p.tenant = l.tenant AND p.classes = (d2 < 0.7)
  AND p.n = floor(pg_temp.draw('scale-plan:' || l.ident || ':' || i, 1) * p.of_kind);

DO $$ BEGIN IF (SELECT count(*) FROM scale_members) <> (SELECT sum(members) FROM scale_locs) THEN
  RAISE EXCEPTION 'a copied gym lacks a plan with or without classes'; END IF; END $$;

INSERT INTO identity.users ("Id", "DisplayName", "IsSuperAdmin", "CreatedAt", "UserName", "NormalizedUserName", "Email", "NormalizedEmail",
    "EmailConfirmed", "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "PhoneNumber", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnd",
    "LockoutEnabled", "AccessFailedCount")
SELECT m.user_id, 'Scale Member ' || m.i || ' of ' || m.ident, false, m.started - interval '1 day', e, upper(e), e, upper(e), true,
       (SELECT "PasswordHash" FROM identity.users WHERE "NormalizedEmail" LIKE upper('member@' || :'source' || '.%') LIMIT 1),
       md5('stamp:' || m.user_id), md5('cs:' || m.user_id), NULL, false, false, NULL, true, 0
FROM scale_members m, LATERAL (SELECT 'm' || m.i || '@' || m.ident || '.scale.invalid' AS e) x;

INSERT INTO identity.location_memberships ("Id", "TenantId", "FranchiseId", "UserId", "Roles", "IsActive", "CreatedAt", "UpdatedAt", "Version")
SELECT pg_temp.id('scale-lm:' || m.user_id), m.tenant, m.franchise, m.user_id, '["member"]', true, m.started, m.started, 0
FROM scale_members m;

INSERT INTO memberships.memberships ("Id", "TenantId", "FranchiseId", "UserId", "LiveUserId", "PlanId", "PlanCode", "Status", "CheckoutSessionId",
    "CheckoutUrl", "CheckoutExpiresAt", "SubscriptionId", "CustomerId", "StartedAt", "MinimumTermEndsAt", "NextBillingAt", "CancelsAt",
    "CancellationRequestedAt", "EndedAt", "IsFrozen", "FrozenUntil", "StateAsOf", "CreatedAt", "UpdatedAt", "Version", "RenewalReminderSentFor")
SELECT m.id, m.tenant, m.franchise, m.user_id, CASE WHEN m.status = 'Cancelled' THEN NULL ELSE m.user_id END, m.plan_id, m.code, m.status, NULL,
       NULL, NULL, :'prefix' || '_sub_' || m.ident || '_' || m.i, :'prefix' || '_cus_' || m.ident || '_' || m.i, m.started, NULL,
       CASE WHEN m.status = 'Cancelled' THEN NULL ELSE m.started + m.every * (floor(extract(epoch FROM now() - m.started) / extract(epoch FROM m.every)) + 1) END,
       NULL, CASE WHEN m.status = 'Cancelled' THEN now() - interval '40 days' END, CASE WHEN m.status = 'Cancelled' THEN now() - interval '10 days' END,
       false, NULL, now(), m.started, now(), 1, NULL
FROM scale_members m;

INSERT INTO memberships.ledger_entries ("Id", "TenantId", "FranchiseId", "UserId", "MembershipId", "Kind", "OccurredAt", "AmountCents", "GstCents",
    "Description", "Reference", "PaymentIntentId", "InvoiceId", "CreatedAt", "UpdatedAt")
SELECT pg_temp.id('scale-led:' || m.id || ':' || k), m.tenant, m.franchise, m.user_id, m.id, 'Charge', m.started + m.every * k, a.amount,
       round(a.amount / 11.0), CASE WHEN k = 0 THEN 'First payment (' || m.code || ')' ELSE 'Membership renewal (' || m.code || ')' END,
       'in_scale_' || m.id || '_' || k, NULL, 'in_scale_' || m.id || '_' || k, m.started + m.every * k, m.started + m.every * k
FROM scale_members m,
     LATERAL generate_series(0, floor(extract(epoch FROM (CASE WHEN m.status = 'Cancelled' THEN now() - interval '10 days' ELSE now() END) - m.started)
                                      / extract(epoch FROM m.every))::int) k,
     LATERAL (SELECT m.price + CASE WHEN k = 0 THEN m.fee ELSE 0 END AS amount) a;

INSERT INTO bookings.member_cards ("Id", "TenantId", "FranchiseId", "PersonId", "CardNumber", "AssignedBy", "CreatedAt", "UpdatedAt")
SELECT pg_temp.id('scale-card:' || m.user_id), m.tenant, m.franchise, m.user_id, 'SC' || lpad(m.loc_n::text, 3, '0') || '-' || m.i, NULL, m.started, m.started
FROM scale_members m WHERE m.status <> 'Cancelled';

-- ---------------------------------------------------------------- history: check-ins and door decisions

CREATE TEMP TABLE scale_hours ON COMMIT DROP AS
WITH w(h, weight) AS (VALUES (0, 1), (1, 1), (2, 1), (3, 1), (4, 2), (5, 6), (6, 10), (7, 9), (8, 7), (9, 6), (10, 5), (11, 5), (12, 6), (13, 5),
                             (14, 4), (15, 5), (16, 7), (17, 10), (18, 10), (19, 8), (20, 5), (21, 3), (22, 2), (23, 1))
SELECT h, (sum(weight) OVER (ORDER BY h) - weight)::float8 / sum(weight) OVER () AS lo, sum(weight) OVER (ORDER BY h)::float8 / sum(weight) OVER () AS hi
FROM w;

CREATE TEMP TABLE scale_visits ON COMMIT DROP AS
SELECT pg_temp.id('scale-ci:' || l.ident || ':' || v) AS id, pg_temp.id('scale-dd:' || l.ident || ':' || v) AS decision_id, l.tenant, l.franchise,
       pg_temp.id('scale-member:' || l.ident || ':' || (1 + floor(d.d3 * l.members)::int)) AS person,
       d2.door, d2.door_name, t.at
FROM scale_locs l,
     generate_series(1, ceil(l.members * 0.35 * l.history_days)::int) v,
     LATERAL (SELECT pg_temp.draw('scale-ci:' || l.ident || ':' || v, 1) AS d1, pg_temp.draw('scale-ci:' || l.ident || ':' || v, 2) AS d2,
                     pg_temp.draw('scale-ci:' || l.ident || ':' || v, 3) AS d3) d
     JOIN scale_hours hr ON d.d2 >= hr.lo AND d.d2 < hr.hi,
     LATERAL (SELECT "Id" AS door, "Name" AS door_name FROM bookings.doors WHERE "TenantId" = l.tenant AND "OpensAt" IS NULL
                   AND "ClosesAt" IS NULL AND NOT "AntiPassback" ORDER BY "Name" LIMIT 1) d2,
     LATERAL (SELECT (((now() AT TIME ZONE l.tz)::date - 1 - floor(d.d1 * l.history_days)::int) + make_interval(hours => hr.h, mins => floor(d.d3 * 60 * 997)::int % 60))
                     AT TIME ZONE l.tz AS at) t;

INSERT INTO bookings.door_decisions ("Id", "TenantId", "FranchiseId", "DoorId", "PersonId", "Allowed", "Reason", "DecidedAt")
SELECT v.decision_id, v.tenant, v.franchise, v.door, v.person, true, 'Allowed', v.at FROM scale_visits v;

INSERT INTO bookings.check_ins ("Id", "TenantId", "FranchiseId", "PersonId", "HomeLocationId", "At", "DoorId", "Place", "RecordedBy")
SELECT v.id, v.tenant, v.franchise, v.person, v.tenant, v.at, v.door, v.door_name, NULL FROM scale_visits v;

-- ---------------------------------------------------------------- classes today

INSERT INTO bookings.class_occurrences ("Id", "TenantId", "FranchiseId", "ClassTypeId", "ScheduleId", "TrainerId", "Name", "Room", "StartsAt", "EndsAt",
    "LocalDate", "Capacity", "BookedCount", "WaitlistSequence", "IsCancelled", "CancelledAt", "CreatedAt", "UpdatedAt")
SELECT pg_temp.id('scale-occ:' || l.ident || ':' || s), l.tenant, l.franchise, ct."Id", NULL, tr."Id", ct."Name", 'Studio', st.starts,
       st.starts + make_interval(mins => ct."DurationMinutes"), (st.starts AT TIME ZONE l.tz)::date, 20, 0, 0, false, NULL, now(), now()
FROM scale_locs l, generate_series(0, 7) s,
     LATERAL (SELECT date_trunc('minute', now()) + interval '2 hours' + s * interval '75 minutes' AS starts) st,
     LATERAL (SELECT c."Id", c."Name", c."DurationMinutes" FROM bookings.class_types c WHERE c."TenantId" = l.tenant AND c."IsActive"
              ORDER BY c."Name" OFFSET s % GREATEST(1, (SELECT count(*) FROM bookings.class_types c2 WHERE c2."TenantId" = l.tenant AND c2."IsActive")) LIMIT 1) ct,
     LATERAL (SELECT t."Id" FROM bookings.trainers t WHERE t."TenantId" = l.tenant ORDER BY t."DisplayName" LIMIT 1) tr;

COMMIT;

ANALYZE;
