CREATE TABLE `club_chat_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`chat_id` integer,
	`chat_title` text,
	`language` text DEFAULT 'uz' NOT NULL,
	`summary_enabled` integer DEFAULT false NOT NULL,
	`summary_time` text DEFAULT '21:00' NOT NULL,
	`updated_by` integer,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `group_posts` (
	`kind` text NOT NULL,
	`period` text NOT NULL,
	`chat_id` integer NOT NULL,
	`state` text NOT NULL,
	`detail` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`kind`, `period`)
);
--> statement-breakpoint
CREATE TABLE `reminder_preferences` (
	`user_id` integer NOT NULL,
	`challenge_id` integer NOT NULL,
	`reminder_time` text,
	`enabled` integer DEFAULT true NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `challenge_id`)
);
--> statement-breakpoint
CREATE INDEX `reminder_preferences_time_idx` ON `reminder_preferences` (`challenge_id`,`reminder_time`);