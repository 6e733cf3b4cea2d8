package i18n

import (
	"encoding/json"
	"strconv"
	"strings"
	"time"

	"examday/store"
)

// How a StateError (the hall's state kept beside the log does not match
// what the log projects) names where they differ: the record (the hall,
// an examinee, an answer sheet) and its field in words of the language,
// not as the JSON names of the program's records ("examinee M-003:
// seat" reads «экзаменуемый M-003: место»). A field is worded by the
// record's kind and its path without indexes, "store.state.field." +
// "examinee.seat" or "hall.offers.reason"; an index of a list says which
// element («№ 2»), a key of the hall's cancellations which event.

// stateWhere is where a StateError says the state and the log differ.
func (c Catalogue) stateWhere(e *store.StateError) string {
	if e.Record == "" {
		return e.Where // made by something older than its parts
	}
	var record string
	switch e.Record {
	case store.StateExaminee:
		record = c.T("store.state.record.examinee", e.Name)
	case store.StateSheet:
		record = c.T("store.state.record.sheet", e.Name)
	default:
		record = c.T("store.state.record.hall")
	}
	if len(e.Field) == 0 {
		return record
	}
	var parts []string
	key := "store.state.field." + e.Record
	for i, f := range e.Field {
		if n, err := strconv.Atoi(f); err == nil {
			if key == "store.state.field.hall.cancelled" {
				parts = append(parts, c.T("store.state.event", n))
			} else {
				parts = append(parts, c.T("store.state.item", n+1))
			}
			continue
		}
		key += "." + f
		if Has(key) {
			parts = append(parts, c.T(key))
		} else {
			// A field this catalogue does not know yet: its name, as
			// the record spells it, rather than nothing.
			parts = append(parts, strings.Join(e.Field[i:], "."))
			break
		}
	}
	return c.T("store.state.where", record, strings.Join(parts, ", "))
}

// stateValue is a value of a StateError in words: the record one side
// lacks or holds, yes or no, a status, a level or a phase in the words
// the screens use, an instant as the laptop's date and time; any other
// value as the record holds it (JSON).
func (c Catalogue) stateValue(e *store.StateError, v string) string {
	switch v {
	case "":
		return c.T("store.state.absent")
	case "present":
		return c.T("store.state.present")
	case "true":
		return c.T("store.state.yes")
	case "false":
		return c.T("store.state.no")
	case "null":
		return c.T("store.state.absent")
	}
	var s string
	if json.Unmarshal([]byte(v), &s) != nil {
		return v
	}
	field := ""
	if n := len(e.Field); n > 0 {
		field = e.Record + "." + e.Field[n-1]
	}
	codes := map[string]string{
		"examinee.status": "status.", "examinee.return_to": "status.",
		"sheet.state": "sheet_state.", "sheet.level": "level.", "hall.phase": "phase.",
	}
	if prefix, ok := codes[field]; ok && Has(prefix+s) {
		return c.T(prefix + s)
	}
	if at, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return at.Local().Format("2006-01-02 15:04:05")
	}
	return v
}

