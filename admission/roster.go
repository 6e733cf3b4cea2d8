package admission

import (
	"encoding/csv"
	"io"
	"slices"
	"strconv"
	"strings"

	"examday/exam"
)

// Seating is a hall's roster made from the applicants: the rows that
// "examday hall create --roster" reads (exam.ParseRoster), seats 1…N in
// the applicants' order, and every applicant of those programmes who is
// not seated, with why.
type Seating struct {
	Rows []exam.RosterRow
	// Flagged are seated applicants with something for the admission
	// commission to check (Applicant.Flags), by id.
	Flagged map[string][]Note
	// NotSeated are the applicants of the hall's programmes who may not
	// sit the specialty exam, in the applicants' order.
	NotSeated []NotSeated
}

// NotSeated is an applicant left out of a hall's roster, and why.
type NotSeated struct {
	Applicant Applicant
	Why       Note
}

// HallRoster seats, in list order, the applicants of programmes who may
// sit the specialty exam: at least the gate in the language exam, or a
// certificate that exempts (AR 20, 22). Those below the gate and those
// without a language result yet are listed in NotSeated. An applicant
// flagged for the commission (too little service, AR 7, 8) is seated and
// listed in Flagged: the commission decides on the dossier. A roster of
// nobody is refused, with the Seating still saying why.
func HallRoster(list []Applicant, c Campaign, programmes []string) (Seating, error) {
	if len(programmes) == 0 {
		return Seating{}, refuse(RefuseRosterNoProgrammes)
	}
	want := map[string]bool{}
	for _, p := range programmes {
		code := strings.ToUpper(strings.TrimSpace(p))
		if _, ok := c.Programme(code); !ok {
			return Seating{}, refuse(RefuseRosterProgramme, code, c.Year)
		}
		want[code] = true
	}
	s := Seating{Flagged: map[string][]Note{}}
	for _, a := range list {
		if !want[a.Programme] {
			continue
		}
		switch g := a.LanguageGate(c); g.Status {
		case GateFailed:
			s.NotSeated = append(s.NotSeated, NotSeated{a, Note{NoteNotSeatedGate, []any{g.Score, g.Of, g.Scale}}})
			continue
		case GatePending:
			s.NotSeated = append(s.NotSeated, NotSeated{a, Note{NoteNotSeatedPending, nil}})
			continue
		}
		s.Rows = append(s.Rows, exam.RosterRow{
			ID: a.ID, FullName: a.FullName, Programme: a.Programme, IDDocument: a.IDDocument,
			Seat: strconv.Itoa(len(s.Rows) + 1),
		})
		if flags := a.Flags(c); len(flags) > 0 {
			s.Flagged[a.ID] = flags
		}
	}
	if len(s.Rows) == 0 {
		codes := make([]string, 0, len(want))
		for code := range want {
			codes = append(codes, code)
		}
		slices.Sort(codes)
		return s, refuse(RefuseRosterEmpty, strings.Join(codes, ", "))
	}
	return s, nil
}

// WriteRoster writes rows as the roster CSV that "hall create" reads: UTF-8
// with a byte-order mark (so that a spreadsheet shows Kazakh and Russian
// names), comma-separated, the header of exam.RosterColumns.
func WriteRoster(w io.Writer, rows []exam.RosterRow) error {
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	if err := cw.Write(exam.RosterColumns); err != nil {
		return err
	}
	for _, r := range rows {
		rec := make([]string, len(exam.RosterColumns))
		for i, col := range exam.RosterColumns {
			switch col {
			case "id":
				rec[i] = r.ID
			case "full_name":
				rec[i] = r.FullName
			case "programme":
				rec[i] = r.Programme
			case "id_document":
				rec[i] = r.IDDocument
			case "seat":
				rec[i] = r.Seat
			}
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
