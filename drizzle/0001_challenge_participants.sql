ALTER TABLE `challenges` ADD `participants` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
UPDATE `challenges` SET `participants` = (
  SELECT count(*) FROM `user_challenges` uc JOIN `users` u ON u.`id` = uc.`user_id`
  WHERE uc.`challenge_id` = `challenges`.`id` AND uc.`is_member` = 1 AND u.`is_banned` = 0
);
