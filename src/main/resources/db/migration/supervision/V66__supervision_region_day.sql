-- The volumes at the dashboard's own grain. supervision_case_day keeps every dimension a filter can name (day × county ×
-- hall × matter × channel × accepting region): a month of the province is ~160,000 of its rows at 10 million cases, and
-- grows with them until every combination occurs. A dashboard without a hall, matter or channel filter, the usual one,
-- reads this rollup instead (day × county × accepting region: ~150 rows a day whatever the number of cases), which the
-- fold keeps in the same statement as the detailed counts (docs/PERFORMANCE.md).
CREATE TABLE supervision_region_day (
    day              DATE NOT NULL,
    region           TEXT NOT NULL,
    accepting_region TEXT NOT NULL,
    submitted        INT  NOT NULL DEFAULT 0,
    accepted         INT  NOT NULL DEFAULT 0,
    not_accepted     INT  NOT NULL DEFAULT 0,
    issued           INT  NOT NULL DEFAULT 0,
    refused          INT  NOT NULL DEFAULT 0,
    PRIMARY KEY (day, region, accepting_region)
);
-- a city's or a county's volumes read only its own rows (LIKE '4301%' needs text_pattern_ops under C.UTF-8, V12)
CREATE INDEX supervision_region_day_region ON supervision_region_day (region text_pattern_ops, day);
-- the 跨域 volumes read only the cross-region rows, by either side's prefix (as V59 for the detailed table)
CREATE INDEX supervision_region_day_received_for_others ON supervision_region_day (accepting_region text_pattern_ops, day)
    WHERE accepting_region <> region;
CREATE INDEX supervision_region_day_received_elsewhere ON supervision_region_day (region text_pattern_ops, day)
    WHERE accepting_region <> region;

-- the counts so far, from the detailed table (one pass over it; in day order, as the fold adds them)
INSERT INTO supervision_region_day (day, region, accepting_region, submitted, accepted, not_accepted, issued, refused)
SELECT day, region, accepting_region, sum(submitted), sum(accepted), sum(not_accepted), sum(issued), sum(refused)
FROM supervision_case_day
GROUP BY day, region, accepting_region
ORDER BY day;
