CREATE TABLE "announcement_recipients" (
	"announcement_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"updated_at" bigint NOT NULL,
	CONSTRAINT "announcement_recipients_announcement_id_user_id_pk" PRIMARY KEY("announcement_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "announcements" (
	"id" serial PRIMARY KEY NOT NULL,
	"challenge_id" integer,
	"text_uz" text NOT NULL,
	"text_ru" text,
	"text_en" text,
	"status" text DEFAULT 'sending' NOT NULL,
	"created_by" bigint NOT NULL,
	"created_at" bigint NOT NULL,
	"finished_at" bigint
);
--> statement-breakpoint
CREATE TABLE "submission_changes" (
	"id" serial PRIMARY KEY NOT NULL,
	"submission_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"challenge_id" integer NOT NULL,
	"day" text NOT NULL,
	"old_value" double precision NOT NULL,
	"new_value" double precision,
	"by" text NOT NULL,
	"at" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "admin_users" ADD COLUMN "name" text;--> statement-breakpoint
ALTER TABLE "challenges" ADD COLUMN "title_ru" text;--> statement-breakpoint
ALTER TABLE "challenges" ADD COLUMN "title_en" text;--> statement-breakpoint
ALTER TABLE "challenges" ADD COLUMN "description_ru" text;--> statement-breakpoint
ALTER TABLE "challenges" ADD COLUMN "description_en" text;--> statement-breakpoint
ALTER TABLE "challenges" ADD COLUMN "unit_ru" text;--> statement-breakpoint
ALTER TABLE "challenges" ADD COLUMN "unit_en" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "photo_url" text;--> statement-breakpoint
ALTER TABLE "announcement_recipients" ADD CONSTRAINT "announcement_recipients_announcement_id_announcements_id_fk" FOREIGN KEY ("announcement_id") REFERENCES "announcements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "announcement_recipients" ADD CONSTRAINT "announcement_recipients_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "announcements" ADD CONSTRAINT "announcements_challenge_id_challenges_id_fk" FOREIGN KEY ("challenge_id") REFERENCES "challenges"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "announcement_recipients_state_idx" ON "announcement_recipients" USING btree ("state","announcement_id");--> statement-breakpoint
CREATE INDEX "submission_changes_submission_idx" ON "submission_changes" USING btree ("submission_id");