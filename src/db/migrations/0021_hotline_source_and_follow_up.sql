-- The hotline, continued: where a report came from (the web form or a contact-centre operator entering a caller's
-- report), the reporter's secret follow-up code, and the inspector's answer to the reporter.

ALTER TABLE hotline.reports
  ADD COLUMN source             text NOT NULL DEFAULT 'web' CHECK (source IN ('web', 'contact_centre')),
  ADD COLUMN reporter_name      text,
  ADD COLUMN follow_code_sha256 bytea CHECK (octet_length(follow_code_sha256) = 32),
  ADD COLUMN reply_to_reporter  text,
  ADD CONSTRAINT reports_entered_by_operator CHECK (source = 'web' OR entered_by IS NOT NULL),
  ADD CONSTRAINT reports_anonymous_has_no_name CHECK (NOT is_anonymous OR reporter_name IS NULL);

COMMENT ON COLUMN hotline.reports.source IS
  'web = the public form; contact_centre = entered by staff (a 1414 operator or a region''s officer) for a caller; entered_by is that account';
COMMENT ON COLUMN hotline.reports.entered_by IS 'the staff account that entered a contact_centre report; null for the web form';
COMMENT ON COLUMN hotline.reports.reporter_name IS
  'the caller''s name as given to the operator (non-anonymous contact_centre reports); shown only to the assigned inspector';
COMMENT ON COLUMN hotline.reports.follow_code_sha256 IS
  'sha256 of the reporter''s follow-up code (128 random bits, shown once at filing); the code itself is never stored. Null for reports filed before 0021';
COMMENT ON COLUMN hotline.reports.reply_to_reporter IS
  'what the inspector tells the reporter on closing, shown on the public follow-up page; resolution_note stays internal';
