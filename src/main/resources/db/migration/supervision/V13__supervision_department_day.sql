-- The departments' figures at the dashboard's own grain. supervision_task_day keeps every dimension a
-- filter can name (day × county × hall × department × matter × channel): at 10 million cases it holds
-- 9 million rows, barely fewer than the tasks it summarises, and a month of the province is 380,000 of
-- them. A dashboard without a hall, matter or channel filter, the usual one, reads this rollup instead
-- (day × county × department), which the fold keeps in the same statement ("10 million cases" in
-- docs/PERFORMANCE.md).
CREATE TABLE supervision_department_day (
    day                   DATE   NOT NULL,
    region                TEXT   NOT NULL,
    department            TEXT   NOT NULL,
    decided               INT    NOT NULL DEFAULT 0,
    on_time               INT    NOT NULL DEFAULT 0,
    late                  INT    NOT NULL DEFAULT 0,
    late_on_critical_path INT    NOT NULL DEFAULT 0,
    handling_days         BIGINT NOT NULL DEFAULT 0,
    limit_days            BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (day, region, department)
);
CREATE INDEX supervision_department_day_region ON supervision_department_day (region text_pattern_ops, day);

INSERT INTO supervision_department_day (day, region, department, decided, on_time, late, late_on_critical_path,
    handling_days, limit_days)
SELECT day, region, department, sum(decided), sum(on_time), sum(late), sum(late_on_critical_path), sum(handling_days),
       sum(limit_days)
FROM supervision_task_day
GROUP BY day, region, department;

-- Satisfaction over a month reads every rating of the month: with the region and the level in the index,
-- and the id for the join to rectifications, it reads the index alone; a city reads only its own part.
CREATE INDEX rating_month ON rating (rated_at) INCLUDE (region, level, id);
CREATE INDEX rating_region ON rating (region text_pattern_ops, rated_at) INCLUDE (level, id);
DROP INDEX rating_rated_at;
