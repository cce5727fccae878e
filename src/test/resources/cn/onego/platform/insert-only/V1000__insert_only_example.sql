-- How a later migration makes a table insert-only for the application (an audit trail, say): the table gets the
-- application's rights from the owner's default privileges, and one statement takes back what must not happen.
CREATE TABLE insert_only_example (
    id   BIGSERIAL PRIMARY KEY,
    what TEXT NOT NULL
);
REVOKE UPDATE, DELETE ON insert_only_example FROM ${app_role};
