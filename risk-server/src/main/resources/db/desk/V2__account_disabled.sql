-- An administrator can lock an account until they unlock it (someone left, a device was lost), apart
-- from the lock that wrong passwords set for a while (locked_until).
ALTER TABLE desk_account ADD COLUMN disabled BOOLEAN DEFAULT FALSE NOT NULL;
