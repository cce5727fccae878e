-- A node remembers the cases it saved last (RememberedCases) and decides the next change of such a case without
-- reading it again: its save is written only over the revision remembered. That is safe only if every write of a case
-- or of one of its tasks moves the case's revision, whoever makes it: the save does (revision + 1), ProvisionalDueDays
-- does, and from here the database makes sure of it for any other — an operator's correction, a script, a test that
-- plants a due day. Such a write makes the remembered case stale, so its next save writes nothing and the use case
-- runs again on the case as read.
--
-- The save and ProvisionalDueDays move revision and task versions themselves, so the conditions below are false for
-- them and the triggers cost them nothing.

CREATE FUNCTION case_file_revision_moves() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.revision := OLD.revision + 1;
    RETURN NEW;
END $$;

CREATE TRIGGER case_file_revision_moves BEFORE UPDATE ON case_file
    FOR EACH ROW WHEN (NEW.revision = OLD.revision) EXECUTE FUNCTION case_file_revision_moves();

-- a task written without moving its version (the save moves it): the task's version moves, and so does its case's revision
CREATE FUNCTION case_task_written_aside() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.version := OLD.version + 1;
    UPDATE case_file SET revision = revision + 1 WHERE id = NEW.case_id;
    RETURN NEW;
END $$;

CREATE TRIGGER case_task_written_aside BEFORE UPDATE ON case_task
    FOR EACH ROW WHEN (NEW.version = OLD.version) EXECUTE FUNCTION case_task_written_aside();
