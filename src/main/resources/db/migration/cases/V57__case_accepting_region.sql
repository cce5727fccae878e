-- 跨域通办: a case accepted by a hall of another region than the competent one (异地收件、远程流转、属地办理)
-- records the accepting hall's region; NULL for a case accepted in its own region (every case before this
-- version). The hall column stays the hall whose windows accept and deliver the case.
ALTER TABLE case_file ADD COLUMN accepting_region TEXT;
CREATE INDEX case_file_accepting_region ON case_file (accepting_region text_pattern_ops) WHERE accepting_region IS NOT NULL;
