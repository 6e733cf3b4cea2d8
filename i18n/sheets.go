package i18n

// The words of the answer sheets (§1.5): printing, binding, scanning back,
// voiding and reconciling.
func init() {
	register(map[string]Text{
		"sheet_state.printed":            {"printed, not given out", "напечатан, не выдан", "басылған, берілмеген"},
		"sheet_state.issued":             {"given out", "выдан", "берілген"},
		"sheet_state.received":           {"received", "принят", "қабылданған"},
		"sheet_state.voided":             {"void", "аннулирован", "күші жойылған"},
		"refusal.cancel_packet":          {"Entry %d bound a packet of answer sheets: it stays bound. Void a spoilt sheet instead.", "Записью %d за поступающим закреплён пакет листов ответов: такую запись не отменяют. Испорченный лист аннулируйте и замените запасным.", "№%d жазба бойынша түсушіге жауап парақтарының пакеті бекітілген: мұндай жазбаның күші жойылмайды. Бүлінген парақтың күшін жойып, оны қосалқы парақпен ауыстырыңыз."},
		"refusal.spares_range":           {"Spare sheets: from 0 to 500 (not %d).", "Число запасных листов — от 0 до 500 (указано: %d).", "Қосалқы парақтар саны 0-ден 500-ге дейін болуы керек (көрсетілгені: %d)."},
		"refusal.no_sheets":              {"No answer sheets have been printed for this hall yet: “examday sheets print”.", "Листы ответов для этой аудитории ещё не напечатаны. Напечатайте их: «examday sheets print».", "Бұл аудиторияның жауап парақтары әлі басып шығарылмаған. Оларды басып шығарыңыз: «examday sheets print»."},
		"refusal.sheet_unknown":          {"Sheet %s is not one of this hall's sheets.", "Лист %s не числится среди листов этой аудитории.", "%s парағы бұл аудиторияның парақтары арасында жоқ."},
		"refusal.sheet_voided":           {"Sheet %s is void; its replacement is %s.", "Лист %s аннулирован; вместо него выдан лист %s.", "%s парағының күші жойылған; оның орнына %s парағы берілген."},
		"refusal.sheet_reprinted":        {"Sheet %s is void: a new print replaced it, unissued, at %s.", "Лист %s аннулирован: при новой печати в %s он заменён, не будучи выданным.", "%s парағының күші жойылған: ол берілмеген күйінде жаңа басып шығарумен ауыстырылды (уақыты — %s)."},
		"refusal.sheet_spare":            {"Sheet %s is a spare: it replaces a spoilt sheet, it is not a packet.", "Лист %s — запасной: его выдают только взамен испорченного листа, а не в составе пакета.", "%s парағы — қосалқы: ол пакет құрамында емес, тек бүлінген парақтың орнына беріледі."},
		"refusal.packet_bound":           {"The packet of sheet %s is already given to seat %s, %s.", "Пакет, в который входит лист %s, уже выдан: место %s, %s.", "%s парағы бар пакет бұрын берілген: %s орын, %s."},
		"refusal.packet_level":           {"Sheet %s belongs to a %s packet; this examinee sits the %s exam.", "Лист %s — из пакета уровня «%s», а поступающий сдаёт экзамен уровня «%s». Выдайте пакет его уровня.", "%s парағы — «%s» деңгейінің пакетінен, ал түсуші «%s» деңгейі бойынша емтихан тапсырады. Оның деңгейіне сай пакет беріңіз."},
		"refusal.sheet_already_received": {"Sheet %s (seat %s) was already received at %s.", "Лист %s (место %s) уже принят в %s.", "%s парағы (%s орын) бұрын қабылданған (қабылданған уақыты — %s)."},
		"refusal.sheet_not_issued":       {"Sheet %s was never given to anyone.", "Лист %s никому не выдавался.", "%s парағы ешкімге берілмеген."},
		"refusal.sheet_not_voidable":     {"Sheet %s is “%s”: only a sheet given out and not yet received can be voided.", "Лист %s: состояние «%s». Аннулировать можно только выданный и ещё не принятый лист.", "%s парағы: күйі «%s». Тек берілген әрі әлі қабылданбаған парақтың күшін жоюға болады."},
		"refusal.not_a_spare":            {"Sheet %s is not an unused spare.", "Лист %s не является неиспользованным запасным листом.", "%s парағы пайдаланылмаған қосалқы парақ емес."},
		"refusal.void_reason":            {"Say why the sheet is void; it is logged.", "Укажите причину аннулирования листа; она записывается в журнал.", "Парақтың күшін жою себебін көрсетіңіз; ол журналға жазылады."},
	})

	// Where a number meets the words it counts (plural.go).
	registerPlural(map[string]Plural{
		"refusal.sheets_unaccounted": {Text: Text{
			"%d answer ${sheets} given out ${are} neither received nor voided (§1.5). Scan ${them} in, or close with a reason and the chairman's PIN.",
			"Выданные листы ответов не приняты и не аннулированы: %d (§1.5). Отсканируйте их или закройте аудиторию с указанием причины и PIN-кодом председателя экзаменационной комиссии.",
			"Берілген, бірақ қабылданбаған әрі күші жойылмаған жауап парақтары: %d (§1.5). Оларды сканерлеңіз немесе себебін көрсетіп, емтихан комиссиясы төрағасының PIN-кодымен аудиторияны жабыңыз."},
			Words: map[string]Count{
				"sheets": {Arg: 1, EN: Forms{One: "sheet", Other: "sheets"}},
				"are":    {Arg: 1, EN: Forms{One: "is", Other: "are"}},
				"them":   {Arg: 1, EN: Forms{One: "it", Other: "them"}}}},
		"refusal.shortfall_reason": {Text: Text{
			"%d answer ${sheets} missing: say why; it goes into the closing entry.",
			"Не хватает листов ответов: %d. Укажите причину — она войдёт в запись о закрытии аудитории.",
			"Жауап парақтары жетіспейді: %d. Себебін көрсетіңіз — ол аудиторияны жабу туралы жазбаға енгізіледі."},
			Words: map[string]Count{"sheets": {Arg: 1, EN: Forms{One: "sheet is", Other: "sheets are"}}}},
	})
}
