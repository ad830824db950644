CREATE INDEX `submissions_member_days_idx` ON `submissions` (`user_id`,`challenge_id`,`day`,`value`);--> statement-breakpoint
-- Statistics for the new index at once: a database analyzed before it existed would otherwise
-- keep preferring the unique index with the same prefix, which does not cover the profile.
ANALYZE `submissions_member_days_idx`;