func init() {
	register(map[string]Text{
		"store.state.record.hall":     {"the hall's record", "запись аудитории", "аудитория жазбасы"},
		"store.state.record.examinee": {"examinee %s", "экзаменуемый %s", "%s емтихан тапсырушысы"},
		"store.state.record.sheet":    {"answer sheet %s", "лист ответов %s", "%s жауап парағы"},
		"store.state.where":           {"%s, %s", "%s, %s", "%s, %s"},
		"store.state.item":            {"no. %d", "№ %d", "№ %d"},
		"store.state.event":           {"event %d", "событие %d", "%d-оқиға"},
		"store.state.yes":             {"yes", "да", "иә"},
		"store.state.no":              {"no", "нет", "жоқ"},

		// The hall's record.
		"store.state.field.hall.name":                {"name of the hall", "название аудитории", "аудитория атауы"},
		"store.state.field.hall.date":                {"date", "дата", "күні"},
		"store.state.field.hall.officer":             {"officer on duty", "дежурный по аудитории", "аудитория бойынша кезекші"},
		"store.state.field.hall.chairman":            {"chairman of the commission", "председатель комиссии", "комиссия төрағасы"},
		"store.state.field.hall.members":             {"members of the commission", "члены комиссии", "комиссия мүшелері"},
		"store.state.field.hall.demo":                {"demo hall", "демо-аудитория", "демо аудитория"},
		"store.state.field.hall.programmes":          {"programmes", "образовательные программы", "білім беру бағдарламалары"},
		"store.state.field.hall.phase":               {"stage of the exam", "этап экзамена", "емтихан кезеңі"},
		"store.state.field.hall.start":               {"start of the exam", "начало экзамена", "емтиханның басталуы"},
		"store.state.field.hall.end":                 {"end of the exam", "окончание экзамена", "емтиханның аяқталуы"},
		"store.state.field.hall.proposed_start":      {"proposed start", "предложенное начало", "ұсынылған басталу уақыты"},
		"store.state.field.hall.start_correction":    {"reason the start was corrected", "причина исправления начала", "басталу уақытын түзету себебі"},
		"store.state.field.hall.warnings":            {"time warnings given", "объявленные предупреждения о времени", "уақыт туралы берілген ескертулер"},
		"store.state.field.hall.time_up_at":          {"time the exam's time ran out", "момент истечения времени", "уақыттың біткен сәті"},
		"store.state.field.hall.clock_jumps":         {"jumps of the clock", "скачки часов", "сағат секірістері"},
		"store.state.field.hall.last_jump_s":         {"size of the last clock jump", "величина последнего скачка часов", "соңғы сағат секірісінің шамасы"},
		"store.state.field.hall.last_jump_at":        {"time of the last clock jump", "время последнего скачка часов", "соңғы сағат секірісінің уақыты"},
		"store.state.field.hall.interrupted":         {"exam interrupted", "экзамен прерван", "емтихан үзілді"},
		"store.state.field.hall.interrupted_at":      {"time of the interruption", "время прерывания экзамена", "емтиханның үзілген уақыты"},
		"store.state.field.hall.interruption_kind":   {"kind of interruption", "вид прерывания", "үзілістің түрі"},
		"store.state.field.hall.interrupted_total_s": {"total time interrupted", "общая длительность прерываний", "үзілістердің жалпы ұзақтығы"},
		"store.state.field.hall.offers":              {"offers awaiting the chairman", "предложения, ожидающие председателя", "төрағаны күтіп тұрған ұсыныстар"},
		"store.state.field.hall.offers.seq":          {"event of the offer", "событие предложения", "ұсыныс оқиғасы"},
		"store.state.field.hall.offers.examinee":     {"examinee", "экзаменуемый", "емтихан тапсырушы"},
		"store.state.field.hall.offers.clause":       {"clause of the rules", "пункт правил", "ереже тармағы"},
		"store.state.field.hall.offers.reason":       {"reason", "причина", "себебі"},
		"store.state.field.hall.offers.seconds":      {"duration", "длительность", "ұзақтығы"},
		"store.state.field.hall.offers.at":           {"time", "время", "уақыты"},
		"store.state.field.hall.cancelled":           {"cancelled events", "отменённые события", "болдырылмаған оқиғалар"},
		"store.state.field.hall.pin_failures":        {"wrong PIN entries", "неверные вводы PIN-кода", "PIN-кодты қате енгізу"},
		"store.state.field.hall.pin_locked_until":    {"PIN locked until", "PIN-код заблокирован до", "PIN-код бұғатталған уақыт"},
		"store.state.field.hall.pin_locks":           {"PIN lockouts", "блокировки PIN-кода", "PIN-кодты бұғаттау"},
		"store.state.field.hall.pin_record":          {"chairman's PIN record", "запись PIN-кода председателя", "төраға PIN-кодының жазбасы"},
		"store.state.field.hall.closed_at":           {"time the hall was closed", "время закрытия аудитории", "аудиторияның жабылған уақыты"},
		"store.state.field.hall.last_seq":            {"number of the last event", "номер последнего события", "соңғы оқиға нөмірі"},
		"store.state.field.hall.last_hash":           {"hash of the last event the state is of", "хеш последнего события, по которому построено состояние", "күй құрылған соңғы оқиғаның хеші"},
		"store.state.field.hall.session":             {"printing session of the sheets", "сеанс печати листов", "парақтарды басып шығару сеансы"},

		// An examinee's record.
		"store.state.field.examinee.ordinal":                    {"number in the roster", "номер в списке", "тізімдегі нөмірі"},
		"store.state.field.examinee.id":                         {"identifier", "идентификатор", "идентификаторы"},
		"store.state.field.examinee.full_name":                  {"full name", "фамилия, имя, отчество", "тегі, аты, әкесінің аты"},
		"store.state.field.examinee.programme":                  {"programme", "образовательная программа", "білім беру бағдарламасы"},
		"store.state.field.examinee.id_document":                {"identity document", "документ, удостоверяющий личность", "жеке басын куәландыратын құжат"},
		"store.state.field.examinee.seat":                       {"seat", "место", "орны"},
		"store.state.field.examinee.status":                     {"status", "статус", "мәртебесі"},
		"store.state.field.examinee.arrived_at":                 {"time of arrival", "время прихода", "келген уақыты"},
		"store.state.field.examinee.absent_at":                  {"time marked absent", "время отметки об отсутствии", "келмеді деп белгіленген уақыты"},
		"store.state.field.examinee.materials_at":               {"time the materials were issued", "время выдачи материалов", "материалдар берілген уақыты"},
		"store.state.field.examinee.ticket":                     {"exam ticket", "экзаменационный билет", "емтихан билеті"},
		"store.state.field.examinee.packet":                     {"packet of answer sheets", "пакет листов ответов", "жауап парақтарының пакеті"},
		"store.state.field.examinee.admitted_late":              {"admitted late", "допущен с опозданием", "кешігіп жіберілді"},
		"store.state.field.examinee.theory_in_at":               {"time the theory was handed in", "время сдачи теории", "теорияны тапсырған уақыты"},
		"store.state.field.examinee.break_taken":                {"break taken", "перерыв использован", "үзіліс пайдаланылды"},
		"store.state.field.examinee.out_medical":                {"out for medical care", "вышел за медицинской помощью", "медициналық көмекке шықты"},
		"store.state.field.examinee.out_reason":                 {"reason for going out", "причина выхода", "шығу себебі"},
		"store.state.field.examinee.return_to":                  {"status to return to", "статус после возвращения", "оралғаннан кейінгі мәртебесі"},
		"store.state.field.examinee.out_at":                     {"time of going out", "время выхода", "шыққан уақыты"},
		"store.state.field.examinee.back_at":                    {"time of coming back", "время возвращения", "оралған уақыты"},
		"store.state.field.examinee.break_out_at":               {"start of the break", "начало перерыва", "үзілістің басталуы"},
		"store.state.field.examinee.break_back_at":              {"end of the break", "окончание перерыва", "үзілістің аяқталуы"},
		"store.state.field.examinee.situational_ticket":         {"situational ticket", "ситуационный билет", "ситуациялық билет"},
		"store.state.field.examinee.situational_at":             {"time the situational ticket was issued", "время выдачи ситуационного билета", "ситуациялық билет берілген уақыты"},
		"store.state.field.examinee.code_out":                   {"Criminal Code given out", "УК выдан", "ҚК берілген"},
		"store.state.field.examinee.code_out_at":                {"time the Criminal Code was given out", "время выдачи УК", "ҚК берілген уақыты"},
		"store.state.field.examinee.code_back_at":               {"time the Criminal Code came back", "время возврата УК", "ҚК қайтарылған уақыты"},
		"store.state.field.examinee.handed_in_at":               {"time the work was handed in", "время сдачи работы", "жұмысты тапсырған уақыты"},
		"store.state.field.examinee.hand_in_late_s":             {"lateness of the hand-in", "опоздание со сдачей", "тапсырудың кешігуі"},
		"store.state.field.examinee.hand_in_forced":             {"reason the work was taken in", "причина принудительной сдачи", "жұмысты мәжбүрлеп қабылдау себебі"},
		"store.state.field.examinee.without_situational":        {"handed in without the situational problem", "сдано без ситуационной задачи", "ситуациялық есепсіз тапсырылды"},
		"store.state.field.examinee.without_situational_reason": {"reason there is no situational problem", "причина отсутствия ситуационной задачи", "ситуациялық есептің болмау себебі"},
		"store.state.field.examinee.violations":                 {"violations", "нарушения", "бұзушылықтар"},
		"store.state.field.examinee.late_offered":               {"late hand-in offered", "предложена поздняя сдача", "кеш тапсыру ұсынылды"},
		"store.state.field.examinee.removed_at":                 {"time of removal", "время удаления", "шығарылған уақыты"},
		"store.state.field.examinee.seqs":                       {"events of the examinee", "события экзаменуемого", "емтихан тапсырушының оқиғалары"},

		// An answer sheet's record.
		"store.state.field.sheet.code":         {"code", "код", "коды"},
		"store.state.field.sheet.packet":       {"packet", "пакет", "пакеті"},
		"store.state.field.sheet.level":        {"level", "уровень", "деңгейі"},
		"store.state.field.sheet.question":     {"question", "вопрос", "сұрағы"},
		"store.state.field.sheet.spare":        {"spare sheet", "запасной лист", "қосалқы парақ"},
		"store.state.field.sheet.state":        {"state", "состояние", "күйі"},
		"store.state.field.sheet.examinee":     {"examinee", "экзаменуемый", "емтихан тапсырушы"},
		"store.state.field.sheet.issued_at":    {"time given out", "время выдачи", "берілген уақыты"},
		"store.state.field.sheet.received_at":  {"time received", "время приёма", "қабылданған уақыты"},
		"store.state.field.sheet.blank":        {"handed back blank", "сдан пустым", "бос тапсырылды"},
		"store.state.field.sheet.blank_reason": {"reason it is blank", "причина пустого листа", "парақтың бос болу себебі"},
		"store.state.field.sheet.voided_at":    {"time voided", "время аннулирования", "күші жойылған уақыты"},
		"store.state.field.sheet.void_reason":  {"reason voided", "причина аннулирования", "күшін жою себебі"},
		"store.state.field.sheet.replaces":     {"sheet it replaces", "заменяемый лист", "ауыстыратын парағы"},
		"store.state.field.sheet.replaced_by":  {"sheet that replaces it", "заменивший его лист", "оны ауыстырған парақ"},
	})
}
