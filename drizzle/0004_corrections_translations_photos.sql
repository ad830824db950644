CREATE TABLE `submission_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`submission_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`challenge_id` integer NOT NULL,
	`day` text NOT NULL,
	`old_value` real NOT NULL,
	`new_value` real,
	`by` text NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `submission_changes_submission_idx` ON `submission_changes` (`submission_id`);--> statement-breakpoint
ALTER TABLE `challenges` ADD `title_ru` text;--> statement-breakpoint
ALTER TABLE `challenges` ADD `title_en` text;--> statement-breakpoint
ALTER TABLE `challenges` ADD `description_ru` text;--> statement-breakpoint
ALTER TABLE `challenges` ADD `description_en` text;--> statement-breakpoint
ALTER TABLE `challenges` ADD `unit_ru` text;--> statement-breakpoint
ALTER TABLE `challenges` ADD `unit_en` text;--> statement-breakpoint
ALTER TABLE `users` ADD `photo_url` text;