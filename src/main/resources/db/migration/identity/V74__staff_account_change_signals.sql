-- Each node keeps the staff accounts it looked up (StaffCache), for the account is read at every staff request. A
-- change to an account must reach every node's copy before the account's next request: disabling an account ends its
-- sessions, a role taken away is taken away at once. So every change of a row, whoever makes it (the administration
-- pages, an operator's SQL, a script), tells every node its username when it commits (NOTIFY; ChangeSignals listens).
-- A TRUNCATE tells an empty key: forget them all.

CREATE FUNCTION staff_account_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        PERFORM pg_notify('onego_staff_account', '');
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM pg_notify('onego_staff_account', OLD.username);
    ELSE
        PERFORM pg_notify('onego_staff_account', NEW.username);
        IF TG_OP = 'UPDATE' AND OLD.username <> NEW.username THEN
            PERFORM pg_notify('onego_staff_account', OLD.username);
        END IF;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER staff_account_changed AFTER INSERT OR UPDATE OR DELETE ON staff_account
    FOR EACH ROW EXECUTE FUNCTION staff_account_changed();

CREATE TRIGGER staff_account_truncated AFTER TRUNCATE ON staff_account
    FOR EACH STATEMENT EXECUTE FUNCTION staff_account_changed();
