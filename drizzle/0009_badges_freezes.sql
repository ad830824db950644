CREATE TABLE `badges` (
	`user_id` integer NOT NULL,
	`code` text NOT NULL,
	`challenge_id` integer DEFAULT 0 NOT NULL,
	`earned_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `code`, `challenge_id`)
);
--> statement-breakpoint
CREATE INDEX `badges_challenge_idx` ON `badges` (`challenge_id`,`code`);--> statement-breakpoint
CREATE TABLE `streak_freezes` (
	`user_id` integer NOT NULL,
	`challenge_id` integer NOT NULL,
	`day` text NOT NULL,
	`used_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `challenge_id`, `day`)
);
--> statement-breakpoint
ALTER TABLE `user_challenges` ADD `freezes` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `user_challenges` ADD `freeze_earned_on` text;--> statement-breakpoint
ALTER TABLE `user_challenges` ADD `best_value` real;--> statement-breakpoint
ALTER TABLE `user_challenges` ADD `badge_bits` integer DEFAULT 0 NOT NULL;