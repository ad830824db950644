CREATE TABLE `announcement_recipients` (
	`announcement_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`state` text DEFAULT 'pending' NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`announcement_id`, `user_id`),
	FOREIGN KEY (`announcement_id`) REFERENCES `announcements`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `announcement_recipients_state_idx` ON `announcement_recipients` (`state`,`announcement_id`);--> statement-breakpoint
CREATE TABLE `announcements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`challenge_id` integer,
	`text_uz` text NOT NULL,
	`text_ru` text,
	`text_en` text,
	`status` text DEFAULT 'sending' NOT NULL,
	`created_by` integer NOT NULL,
	`created_at` integer NOT NULL,
	`finished_at` integer,
	FOREIGN KEY (`challenge_id`) REFERENCES `challenges`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `admin_users` ADD `name` text;