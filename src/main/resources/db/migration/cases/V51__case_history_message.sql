-- A step of a case's history says what happened as a message key and its parameters (codes of items, materials,
-- departments and halls, dates, counts, people's own words), written by the same insert as the step and put into
-- sentences in Chinese and English, with names, when the history is read. Older steps keep their text in detail.
ALTER TABLE case_history ADD COLUMN message jsonb;
