-- A club that ran before badges (see the SQLite migration 0010): what its members already did
-- counts, so the next result does not announce a milestone passed long ago.
UPDATE "user_challenges" SET "best_value" = (
  SELECT max(s."value") FROM "submissions" s
  WHERE s."user_id" = "user_challenges"."user_id" AND s."challenge_id" = "user_challenges"."challenge_id"
) WHERE "best_value" IS NULL;
--> statement-breakpoint
INSERT INTO "badges" ("user_id", "code", "challenge_id", "earned_at")
  SELECT "user_id", 'first-result', 0, min("created_at") FROM "submissions" GROUP BY "user_id"
  ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "badges" ("user_id", "code", "challenge_id", "earned_at")
  SELECT uc."user_id", 'streak-' || m.n, uc."challenge_id", (extract(epoch from now()) * 1000)::bigint
  FROM "user_challenges" uc JOIN (VALUES (7), (30), (100), (365)) AS m(n) ON uc."best_streak" >= m.n
  ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "badges" ("user_id", "code", "challenge_id", "earned_at")
  SELECT "user_id", 'weekly-podium', "challenge_id", min("created_at") FROM "weekly_results" WHERE "rank" <= 3 GROUP BY "user_id", "challenge_id"
  ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "badges" ("user_id", "code", "challenge_id", "earned_at")
  SELECT "user_id", 'monthly-podium', "challenge_id", min("created_at") FROM "monthly_results" WHERE "rank" <= 3 GROUP BY "user_id", "challenge_id"
  ON CONFLICT DO NOTHING;
--> statement-breakpoint
UPDATE "user_challenges" SET "badge_bits" = "badge_bits"
  | (CASE WHEN EXISTS (SELECT 1 FROM "badges" b WHERE b."user_id" = "user_challenges"."user_id"
      AND b."code" = 'streak-7' AND b."challenge_id" = "user_challenges"."challenge_id") THEN 1 ELSE 0 END)
  | (CASE WHEN EXISTS (SELECT 1 FROM "badges" b WHERE b."user_id" = "user_challenges"."user_id"
      AND b."code" = 'streak-30' AND b."challenge_id" = "user_challenges"."challenge_id") THEN 2 ELSE 0 END)
  | (CASE WHEN EXISTS (SELECT 1 FROM "badges" b WHERE b."user_id" = "user_challenges"."user_id"
      AND b."code" = 'streak-100' AND b."challenge_id" = "user_challenges"."challenge_id") THEN 4 ELSE 0 END)
  | (CASE WHEN EXISTS (SELECT 1 FROM "badges" b WHERE b."user_id" = "user_challenges"."user_id"
      AND b."code" = 'streak-365' AND b."challenge_id" = "user_challenges"."challenge_id") THEN 8 ELSE 0 END)
  | (CASE WHEN EXISTS (SELECT 1 FROM "badges" b WHERE b."user_id" = "user_challenges"."user_id"
      AND b."code" = 'weekly-podium' AND b."challenge_id" = "user_challenges"."challenge_id") THEN 32 ELSE 0 END)
  | (CASE WHEN EXISTS (SELECT 1 FROM "badges" b WHERE b."user_id" = "user_challenges"."user_id"
      AND b."code" = 'monthly-podium' AND b."challenge_id" = "user_challenges"."challenge_id") THEN 64 ELSE 0 END);
