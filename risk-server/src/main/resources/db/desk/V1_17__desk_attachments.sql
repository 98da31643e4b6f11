-- Evidence files uploaded through the desk (photos of a rectification, say). The file itself lies in
-- the configured directory (firerisk.desk.attachments.directory) under a random name, never under the
-- name the browser gave; this row says which venue it belongs to (access follows the venue's unit),
-- what its content was found to be, and its checksum, which the ledger's evidence reference repeats.
CREATE TABLE desk_attachment (
    attachment_id   VARCHAR(40)  NOT NULL PRIMARY KEY,
    venue_id        VARCHAR(128) NOT NULL,
    media_type      VARCHAR(100) NOT NULL,
    bytes           BIGINT       NOT NULL,
    sha256          CHAR(64)     NOT NULL,
    original_name   VARCHAR(255) NOT NULL,
    uploaded_by     VARCHAR(64)  NOT NULL,
    uploaded_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX desk_attachment_venue ON desk_attachment (venue_id);
