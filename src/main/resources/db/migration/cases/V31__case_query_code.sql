-- cases: the query code printed on the acceptance receipt, with which anyone holding the receipt follows the
-- case's progress without signing in (办件进度查询). Eight characters of a random UUID: with the look-up's
-- rate limits a code cannot be guessed. Added without a default for the existing rows, so that the migration
-- does not rewrite a large case_file; an older case gets its code the first time its receipt is read.
ALTER TABLE case_file ADD COLUMN query_code TEXT;
ALTER TABLE case_file ALTER COLUMN query_code SET DEFAULT upper(substr(replace(gen_random_uuid()::text, '-', ''), 1, 8));
