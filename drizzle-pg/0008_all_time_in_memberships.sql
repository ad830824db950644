-- The all-time figures move into the membership row, which every submission writes anyway.
ALTER TABLE "user_challenges" ADD COLUMN "total" double precision DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "user_challenges" ADD COLUMN "days" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "user_challenges" ADD COLUMN "last_at" bigint;--> statement-breakpoint
UPDATE "user_challenges" SET "total" = t."total", "days" = t."days", "last_at" = t."last_at"
  FROM "leaderboard_totals" t
  WHERE t."kind" = 'a' AND t."period_key" = 'all'
    AND t."challenge_id" = "user_challenges"."challenge_id" AND t."user_id" = "user_challenges"."user_id";--> statement-breakpoint
DROP TABLE "leaderboard_totals" CASCADE;
