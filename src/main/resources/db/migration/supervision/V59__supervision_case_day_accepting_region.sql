-- 跨域通办: the daily case counts keep the region whose hall received the case beside the competent region, so that
-- the accepting region's supervisor sees what it received for others (异地代收) and the competent region's what it
-- handles for cases received elsewhere (外地收件、本地办理). Every row so far is a case received in its own region.
-- The update rewrites the table once (at 3 million cases 2.7 million rows, docs/PERFORMANCE.md).
ALTER TABLE supervision_case_day ADD COLUMN accepting_region TEXT;
UPDATE supervision_case_day SET accepting_region = region;
ALTER TABLE supervision_case_day ALTER COLUMN accepting_region SET NOT NULL;

-- The hall does not determine the accepting region: a county without a hall of its own has its cases at the city's
-- hall as local cases (accepting region = the county), while an applicant who chose that hall by name is received by
-- the city (accepting region = the city), for the same day, county, hall, matter and channel. So it joins the key.
ALTER TABLE supervision_case_day DROP CONSTRAINT supervision_case_day_pkey;
ALTER TABLE supervision_case_day ADD PRIMARY KEY (day, region, hall, matter, channel, accepting_region);

-- The 跨域 volumes read only the cross-region rows, a small part of the table: by the accepting region's prefix for
-- what a region received for others, by the competent region's for what others received for it.
CREATE INDEX supervision_case_day_received_for_others ON supervision_case_day (accepting_region text_pattern_ops, day)
    WHERE accepting_region <> region;
CREATE INDEX supervision_case_day_received_elsewhere ON supervision_case_day (region text_pattern_ops, day)
    WHERE accepting_region <> region;
