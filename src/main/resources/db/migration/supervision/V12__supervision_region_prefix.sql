-- A city's or a county's dashboard filters the aggregates by a region prefix (LIKE '4301%'). Under the
-- C.UTF-8 collation a plain index cannot serve LIKE; text_pattern_ops can, so a city reads its own rows
-- instead of the province's ("10 million cases" in docs/PERFORMANCE.md).
CREATE INDEX supervision_case_day_region ON supervision_case_day (region text_pattern_ops, day);
CREATE INDEX supervision_task_day_region ON supervision_task_day (region text_pattern_ops, day);
