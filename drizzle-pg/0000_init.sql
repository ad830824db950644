CREATE TABLE "admin_login_tokens" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"telegram_id" bigint NOT NULL,
	"expires_at" bigint NOT NULL,
	"used_at" bigint,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "admin_sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"telegram_id" bigint NOT NULL,
	"csrf_token" text NOT NULL,
	"expires_at" bigint NOT NULL,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "admin_users" (
	"id" serial PRIMARY KEY NOT NULL,
	"telegram_id" bigint NOT NULL,
	"role" text NOT NULL,
	"added_by" bigint,
	"created_at" bigint NOT NULL,
	CONSTRAINT "admin_users_telegram_id_unique" UNIQUE("telegram_id")
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" serial PRIMARY KEY NOT NULL,
	"actor_telegram_id" bigint NOT NULL,
	"action" text NOT NULL,
	"target_type" text NOT NULL,
	"target_id" text NOT NULL,
	"before" text,
	"after" text,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "challenges" (
	"id" serial PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"emoji" text DEFAULT '🏁' NOT NULL,
	"unit" text DEFAULT '' NOT NULL,
	"target" double precision,
	"min_value" double precision DEFAULT 0 NOT NULL,
	"max_value" double precision DEFAULT 100000 NOT NULL,
	"window_start" text,
	"window_end" text,
	"reminder_time" text,
	"is_active" boolean DEFAULT true NOT NULL,
	"participants" integer DEFAULT 0 NOT NULL,
	"start_date" text,
	"end_date" text,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "job_runs" (
	"job" text NOT NULL,
	"period_key" text NOT NULL,
	"ran_at" bigint NOT NULL,
	"summary" text,
	CONSTRAINT "job_runs_job_period_key_pk" PRIMARY KEY("job","period_key")
);
--> statement-breakpoint
CREATE TABLE "leaderboard_totals" (
	"challenge_id" integer NOT NULL,
	"kind" text NOT NULL,
	"period_key" text NOT NULL,
	"user_id" integer NOT NULL,
	"total" double precision NOT NULL,
	"days" integer NOT NULL,
	"last_at" bigint NOT NULL,
	"eligible" boolean DEFAULT true NOT NULL,
	CONSTRAINT "leaderboard_totals_challenge_id_kind_period_key_user_id_pk" PRIMARY KEY("challenge_id","kind","period_key","user_id")
);
--> statement-breakpoint
CREATE TABLE "monthly_results" (
	"id" serial PRIMARY KEY NOT NULL,
	"challenge_id" integer NOT NULL,
	"period" text NOT NULL,
	"rank" integer NOT NULL,
	"user_id" integer NOT NULL,
	"total" double precision NOT NULL,
	"days" integer NOT NULL,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reminder_log" (
	"user_id" integer NOT NULL,
	"challenge_id" integer NOT NULL,
	"day" text NOT NULL,
	"sent_at" bigint NOT NULL,
	CONSTRAINT "reminder_log_user_id_challenge_id_day_pk" PRIMARY KEY("user_id","challenge_id","day")
);
--> statement-breakpoint
CREATE TABLE "submissions" (
	"id" serial PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"challenge_id" integer NOT NULL,
	"day" text NOT NULL,
	"value" double precision NOT NULL,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "user_challenges" (
	"user_id" integer NOT NULL,
	"challenge_id" integer NOT NULL,
	"is_member" boolean DEFAULT true NOT NULL,
	"joined_at" bigint NOT NULL,
	"left_at" bigint,
	"current_streak" integer DEFAULT 0 NOT NULL,
	"best_streak" integer DEFAULT 0 NOT NULL,
	"last_counted_day" text,
	CONSTRAINT "user_challenges_user_id_challenge_id_pk" PRIMARY KEY("user_id","challenge_id")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" serial PRIMARY KEY NOT NULL,
	"telegram_id" bigint NOT NULL,
	"first_name" text DEFAULT '' NOT NULL,
	"last_name" text,
	"username" text,
	"language_code" text,
	"language" text DEFAULT 'uz' NOT NULL,
	"display_name" text,
	"registered_at" bigint,
	"is_banned" boolean DEFAULT false NOT NULL,
	"ban_reason" text,
	"reminders_enabled" boolean DEFAULT true NOT NULL,
	"unreachable" boolean DEFAULT false NOT NULL,
	"last_active_at" bigint,
	"created_at" bigint NOT NULL,
	CONSTRAINT "users_telegram_id_unique" UNIQUE("telegram_id")
);
--> statement-breakpoint
CREATE TABLE "weekly_results" (
	"id" serial PRIMARY KEY NOT NULL,
	"challenge_id" integer NOT NULL,
	"period" text NOT NULL,
	"rank" integer NOT NULL,
	"user_id" integer NOT NULL,
	"total" double precision NOT NULL,
	"days" integer NOT NULL,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "monthly_results" ADD CONSTRAINT "monthly_results_challenge_id_challenges_id_fk" FOREIGN KEY ("challenge_id") REFERENCES "challenges"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monthly_results" ADD CONSTRAINT "monthly_results_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_challenge_id_challenges_id_fk" FOREIGN KEY ("challenge_id") REFERENCES "challenges"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_challenges" ADD CONSTRAINT "user_challenges_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_challenges" ADD CONSTRAINT "user_challenges_challenge_id_challenges_id_fk" FOREIGN KEY ("challenge_id") REFERENCES "challenges"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "weekly_results" ADD CONSTRAINT "weekly_results_challenge_id_challenges_id_fk" FOREIGN KEY ("challenge_id") REFERENCES "challenges"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "weekly_results" ADD CONSTRAINT "weekly_results_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_created_idx" ON "audit_log" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "leaderboard_user_idx" ON "leaderboard_totals" USING btree ("user_id","challenge_id");--> statement-breakpoint
CREATE UNIQUE INDEX "monthly_results_uq" ON "monthly_results" USING btree ("challenge_id","period","user_id");--> statement-breakpoint
CREATE INDEX "monthly_results_period_idx" ON "monthly_results" USING btree ("period","challenge_id","rank");--> statement-breakpoint
CREATE UNIQUE INDEX "submissions_user_challenge_day_uq" ON "submissions" USING btree ("user_id","challenge_id","day");--> statement-breakpoint
CREATE INDEX "submissions_challenge_day_idx" ON "submissions" USING btree ("challenge_id","day");--> statement-breakpoint
CREATE INDEX "submissions_day_idx" ON "submissions" USING btree ("day");--> statement-breakpoint
CREATE INDEX "submissions_member_days_idx" ON "submissions" USING btree ("user_id","challenge_id","day","value");--> statement-breakpoint
CREATE INDEX "user_challenges_challenge_idx" ON "user_challenges" USING btree ("challenge_id","is_member");--> statement-breakpoint
CREATE UNIQUE INDEX "weekly_results_uq" ON "weekly_results" USING btree ("challenge_id","period","user_id");--> statement-breakpoint
CREATE INDEX "weekly_results_period_idx" ON "weekly_results" USING btree ("period","challenge_id","rank");