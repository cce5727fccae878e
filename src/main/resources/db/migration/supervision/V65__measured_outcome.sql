-- What issued cases really took (the measured figures beside the reduction metrics), as a daily snapshot instead of
-- a year of cases read per call: per region prefix and matter, a histogram of the working days from submission to
-- issue of the cases issued in the 365 days up to as_of, with the sums the means need. A case is counted under every
-- prefix of its competent region that a query can name ('' for all regions, '43' its province, '4307' its city, the
-- county's whole code …), so a region's figures are the rows of one prefix, read by the primary key: the province
-- reads (matters × distinct day values) rows, never its cases.
--
-- The working days are counted on each region's calendar (cn.onego.clock), which SQL does not know: the table is
-- filled by supervision.MeasuredSnapshot, after start-up when it is older than today and every night, never here.
CREATE TABLE measured_outcome (
    as_of date NOT NULL,
    region_prefix text NOT NULL,
    matter text NOT NULL,
    working_days int NOT NULL,
    cases int NOT NULL,
    trips bigint NOT NULL,
    -- materials handed in, summed over the uploaded_cases whose application is kept here
    uploads bigint NOT NULL,
    uploaded_cases int NOT NULL,
    PRIMARY KEY (region_prefix, matter, working_days)
);
