CREATE TABLE `admin_login_tokens` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`telegram_id` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `admin_sessions` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`telegram_id` integer NOT NULL,
	`csrf_token` text NOT NULL,
	`expires_at` integer NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `admin_users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`telegram_id` integer NOT NULL,
	`role` text NOT NULL,
	`added_by` integer,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `admin_users_telegram_id_unique` ON `admin_users` (`telegram_id`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`actor_telegram_id` integer NOT NULL,
	`action` text NOT NULL,
	`target_type` text NOT NULL,
	`target_id` text NOT NULL,
	`before` text,
	`after` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_log_created_idx` ON `audit_log` (`created_at`);--> statement-breakpoint
CREATE TABLE `challenges` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`emoji` text DEFAULT '🏁' NOT NULL,
	`unit` text DEFAULT '' NOT NULL,
	`target` real,
	`min_value` real DEFAULT 0 NOT NULL,
	`max_value` real DEFAULT 100000 NOT NULL,
	`window_start` text,
	`window_end` text,
	`reminder_time` text,
	`is_active` integer DEFAULT true NOT NULL,
	`start_date` text,
	`end_date` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `job_runs` (
	`job` text NOT NULL,
	`period_key` text NOT NULL,
	`ran_at` integer NOT NULL,
	`summary` text,
	PRIMARY KEY(`job`, `period_key`)
);
--> statement-breakpoint
CREATE TABLE `leaderboard_totals` (
	`challenge_id` integer NOT NULL,
	`kind` text NOT NULL,
	`period_key` text NOT NULL,
	`user_id` integer NOT NULL,
	`total` real NOT NULL,
	`days` integer NOT NULL,
	`last_at` integer NOT NULL,
	`eligible` integer DEFAULT true NOT NULL,
	PRIMARY KEY(`challenge_id`, `kind`, `period_key`, `user_id`)
);
--> statement-breakpoint
CREATE INDEX `leaderboard_rank_idx` ON `leaderboard_totals` (`challenge_id`,`kind`,`period_key`,`eligible`,"total" DESC,"days" DESC,`last_at`,`user_id`);--> statement-breakpoint
CREATE INDEX `leaderboard_user_idx` ON `leaderboard_totals` (`user_id`,`challenge_id`);--> statement-breakpoint
CREATE TABLE `monthly_results` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`challenge_id` integer NOT NULL,
	`period` text NOT NULL,
	`rank` integer NOT NULL,
	`user_id` integer NOT NULL,
	`total` real NOT NULL,
	`days` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`challenge_id`) REFERENCES `challenges`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `monthly_results_uq` ON `monthly_results` (`challenge_id`,`period`,`user_id`);--> statement-breakpoint
CREATE INDEX `monthly_results_period_idx` ON `monthly_results` (`period`,`challenge_id`,`rank`);--> statement-breakpoint
CREATE TABLE `reminder_log` (
	`user_id` integer NOT NULL,
	`challenge_id` integer NOT NULL,
	`day` text NOT NULL,
	`sent_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `challenge_id`, `day`)
);
--> statement-breakpoint
CREATE TABLE `submissions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`challenge_id` integer NOT NULL,
	`day` text NOT NULL,
	`value` real NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`challenge_id`) REFERENCES `challenges`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `submissions_user_challenge_day_uq` ON `submissions` (`user_id`,`challenge_id`,`day`);--> statement-breakpoint
CREATE INDEX `submissions_challenge_day_idx` ON `submissions` (`challenge_id`,`day`);--> statement-breakpoint
CREATE INDEX `submissions_day_idx` ON `submissions` (`day`);--> statement-breakpoint
CREATE TABLE `user_challenges` (
	`user_id` integer NOT NULL,
	`challenge_id` integer NOT NULL,
	`is_member` integer DEFAULT true NOT NULL,
	`joined_at` integer NOT NULL,
	`left_at` integer,
	`current_streak` integer DEFAULT 0 NOT NULL,
	`best_streak` integer DEFAULT 0 NOT NULL,
	`last_counted_day` text,
	PRIMARY KEY(`user_id`, `challenge_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`challenge_id`) REFERENCES `challenges`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `user_challenges_challenge_idx` ON `user_challenges` (`challenge_id`,`is_member`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`telegram_id` integer NOT NULL,
	`first_name` text DEFAULT '' NOT NULL,
	`last_name` text,
	`username` text,
	`language_code` text,
	`language` text DEFAULT 'uz' NOT NULL,
	`display_name` text,
	`registered_at` integer,
	`is_banned` integer DEFAULT false NOT NULL,
	`ban_reason` text,
	`reminders_enabled` integer DEFAULT true NOT NULL,
	`unreachable` integer DEFAULT false NOT NULL,
	`last_active_at` integer,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_telegram_id_unique` ON `users` (`telegram_id`);--> statement-breakpoint
CREATE TABLE `weekly_results` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`challenge_id` integer NOT NULL,
	`period` text NOT NULL,
	`rank` integer NOT NULL,
	`user_id` integer NOT NULL,
	`total` real NOT NULL,
	`days` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`challenge_id`) REFERENCES `challenges`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `weekly_results_uq` ON `weekly_results` (`challenge_id`,`period`,`user_id`);--> statement-breakpoint
CREATE INDEX `weekly_results_period_idx` ON `weekly_results` (`period`,`challenge_id`,`rank`);