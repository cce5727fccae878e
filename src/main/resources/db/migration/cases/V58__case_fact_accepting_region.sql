-- 跨域通办: statistics count a case received by a hall of another region for both regions, as accepting and as
-- competent. Each fact of such a case carries the accepting hall's region beside the competent one; NULL for a case
-- received in its own region (as case_file.accepting_region), so that pending facts, the demo history's explicit
-- column list and every local case stay as they were.
ALTER TABLE case_fact ADD COLUMN accepting_region TEXT;
