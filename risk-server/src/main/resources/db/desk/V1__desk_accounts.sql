-- The desk's accounts. Passwords are BCrypt hashes; an account created by the desk gets a one-time
-- password that must be changed at the first login. failed_logins and locked_until throttle guessing,
-- in the database so that every desk instance agrees.
CREATE TABLE desk_account (
    username        VARCHAR(64)  NOT NULL PRIMARY KEY,
    password_hash   VARCHAR(100) NOT NULL,
    role            VARCHAR(20)  NOT NULL,
    unit_id         VARCHAR(128),
    person_id       VARCHAR(128),
    display_name    VARCHAR(200) NOT NULL,
    must_change     BOOLEAN      NOT NULL,
    failed_logins   INTEGER      NOT NULL DEFAULT 0,
    locked_until    TIMESTAMP WITH TIME ZONE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT desk_account_role CHECK (role IN ('ADMIN', 'STAFF', 'UNIT_OFFICER', 'INSPECTOR', 'LEADER')),
    CONSTRAINT desk_account_unit CHECK (role <> 'UNIT_OFFICER' OR unit_id IS NOT NULL)
);
