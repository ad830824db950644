CREATE TABLE "club_chat_settings" (
	"id" integer PRIMARY KEY NOT NULL,
	"chat_id" bigint,
	"chat_title" text,
	"language" text DEFAULT 'uz' NOT NULL,
	"summary_enabled" boolean DEFAULT false NOT NULL,
	"summary_time" text DEFAULT '21:00' NOT NULL,
	"updated_by" bigint,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "group_posts" (
	"kind" text NOT NULL,
	"period" text NOT NULL,
	"chat_id" bigint NOT NULL,
	"state" text NOT NULL,
	"detail" text,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL,
	CONSTRAINT "group_posts_kind_period_pk" PRIMARY KEY("kind","period")
);
--> statement-breakpoint
CREATE TABLE "reminder_preferences" (
	"user_id" integer NOT NULL,
	"challenge_id" integer NOT NULL,
	"reminder_time" text,
	"enabled" boolean DEFAULT true NOT NULL,
	"updated_at" bigint NOT NULL,
	CONSTRAINT "reminder_preferences_user_id_challenge_id_pk" PRIMARY KEY("user_id","challenge_id")
);
--> statement-breakpoint
CREATE INDEX "reminder_preferences_time_idx" ON "reminder_preferences" USING btree ("challenge_id","reminder_time");