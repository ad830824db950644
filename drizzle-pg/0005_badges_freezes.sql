CREATE TABLE "badges" (
	"user_id" integer NOT NULL,
	"code" text NOT NULL,
	"challenge_id" integer DEFAULT 0 NOT NULL,
	"earned_at" bigint NOT NULL,
	CONSTRAINT "badges_user_id_code_challenge_id_pk" PRIMARY KEY("user_id","code","challenge_id")
);
--> statement-breakpoint
CREATE TABLE "streak_freezes" (
	"user_id" integer NOT NULL,
	"challenge_id" integer NOT NULL,
	"day" text NOT NULL,
	"used_at" bigint NOT NULL,
	CONSTRAINT "streak_freezes_user_id_challenge_id_day_pk" PRIMARY KEY("user_id","challenge_id","day")
);
--> statement-breakpoint
ALTER TABLE "user_challenges" ADD COLUMN "freezes" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "user_challenges" ADD COLUMN "freeze_earned_on" text;--> statement-breakpoint
ALTER TABLE "user_challenges" ADD COLUMN "best_value" double precision;--> statement-breakpoint
ALTER TABLE "user_challenges" ADD COLUMN "badge_bits" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "badges_challenge_idx" ON "badges" USING btree ("challenge_id","code");