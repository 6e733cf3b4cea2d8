package central

import (
	"encoding/json"
	"fmt"
	"net/http"
)

// Roles. A device the central record enrols is a hall laptop or a marking
// station, and its role and name are part of what is trusted: the token
// is made for one role and one name, a device of another role cannot use
// it, and a device's log is taken only as a log of its role. A hall's log
// begins with the hall's set-up; a marking station's must begin with its
// own (the next issue's), never with a hall's, so that no bundle of one
// role is ever taken as the other.

// Role is what an enrolled device is.
type Role string

const (
	// RoleHall is an exam hall's laptop; its name is the hall's.
	RoleHall Role = "hall"
	// RoleMarker is a marking station; its name is the marker's full name.
	RoleMarker Role = "marker"
)

// CheckRole: a token of another role, or a log that is not of its
// device's role (403).
const CheckRole = "role"

// firstEvent is the type of the first event of a log of each role: what
// a device of that role writes first. A marking station's log (the next
// issue) begins with "station.created".
var firstEvent = map[Role]string{RoleHall: "hall.created", RoleMarker: "station.created"}

// ParseRole reads a role as the API and the records spell it; "" is a
// hall, as every device was before there were roles.
func ParseRole(s string) (Role, bool) {
	switch Role(s) {
	case "", RoleHall:
		return RoleHall, true
	case RoleMarker:
		return RoleMarker, true
	}
	return "", false
}

// orHall is a role as kept, "" (a record from before roles) being a hall.
func orHall(r Role) Role {
	if r == "" {
		return RoleHall
	}
	return r
}

// Enrolment is who a token enrols: a role and a name (the hall's, or the
// marker's full name).
type Enrolment struct {
	Role Role   `json:"role"`
	Name string `json:"name"`
}

// checkLogRole refuses a bundle whose log is not of the device's role:
// the first event of a log that starts here must be its role's first, and
// a log held already must have been taken for that role.
func checkLogRole(p *plan) *Refusal {
	role := orHall(p.device.Role)
	if p.known {
		if kept := orHall(p.log.Role); kept != role {
			return refusal(http.StatusForbidden, CheckRole, "the log %s was taken as a %s's, and device %s is enrolled as a %s",
				p.log.Origin, kept, short(p.b.Header.Device), role)
		}
		return nil
	}
	if p.b.Header.First != 1 || len(p.b.Events) == 0 {
		return nil // a gap: refused as one
	}
	var head struct {
		Type string `json:"type"`
	}
	_ = json.Unmarshal(p.b.Events[0].Body, &head)
	if head.Type != firstEvent[role] {
		what := "a record of another kind"
		for r, t := range firstEvent {
			if t == head.Type {
				what = fmt.Sprintf("a %s's record", r)
			}
		}
		return refusal(http.StatusForbidden, CheckRole, "device %s is enrolled as a %s, and its bundle is %s (its first event is %q, a %s's is %q)",
			short(p.b.Header.Device), role, what, head.Type, role, firstEvent[role])
	}
	return nil
}
