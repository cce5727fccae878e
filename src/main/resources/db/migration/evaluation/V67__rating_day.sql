-- Satisfaction (好差评) at the dashboard's grain: the ratings of a day by county and hall, with the rectifications their
-- bad ones opened and how many of those are closed. The statistics by region and by hall read it instead of every
-- rating of the period (a month of the province is ~126,000 ratings at 10 million cases, and grows with them; this is
-- ~150 rows a day whatever their number). Ratings.rate adds a rating in the transaction that inserts it, and the
-- callback that closes a rectification counts it closed in the statement that closes it (RatingDays).
-- The day is the rating's day in China (the application's clock, Asia/Shanghai), as the statistics' periods are.
CREATE TABLE rating_day (
    day                   DATE NOT NULL,
    region                TEXT NOT NULL,
    hall                  TEXT NOT NULL,
    level_1               INT  NOT NULL DEFAULT 0,
    level_2               INT  NOT NULL DEFAULT 0,
    level_3               INT  NOT NULL DEFAULT 0,
    level_4               INT  NOT NULL DEFAULT 0,
    level_5               INT  NOT NULL DEFAULT 0,
    rectifications        INT  NOT NULL DEFAULT 0,
    rectifications_closed INT  NOT NULL DEFAULT 0,
    PRIMARY KEY (day, region, hall)
);
-- a city's or a county's satisfaction reads only its own rows (text_pattern_ops for LIKE '4301%', V12)
CREATE INDEX rating_day_region ON rating_day (region text_pattern_ops, day);

-- the ratings so far (one pass over rating and rectification; in day order)
INSERT INTO rating_day (day, region, hall, level_1, level_2, level_3, level_4, level_5, rectifications, rectifications_closed)
SELECT (r.rated_at AT TIME ZONE 'Asia/Shanghai')::date, r.region, r.hall,
       count(*) FILTER (WHERE r.level = 1), count(*) FILTER (WHERE r.level = 2), count(*) FILTER (WHERE r.level = 3),
       count(*) FILTER (WHERE r.level = 4), count(*) FILTER (WHERE r.level = 5),
       count(x.id), count(x.id) FILTER (WHERE x.state = 'CLOSED')
FROM rating r LEFT JOIN rectification x ON x.rating_id = r.id
GROUP BY 1, 2, 3
ORDER BY 1;
