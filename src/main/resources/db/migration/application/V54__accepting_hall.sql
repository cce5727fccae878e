-- 异地收件: the hall where the applicant hands in and collects, when it is not the competent region's own hall
-- (NULL: the competent region's hall). The item's 通办范围 decides whether that hall may accept it.
ALTER TABLE application ADD COLUMN accepting_hall TEXT;
