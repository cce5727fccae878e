-- audit: a transaction appending to a chain takes the chain's lock and reads its head in one round trip instead of
-- two (docs/PERFORMANCE.md, "Side by side": the trail's statements were half of a case's). Inside a VOLATILE
-- function under READ COMMITTED each query takes a new snapshot, so the head is read after the lock is held —
-- what two statements from the application guaranteed before.
CREATE FUNCTION audit_locked_head(p_day DATE, p_shard SMALLINT, p_lock INT, p_key INT)
    RETURNS TABLE (anchored BOOLEAN, seq BIGINT, hash TEXT)
    LANGUAGE plpgsql VOLATILE AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(p_lock, p_key);
    RETURN QUERY
        SELECT EXISTS (SELECT 1 FROM audit_anchor a WHERE a.day = p_day), last.seq, last.hash
        FROM (SELECT 1) one
        LEFT JOIN LATERAL (SELECT r.seq, r.hash FROM audit_record r WHERE r.day = p_day AND r.shard = p_shard
                           ORDER BY r.seq DESC LIMIT 1) last ON true;
END $$;
