-- A club that ran before badges: what its members already did counts, so the next result does
-- not announce a "first result", a "personal best" or a streak milestone they passed long ago.
-- The best value of each membership, from its results.
UPDATE `user_challenges` SET `best_value` = (
  SELECT max(s.`value`) FROM `submissions` s
  WHERE s.`user_id` = `user_challenges`.`user_id` AND s.`challenge_id` = `user_challenges`.`challenge_id`
) WHERE `best_value` IS NULL;
--> statement-breakpoint
-- The first result in the club, when it was sent.
INSERT OR IGNORE INTO `badges` (`user_id`, `code`, `challenge_id`, `earned_at`)
  SELECT `user_id`, 'first-result', 0, min(`created_at`) FROM `submissions` GROUP BY `user_id`;
--> statement-breakpoint
-- Streak milestones the best streak reached (their day is not known: the time of this migration).
INSERT OR IGNORE INTO `badges` (`user_id`, `code`, `challenge_id`, `earned_at`)
  SELECT uc.`user_id`, 'streak-' || m.`n`, uc.`challenge_id`, CAST(unixepoch('subsec') * 1000 AS INTEGER)
  FROM `user_challenges` uc JOIN (SELECT 7 AS n UNION ALL SELECT 30 UNION ALL SELECT 100 UNION ALL SELECT 365) m
  WHERE uc.`best_streak` >= m.`n`;
--> statement-breakpoint
-- Podiums of the closed weeks and months (ranks 1-3), when they were written.
INSERT OR IGNORE INTO `badges` (`user_id`, `code`, `challenge_id`, `earned_at`)
  SELECT `user_id`, 'weekly-podium', `challenge_id`, min(`created_at`) FROM `weekly_results` WHERE `rank` <= 3 GROUP BY `user_id`, `challenge_id`;
--> statement-breakpoint
INSERT OR IGNORE INTO `badges` (`user_id`, `code`, `challenge_id`, `earned_at`)
  SELECT `user_id`, 'monthly-podium', `challenge_id`, min(`created_at`) FROM `monthly_results` WHERE `rank` <= 3 GROUP BY `user_id`, `challenge_id`;
--> statement-breakpoint
-- The membership's badge bits (domain/badges.ts BADGE_BITS) follow the badges held (a key lookup each).
UPDATE `user_challenges` SET `badge_bits` = `badge_bits`
  | (CASE WHEN EXISTS (SELECT 1 FROM `badges` b WHERE b.`user_id` = `user_challenges`.`user_id`
      AND b.`code` = 'streak-7' AND b.`challenge_id` = `user_challenges`.`challenge_id`) THEN 1 ELSE 0 END)
  | (CASE WHEN EXISTS (SELECT 1 FROM `badges` b WHERE b.`user_id` = `user_challenges`.`user_id`
      AND b.`code` = 'streak-30' AND b.`challenge_id` = `user_challenges`.`challenge_id`) THEN 2 ELSE 0 END)
  | (CASE WHEN EXISTS (SELECT 1 FROM `badges` b WHERE b.`user_id` = `user_challenges`.`user_id`
      AND b.`code` = 'streak-100' AND b.`challenge_id` = `user_challenges`.`challenge_id`) THEN 4 ELSE 0 END)
  | (CASE WHEN EXISTS (SELECT 1 FROM `badges` b WHERE b.`user_id` = `user_challenges`.`user_id`
      AND b.`code` = 'streak-365' AND b.`challenge_id` = `user_challenges`.`challenge_id`) THEN 8 ELSE 0 END)
  | (CASE WHEN EXISTS (SELECT 1 FROM `badges` b WHERE b.`user_id` = `user_challenges`.`user_id`
      AND b.`code` = 'weekly-podium' AND b.`challenge_id` = `user_challenges`.`challenge_id`) THEN 32 ELSE 0 END)
  | (CASE WHEN EXISTS (SELECT 1 FROM `badges` b WHERE b.`user_id` = `user_challenges`.`user_id`
      AND b.`code` = 'monthly-podium' AND b.`challenge_id` = `user_challenges`.`challenge_id`) THEN 64 ELSE 0 END);
