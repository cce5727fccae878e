-- The measured reduction metrics (cases.ClosedCases) read the issued cases of one matter in one region since a day:
-- without this index each matter of a region's report would scan every case of the installation.
CREATE INDEX case_file_issued_by_matter ON case_file (matter, region text_pattern_ops, closed_at) WHERE state = 'ISSUED';
