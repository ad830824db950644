DROP INDEX `leaderboard_user_idx`;--> statement-breakpoint
DROP INDEX `submissions_challenge_day_idx`;--> statement-breakpoint
CREATE INDEX `submissions_challenge_day_idx` ON `submissions` (`challenge_id`,`day`,`user_id`,`value`,`created_at`);--> statement-breakpoint
-- Day, week and month boards are summed from the submissions now: only all-time rows stay.
DELETE FROM `leaderboard_totals` WHERE `kind` <> 'a';
