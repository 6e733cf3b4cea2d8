package i18n

// The words of the answer sheets (§1.5): printing, binding, scanning back,
// voiding and reconciling.
func init() {
	register(map[string]Text{
		"refusal.cancel_packet":          {"Entry %d bound a packet of answer sheets: it stays bound. Void a spoilt sheet instead.", "Запись %d выдала пакет листов ответов: он остаётся за поступающим. Испорченный лист аннулируйте.", "№%d жазба жауап парақтарының пакетін берді: ол түсушіде қалады. Бүлінген парақтың күшін жойыңыз."},
		"refusal.spares_range":           {"Spare sheets: from 0 to 500 (not %d).", "Запасных листов — от 0 до 500 (не %d).", "Қосалқы парақтар — 0-ден 500-ге дейін (%d емес)."},
		"refusal.no_sheets":              {"No answer sheets have been printed for this hall yet: “examday sheets print”.", "Листы ответов для этой аудитории ещё не напечатаны: «examday sheets print».", "Бұл аудиторияға жауап парақтары әлі басылған жоқ: «examday sheets print»."},
		"refusal.sheet_unknown":          {"Sheet %s is not one of this hall's sheets.", "Лист %s не относится к листам этой аудитории.", "%s парағы бұл аудиторияның парағы емес."},
		"refusal.sheet_voided":           {"Sheet %s is void; its replacement is %s.", "Лист %s аннулирован; его заменил лист %s.", "%s парағының күші жойылған; оның орнына %s парағы берілген."},
		"refusal.sheet_spare":            {"Sheet %s is a spare: it replaces a spoilt sheet, it is not a packet.", "Лист %s — запасной: он заменяет испорченный лист и пакетом не является.", "%s парағы — қосалқы: ол бүлінген парақты ауыстырады, пакет емес."},
		"refusal.packet_bound":           {"The packet of sheet %s is already given to seat %s, %s.", "Пакет листа %s уже выдан: место %s, %s.", "%s парағының пакеті берілген: орын %s, %s."},
		"refusal.packet_level":           {"Sheet %s belongs to a %s packet; this examinee sits the %s exam.", "Лист %s из пакета уровня «%s», а поступающий сдаёт экзамен уровня «%s».", "%s парағы «%s» деңгейінің пакетінен, ал түсуші «%s» деңгейінің емтиханын тапсырады."},
		"refusal.sheet_already_received": {"Sheet %s (seat %s) was already received at %s.", "Лист %s (место %s) уже принят в %s.", "%s парағы (орын %s) қабылданған, уақыты — %s."},
		"refusal.sheet_not_issued":       {"Sheet %s was never given to anyone.", "Лист %s никому не выдавался.", "%s парағы ешкімге берілмеген."},
		"refusal.sheet_not_voidable":     {"Sheet %s is “%s”: only a sheet given out and not yet received can be voided.", "Лист %s: состояние «%s». Аннулировать можно только выданный и ещё не принятый лист.", "%s парағы: күйі «%s». Тек берілген әрі әлі қабылданбаған парақтың күшін жоюға болады."},
		"refusal.not_a_spare":            {"Sheet %s is not an unused spare.", "Лист %s — не свободный запасной лист.", "%s парағы — бос қосалқы парақ емес."},
		"refusal.sheets_unaccounted":     {"%d answer sheet(s) given out are neither received nor voided (§1.5). Scan them in, or close with a reason and the chairman's PIN.", "Выданные листы ответов не приняты и не аннулированы: %d (§1.5). Отсканируйте их или закройте с указанием причины и PIN-кодом председателя.", "Берілген жауап парақтары қабылданбаған әрі күші жойылмаған: %d (§1.5). Оларды сканерлеңіз немесе себебін көрсетіп, төрағаның PIN-кодымен жабыңыз."},
		"refusal.shortfall_reason":       {"%d answer sheet(s) are missing: say why; it goes into the closing entry.", "Не хватает листов ответов: %d. Укажите причину; она войдёт в запись о закрытии.", "Жауап парақтары жетіспейді: %d. Себебін көрсетіңіз; ол жабу жазбасына енеді."},
		"refusal.void_reason":            {"Say why the sheet is void; it is logged.", "Укажите причину аннулирования листа; она записывается в журнал.", "Парақтың күшін жою себебін көрсетіңіз; ол журналға жазылады."},
	})
}
