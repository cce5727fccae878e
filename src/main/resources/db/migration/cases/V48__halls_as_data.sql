-- cases: the government service halls (政务服务大厅) and the categories of their comprehensive windows (综合窗口)
-- become data that administrators keep on the admin page, instead of a YAML file and an enum of four categories
-- (Changsha runs seven). Halls.competentHall reads them from an in-memory snapshot, so these tables are read at
-- start-up and after each change (hall_change), never per request.

-- A category of comprehensive window and the matter themes whose matters it accepts (一窗无差别受理 by category).
CREATE TABLE window_category (
    code     text PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
    name     text NOT NULL,
    name_en  text,
    position integer NOT NULL,
    version  integer NOT NULL DEFAULT 0
);

-- Every matter theme of the catalogue belongs to exactly one category; a theme not listed here falls back to the
-- rule these rows reproduce (enterprise themes to BUSINESS, the others to SOCIAL_AFFAIRS).
CREATE TABLE window_category_theme (
    theme    text PRIMARY KEY,
    category text NOT NULL REFERENCES window_category (code)
);

-- Today's four categories and today's mapping (Halls.categoryOf before V48), so a fresh install routes as before.
INSERT INTO window_category (code, name, name_en, position) VALUES
    ('BUSINESS', '市场准入和企业服务', 'Business and market entry', 1),
    ('SOCIAL_AFFAIRS', '社会事务', 'Social affairs', 2),
    ('CONSTRUCTION', '工程建设', 'Construction projects', 3),
    ('REAL_ESTATE', '不动产登记', 'Real estate registration', 4);

INSERT INTO window_category_theme (theme, category) VALUES
    ('BIRTH', 'SOCIAL_AFFAIRS'), ('EDUCATION', 'SOCIAL_AFFAIRS'), ('EMPLOYMENT', 'SOCIAL_AFFAIRS'),
    ('MARRIAGE_FAMILY', 'SOCIAL_AFFAIRS'), ('HOUSING', 'REAL_ESTATE'), ('TRAVEL', 'SOCIAL_AFFAIRS'),
    ('MEDICAL', 'SOCIAL_AFFAIRS'), ('ASSISTANCE', 'SOCIAL_AFFAIRS'), ('RETIREMENT', 'SOCIAL_AFFAIRS'),
    ('DEATH', 'SOCIAL_AFFAIRS'), ('MILITARY', 'SOCIAL_AFFAIRS'), ('DISABILITY', 'SOCIAL_AFFAIRS'),
    ('ENTERPRISE_OPENING', 'BUSINESS'), ('ENTERPRISE_CHANGE', 'BUSINESS'), ('ENTERPRISE_OPERATION', 'BUSINESS'),
    ('INVESTMENT_CONSTRUCTION', 'CONSTRUCTION'), ('ENTERPRISE_EXIT', 'BUSINESS'), ('POLICY_BENEFITS', 'BUSINESS');

-- A hall. Its code is OneGo's own and never changes (cases, staff and statistics hold it); a hall is closed, never
-- deleted, so the cases it holds keep their hall. every_category: its windows accept every category (the shipped
-- halls), otherwise those in hall_category.
CREATE TABLE hall (
    code           text PRIMARY KEY CHECK (code ~ '^[A-Z0-9][A-Z0-9_-]{1,39}$'),
    name           text NOT NULL,
    name_en        text,
    region         text NOT NULL CHECK (region ~ '^[0-9]{6}([0-9]{3}){0,2}$'),
    address        text NOT NULL,
    address_en     text,
    phone          text NOT NULL,
    hours          text NOT NULL,
    hours_en       text,
    every_category boolean NOT NULL DEFAULT true,
    closed_at      timestamptz,
    closed_by      text,
    version        integer NOT NULL DEFAULT 0,
    changed_at     timestamptz NOT NULL DEFAULT now(),
    changed_by     text NOT NULL
);

CREATE TABLE hall_category (
    hall     text NOT NULL REFERENCES hall (code) ON DELETE CASCADE,
    category text NOT NULL REFERENCES window_category (code),
    PRIMARY KEY (hall, category)
);

-- The windows of a hall, in the order of their numbers as the hall shows them; categories are codes of
-- window_category (checked by HallAdministration when they are written).
CREATE TABLE hall_window (
    hall       text NOT NULL REFERENCES hall (code) ON DELETE CASCADE,
    number     text NOT NULL,
    name       text NOT NULL,
    name_en    text,
    categories text[] NOT NULL DEFAULT '{}',
    open       boolean NOT NULL DEFAULT true,
    position   integer NOT NULL,
    PRIMARY KEY (hall, number)
);

-- Every change to halls and categories, in order: the administrators' log, and how the other nodes learn to refresh
-- their snapshot (each change also goes into the audit trail).
CREATE TABLE hall_change (
    id     bigserial PRIMARY KEY,
    at     timestamptz NOT NULL,
    actor  text NOT NULL,
    action text NOT NULL,
    target text NOT NULL,
    detail text
);
