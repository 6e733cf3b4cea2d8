// Package admission holds the rules of the admission campaign, clause by
// clause from the Academy's admission rules (order No. 101, cited as AR 4,
// AR 20 …): the campaign's dates, places, pass marks, language gate and
// commissions; the applicants and their documents; the language gate and
// the certificates that exempt from it; the flags on eligibility; and the
// hall roster made from those who may sit the specialty exam.
//
// It decides; it does not store and it does not draw. A decision of the
// commission's desk is a method on Desk that returns the Event recording
// it (for the central record's own signed log) or a refusal with a code;
// a file that breaks the rules is refused with every reason, each a code
// with the line and the key or column it is about. Desk.Apply folds an
// event in. The words of every code are in package i18n, under
// "campaign.", "applicants." and "admission.". Nothing here imports
// bbolt, the store or a screen.
//
// # The campaign file
//
// TOML, read with github.com/pelletier/go-toml/v2. A key the file leaves
// out takes the default written beside it; a key the rules need has none.
//
//	year = 2027
//	pass_marks_decision = "Academic Council, protocol No. 9 of 2027-06-18" # optional (AR 30)
//
//	[dates]                        # AR 4–5 by default; the rector may move them (AR 6)
//	documents_from = 2027-07-03    # default 3 July
//	documents_to   = 2027-07-25    # default 25 July
//	exams_from     = 2027-08-10    # default 10 August
//	exams_to       = 2027-08-20    # default 20 August
//	enrolment_by   = 2027-08-25    # default 25 August
//	moved_by = "Rector's order No. …" # required when a date is not AR 4–5's
//
//	[language]                     # AR 20
//	gate  = 30                     # default 30 points
//	scale = 50                     # default 50, the national test's language block
//
//	[question_points]              # AR 30, Appendix 4 (not in our copy)
//	master   = [25, 25, 25, 25]    # default: 3 theoretical questions + the situational problem (§1.4)
//	doctoral = [30, 30, 40]        # default: 2 theoretical questions + the situational problem
//
//	[marking]                      # the rules are silent: the campaign's settings
//	markers = 2                    # default 2 independent markers (1 or 2)
//	third_over_percent = 20        # default: more than 20% of the question's maximum apart calls a third
//	third = "third"                # default: the third's mark decides; or "with_nearer"
//
//	[admission_commission]         # AR 10: chair, secretary, at least 3 members
//	chair = "…"
//	secretary = "…"
//	members = ["…", "…", "…"]
//
//	[appeal_commission]            # AR 26: chair and at least 2 members
//	chair = "…"
//	members = ["…", "…"]
//
//	[programmes.7M04203]           # one table per programme of §1.2 admitting this year
//	places = 15                    # the state educational order (AR 2), at least 1
//	pass_mark = 60                 # AR 30: out of 100, set yearly by the Academic Council; no default
//
//	[programmes.7M04203.exam_commission]  # AR 19
//	chair = "…"
//	secretary = "…"
//	members = [
//	  { name = "…", degree = "doctor_of_law" },        # or candidate_of_science, phd
//	  { name = "…", degree = "phd" },
//	  "…",                                              # a member without a degree
//	]
//
// Dates are TOML dates or text ("2027-08-10", "10.08.2027"). Unknown keys
// are refused (a misspelt key would otherwise fall back to its default
// unseen). The chairs' PINs are never in the file: they are asked on the
// terminal, as a hall's chairman's is, and the log keeps only the digest of
// each stored record (Desk.PINsToAsk says whose to ask).
//
// # The applicants file
//
// CSV (as the roster: UTF-8 with or without a byte-order mark, comma- or
// semicolon-separated) or an Excel workbook (.xlsx: the sheet named
// "applicants", else the first), one applicant a row under a header that
// names the columns, in any order: id, full_name, programme, id_document;
// service_years (decimals, "3.5" or "3,5") or service_since (a date; in a
// workbook, a date cell too); language (en, de, fr) and language_score
// once the language exam is marked, or certificate and certificate_score;
// publications, publications_high, research_certificates, grants,
// diplomas (whole numbers; 0 when the column is absent or the cell empty).
// A file with any bad row imports nobody, and every bad row is reported by
// its line (the header is line 1).
//
// # Readings of the rules
//
// Where the rules are silent or read two ways, this package takes the
// reading a careful commission would, and says so here:
//
//   - AR 19, "two of them" doctors of law, candidates of science or PhDs:
//     at least two of the ordinary members (the chair and the secretary
//     are not counted), as the clause's "of them" follows "members".
//   - AR 26: the appeal commission's secretary is optional and not counted
//     among its at least two members.
//   - AR 4–6: the documents close before the exams open, the exams end
//     before the enrolment date, all within the campaign's year; a date
//     other than AR 4–5's needs the rector's decision named (AR 6).
//   - AR 20: a gate and a scale are settings (30 of 50 by default), for
//     the national test may change its scale; the gate is at least the
//     gate ("кемінде 30 балл": 30 passes, 29 does not).
//   - AR 22: a level named is the least that exempts (DSH C1 exempts as
//     B2 does; TFI needs at least B1 in both reading and listening, given
//     as "B1/B2", reading first). "TOEFL" alone is the paper-based test, as
//     AR 22 writes it. DSH-1/2/3 read as B2/C1/C2, TestDaF TDN 3/4/5 as
//     B2/B2/C1. Scores outside a certificate's scale are refused as typing
//     errors. A certificate that does not exempt is kept: the language
//     exam decides.
//   - AR 7, 8: service is counted on the documents' last day (AR 4); too
//     little is a flag for the commission, never a refusal (AR 11.1: it
//     decides on the dossier). The doctoral master's degree (AR 8) is in
//     the dossier only.
//   - AR 31, publications "including" those in high-ranked journals:
//     publications_high is a part of publications, never more.
//   - An applicants import is the whole list, one event: nothing is
//     half-imported, and the log holds the file's digest and what each
//     re-import added, removed and changed (a re-import names its reason).
//     Events per applicant would split one file over many entries and let
//     a crash between them leave half a list.
//   - The hall roster seats only those who may sit the specialty exam
//     (AR 20): those below the gate or without a language result yet are
//     listed apart, with why.
package admission
