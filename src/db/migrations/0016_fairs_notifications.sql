-- Fairs: the seeker's notifications about their fair (registration confirmed, interview booked, cancelled, reminded).
-- The exchange keeps its own notifications (application steps, including the employer's decisions on fair
-- applications) and does not expose a way to add to them, so fairs keeps this small table of its own.

CREATE TABLE fairs.notifications (
  id             bigserial PRIMARY KEY,
  fair_id        bigint NOT NULL REFERENCES fairs.fairs (id),
  recipient_iin  char(12) NOT NULL CHECK (recipient_iin ~ '^\d{12}$'),
  kind           text NOT NULL CHECK (kind IN ('registration.confirmed', 'booking.confirmed', 'booking.cancelled', 'booking.reminder')),
  booking_id     bigint,
  payload        jsonb NOT NULL DEFAULT '{}',
  created_at     timestamptz NOT NULL DEFAULT now(),
  read_at        timestamptz
);
COMMENT ON COLUMN fairs.notifications.booking_id IS 'the booking it speaks of; no foreign key, because a cancelled booking is deleted (its slot is freed) while the notice stays';
COMMENT ON COLUMN fairs.notifications.payload IS 'what the notice says: fair title, booth employer, slot times, meeting link';
CREATE INDEX notifications_recipient_idx ON fairs.notifications (recipient_iin, id DESC);
-- One reminder per booking, so the reminder job may run any number of times.
CREATE UNIQUE INDEX notifications_one_reminder_idx ON fairs.notifications (booking_id) WHERE kind = 'booking.reminder';
-- One confirmation per registration: registering twice returns the first registration and does not notify again.
CREATE UNIQUE INDEX notifications_one_registration_idx ON fairs.notifications (fair_id, recipient_iin)
  WHERE kind = 'registration.confirmed';
