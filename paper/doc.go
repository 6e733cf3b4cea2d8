// Package paper is what examday prints: the hall's report (PDF and CSV),
// the answer-sheet packets with their barcodes, and the graders' list of
// codes.
//
// A report is made in two steps. Build reads the hall's state and its log
// into a Report: facts only — instants, durations, codes, names — in no
// language, and with nothing a correction cancelled (the state is already
// replayed without it; the lists taken from the log skip it), while the
// correction itself is listed. WriteCSV and WritePDF then say the Report in
// the catalogue's language. This package opens no file and no database:
// the command reads the store and writes the file.
//
// # The PDF
//
// A4 landscape, the protocol the commission signs, in the one language of
// the catalogue it is written with: the academy, "PROTOCOL No. N" and the
// title, the place and the date of the exam, the hall, its programmes and
// its commission; the start (and the proposed start with the reason it
// was corrected), the end, the warnings, clock jumps, interruptions and
// the close; a table of the examinees with their times, its header
// repeated on every page; then the violations with their
// decisions and the chairman who agreed, the offered violations and their
// fate, the corrections, every answer sheet (its code in the groups
// printed under its barcode, whose it is, its question, where it is and
// when it came back), and what was left unsettled. Every page has a
// footer with lines for the signatures of the officer on duty, the
// chairman of the examination commission, its secretary and each member,
// the place of the seal (L.S., М.П., М.О.), then "page N of M", the log's
// size and the first 12 hex digits of the root of its hash tree — which
// the commission copies onto the paper protocol — and the protocol's
// number, the hall, its date and when the report was made, so that a page
// come apart still says whose it is.
//
// The protocol's number and place are not in the hall's file: the report
// command is given them (Hall.Protocol, Hall.Place) and prints them as
// given; without them, and for the secretary's name, which the hall's
// set-up does not hold, the paper leaves a line of underscores to fill in
// by hand. Dates are printed DD.MM.YYYY, times of day HH:MM:SS. The fonts
// are DejaVu, embedded: Kazakh and Russian names print as written. The
// same Report gives the same bytes.
//
// # The CSV
//
// One file, UTF-8 with a byte-order mark (Excel then reads it as UTF-8),
// comma separated, CRLF line ends, quoted as RFC 4180 says. It holds
// sections one after the other, and the first cell of every row says what
// the row is:
//
//	#hall, #interruption, #examinee, #violation, #offer, #correction, #sheet
//	    a section's header row: the column titles in the catalogue's
//	    language;
//	hall, interruption, examinee, violation, offer, correction, sheet
//	    a data row of that section.
//
// Every section is written, with its header, even when it has no rows. A
// script filters on the first cell and reads the columns by position; the
// positions and their stable ids (ColumnIDs) are, after the first cell:
//
//	hall          field, item, value, detail — one fact a row: field is a
//	              stable id (name, date, protocol [the protocol's number,
//	              as the report command was given it; empty without],
//	              place [likewise], programme, officer, chairman,
//	              member, phase, proposed_start, start [detail: the
//	              correction's reason], planned_end, end, interrupted,
//	              warning [value: minutes left; detail: when], time_up,
//	              clock_jump [value: the jump; detail: when], wrong_pin
//	              [value: what it was for; detail: when, and the lock it
//	              started], closed,
//	              outstanding, log_events, log_root [detail: the whole
//	              root], generated [value: date and time; detail: the
//	              zone], unverified), item its title in the catalogue's
//	              language. Repeated facts (programme, member, warning,
//	              clock_jump, wrong_pin, outstanding) take a row each.
//	interruption  seq, kind, reason, from, to, length, new_end, agreed_by
//	examinee      seat, id, full_name, programme, status, arrived,
//	              admitted_late, materials, ticket, packet, theory_in,
//	              break_out, break_back, break_overrun, medical_exits,
//	              situational_ticket, situational_at, code_out, code_back,
//	              handed_in, late_by, forced_reason, without_situational,
//	              removed, violations
//	violation     seq, at, seat, id, full_name, clause, clause_text,
//	              description, witnesses, action_taken, decision, agreed_by,
//	              recorded_by, offer
//	offer         seq, at, seat, id, full_name, clause, reason, over_by,
//	              fate, decided_at, decided_by, dismissed_reason
//	correction    seq, at, seat, id, full_name, cancelled_seq,
//	              cancelled_entry, cancelled_at, reason, agreed_by,
//	              recorded_by
//	sheet         code, seat, id, full_name, level, question,
//	              question_label, state, issued, received, voided,
//	              void_reason, replaced_by, replaces, packet — every answer
//	              sheet printed (§1.5): each examinee's in roster and
//	              question order, then the packets nobody took, then the
//	              loose spares; codes in the groups of four printed under
//	              the barcode (as text: 12 bare digits would become a
//	              number in a spreadsheet); seat, id and name empty for a
//	              sheet never given out
//
// The date is written once, in the hall section, as YYYY-MM-DD (the
// generated row's too): a script and a spreadsheet read it the same way
// everywhere, where the printed paper writes DD.MM.YYYY. Every time of day
// is HH:MM:SS on the laptop's clock (the zone is the generated row's
// detail), every duration H:MM:SS. seq is the event's number in the log, so each
// row can be found there. Words (status, decision, clause text, fate) are
// in the catalogue's language; codes (programme, clause) are not.
package paper
