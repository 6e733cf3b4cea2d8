package i18n

// The names of the event types the hall's timeline and the paper had no
// use for until every type was named (exam.EventTypes): the hall's own
// facts, the sheets and the offers. One name serves both, where the
// screen does not word the type its own way already.
func init() {
	names := map[string]Text{
		"hall.created":         {"hall created", "создание аудитории", "аудиторияның құрылуы"},
		"roster.imported":      {"roster imported", "загрузка списка", "тізімнің жүктелуі"},
		"exam.started":         {"start of the exam", "начало экзамена", "емтиханның басталуы"},
		"exam.warning":         {"time warning", "предупреждение о времени", "уақыт туралы ескерту"},
		"exam.time_up":         {"time is up", "окончание времени", "уақыттың аяқталуы"},
		"clock.jump":           {"system clock jump", "скачок системных часов", "жүйелік сағаттың секіруі"},
		"chairman.pin_failed":  {"wrong chairman's PIN", "неверный PIN председателя", "төрағаның қате PIN-коды"},
		"interruption.started": {"exam interrupted", "перерыв экзамена", "емтиханның үзілуі"},
		"interruption.ended":   {"exam resumed", "возобновление экзамена", "емтиханның жалғасуы"},
		"hall.closed":          {"hall closed", "закрытие аудитории", "аудиторияның жабылуы"},
		"sheets.printed":       {"answer sheets printed", "печать листов ответов", "жауап парақтарының басылуы"},
		"sheet.received":       {"answer sheet received", "приём листа ответов", "жауап парағының қабылдануы"},
		"sheet.voided":         {"answer sheet voided", "аннулирование листа ответов", "жауап парағының күшін жою"},
		"violation.offered":    {"violation offered", "предложенное нарушение", "ұсынылған бұзушылық"},
		"violation.dismissed":  {"offer dismissed", "отклонённое предложение", "қабылданбаған ұсыныс"},
		"entry.cancelled":      {"correction", "исправление", "түзету"},
	}
	// The timeline words these itself (ui_day.go, ui_sheets.go).
	namedOnScreen := map[string]bool{"sheet.received": true, "sheet.voided": true,
		"violation.offered": true, "violation.dismissed": true, "entry.cancelled": true}
	table := map[string]Text{}
	for typ, name := range names {
		table["paper.event."+typ] = name
		if !namedOnScreen[typ] {
			table["ui.event_type."+typ] = name
		}
	}
	register(table)
}
