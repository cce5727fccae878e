-- identity: a password an administrator reset is a temporary one: its holder must choose their own at the next
-- sign-in before doing anything else.
ALTER TABLE staff_account ADD COLUMN password_change_required BOOLEAN NOT NULL DEFAULT false;
