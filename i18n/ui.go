package i18n

// The words of the terminal screens: the dashboard, the board, the dialogs
// and the help. Key names follow the screen they belong to.
func init() {
	register(map[string]Text{
		"ui.window_title":   {"examday — %s", "examday — %s", "examday — %s"},
		"ui.demo":           {"DEMO", "ДЕМО", "ДЕМО"},
		"ui.page.dashboard": {"main screen", "главный экран", "басты экран"},
		"ui.page.board":     {"board", "табло", "табло"},

		"ui.readonly.chain": {"READ-ONLY: the event log of this file does not verify at event %d (%s). Nothing can be recorded; keep the file for the commission.",
			"ТОЛЬКО ЧТЕНИЕ: журнал событий этого файла не проходит проверку на событии %d (%s). Записать ничего нельзя; сохраните файл для комиссии.",
			"ТЕК ОҚУ: бұл файлдың оқиғалар журналы %d-оқиғада тексеруден өтпейді (%s). Ештеңе жазуға болмайды; файлды комиссия үшін сақтаңыз."},
		"ui.readonly.other": {"READ-ONLY: %s. Nothing can be recorded.",
			"ТОЛЬКО ЧТЕНИЕ: %s. Записать ничего нельзя.",
			"ТЕК ОҚУ: %s. Ештеңе жазуға болмайды."},

		"ui.lang.changed":   {"Language: English", "Язык: русский", "Тіл: қазақша"},
		"ui.lang.not_saved": {"Language switched, but not remembered in the file: %s", "Язык переключён, но не сохранён в файле: %s", "Тіл ауыстырылды, бірақ файлда сақталмады: %s"},

		// Keys, as the help lists them.
		"ui.key.up":         {"up", "вверх", "жоғары"},
		"ui.key.down":       {"down", "вниз", "төмен"},
		"ui.key.page_up":    {"page up", "страница вверх", "бет жоғары"},
		"ui.key.page_down":  {"page down", "страница вниз", "бет төмен"},
		"ui.key.home":       {"first examinee", "к первому", "біріншісіне"},
		"ui.key.end":        {"last examinee", "к последнему", "соңғысына"},
		"ui.key.present":    {"mark present", "отметить явку", "келгенін белгілеу"},
		"ui.key.absent":     {"mark absent", "отметить неявку", "келмегенін белгілеу"},
		"ui.key.materials":  {"issue materials", "выдать материалы", "материалдарды беру"},
		"ui.key.start":      {"start the exam", "начать экзамен", "емтиханды бастау"},
		"ui.key.board":      {"board view", "табло", "табло"},
		"ui.key.help":       {"help", "справка", "анықтама"},
		"ui.key.lang":       {"language", "язык", "тіл"},
		"ui.key.quit":       {"quit", "выход", "шығу"},
		"ui.key.back":       {"back", "назад", "артқа"},
		"ui.key.ack":        {"acknowledge warning", "принять предупреждение", "ескертуді қабылдау"},
		"ui.key.yes":        {"yes", "да", "иә"},
		"ui.key.no":         {"no", "нет", "жоқ"},
		"ui.key.confirm":    {"confirm", "подтвердить", "растау"},
		"ui.key.cancel":     {"cancel", "отмена", "болдырмау"},
		"ui.key.correct":    {"correct the start", "исправить начало", "басталуын түзету"},
		"ui.key.next_field": {"next field", "следующее поле", "келесі өріс"},

		"ui.help.title": {"Keys — %s", "Клавиши — %s", "Пернелер — %s"},
		"ui.help.close": {"%s or %s closes this help.", "%s или %s — закрыть справку.", "%s немесе %s — анықтаманы жабу."},

		// The dashboard.
		"ui.header.now":         {"now", "сейчас", "қазір"},
		"ui.header.start":       {"start", "начало", "басталуы"},
		"ui.header.end":         {"end", "конец", "аяқталуы"},
		"ui.header.left":        {"time left", "осталось", "қалды"},
		"ui.header.not_started": {"start: when the last materials are issued (§1.3)", "начало — когда выданы последние материалы (§1.3)", "басталуы — соңғы материалдар берілгенде (§1.3)"},

		"ui.col.seat":        {"Seat", "Место", "Орын"},
		"ui.col.name":        {"Name", "ФИО", "Аты-жөні"},
		"ui.col.programme":   {"Programme", "Программа", "Бағдарлама"},
		"ui.col.status":      {"Status", "Статус", "Күйі"},
		"ui.col.id_document": {"ID document", "Документ", "Құжат"},
		"ui.col.arrived":     {"Arrived", "Пришёл", "Келді"},
		"ui.col.materials":   {"Materials", "Материалы", "Материал"},
		"ui.col.ticket":      {"Ticket", "Билет", "Билет"},

		"ui.position": {"%d of %d", "%d из %d", "%d / %d"},

		// The clock's alerts.
		"ui.alert.ack": {"%s — acknowledge", "%s — принять", "%s — қабылдау"},
		"ui.alert.break_used_up": {"BREAK OVER 10 MINUTES: %s (seat %s), out since %s, is still out; the 10 minutes of §2.1 ended at %s",
			"ПЕРЕРЫВ БОЛЕЕ 10 МИНУТ: %s (место %s), вышел(-ла) в %s, ещё не вернулся(-лась); 10 минут по §2.1 истекли в %s",
			"ҮЗІЛІС 10 МИНУТТАН АСТЫ: %s (%s-орын), %s шықты, әлі оралған жоқ; §2.1 бойынша 10 минут %s аяқталды"},
		"ui.clock.jump":             {"System clock jumped %s at %s.", "Скачок системных часов: %s (в %s).", "Жүйелік сағат секірді: %s (%s кезінде)."},
		"ui.warning.detail":         {"The exam ends at %s.", "Экзамен заканчивается в %s.", "Емтихан аяқталатын уақыт: %s."},
		"ui.warning.time_up":        {"TIME IS UP", "ВРЕМЯ ВЫШЛО", "УАҚЫТ БІТТІ"},
		"ui.warning.time_up_detail": {"The exam ended at %s. Collect the tickets and the answer sheets.", "Экзамен закончился в %s. Соберите билеты и листы ответов.", "Емтихан аяқталды: %s. Билеттер мен жауап парақтарын жинаңыз."},

		// Arrival and materials.
		"ui.confirm.present":     {"Mark %s (seat %s) present?", "Отметить явку: %s (место %s)?", "%s (орын %s) келді деп белгілейміз бе?"},
		"ui.confirm.id_document": {"Identity document %s checked?", "Документ, удостоверяющий личность, %s проверен?", "Жеке басты куәландыратын %s құжаты тексерілді ме?"},
		"ui.confirm.absent":      {"Mark %s (seat %s) ABSENT?", "Отметить НЕЯВКУ: %s (место %s)?", "%s (орын %s) КЕЛМЕДІ деп белгілейміз бе?"},
		"ui.done.present":        {"%s marked present (identity document %s checked).", "%s: явка отмечена (документ %s проверен).", "%s: келгені белгіленді (%s құжаты тексерілді)."},
		"ui.done.absent":         {"%s marked absent.", "%s: отмечена неявка.", "%s: келмегені белгіленді."},
		"ui.done.materials":      {"%s received ticket %s.", "%s: выдан билет %s.", "%s: %s билеті берілді."},
		"ui.materials.title":     {"Issue materials: %s", "Выдача материалов: %s", "Материалдарды беру: %s"},
		"ui.materials.who": {"Seat %s · programme %s. Hand over the ticket and the answer sheets, then type the ticket's number.",
			"Место %s · программа %s. Выдайте билет и листы ответов, затем введите номер билета.",
			"Орын %s · бағдарлама %s. Билет пен жауап парақтарын беріп, билет нөмірін енгізіңіз."},
		"ui.materials.ticket": {"Ticket No.", "Билет №", "Билет №"},

		// The start (§1.3).
		"ui.start.title":          {"Start of the exam (§1.3)", "Начало экзамена (§1.3)", "Емтиханның басталуы (§1.3)"},
		"ui.start.cannot":         {"The exam cannot start yet.", "Начинать экзамен пока нельзя.", "Емтиханды әзірге бастауға болмайды."},
		"ui.start.proposed":       {"Proposed start:", "Предлагаемое начало:", "Ұсынылған басталу уақыты:"},
		"ui.start.proposed_why":   {"the moment the last examinee received the materials", "момент, когда последний поступающий получил материалы", "соңғы түсуші материалдарды алған сәт"},
		"ui.start.end":            {"End (start + 3:00):", "Окончание (начало + 3:00):", "Аяқталуы (басталуы + 3:00):"},
		"ui.start.now":            {"This laptop's clock now:", "Часы этого ноутбука сейчас:", "Осы ноутбуктің сағаты қазір:"},
		"ui.start.compare":        {"Compare it with the clock in the room before you confirm.", "Перед подтверждением сверьте их с часами в аудитории.", "Растамас бұрын аудиториядағы сағатпен салыстырыңыз."},
		"ui.start.correct.title":  {"Correct the start (both fields are required):", "Исправление начала (оба поля обязательны):", "Басталуын түзету (екі өріс те міндетті):"},
		"ui.start.correct.time":   {"Start (HH:MM or HH:MM:SS):", "Начало (ЧЧ:ММ или ЧЧ:ММ:СС):", "Басталуы (СС:ММ не СС:ММ:СС):"},
		"ui.start.correct.reason": {"Reason:", "Причина:", "Себебі:"},
		"ui.start.bad_time":       {"“%s” is not a time of day: type HH:MM or HH:MM:SS.", "«%s» — не время суток: введите ЧЧ:ММ или ЧЧ:ММ:СС.", "«%s» — тәулік уақыты емес: СС:ММ не СС:ММ:СС түрінде енгізіңіз."},
		"ui.start.need_reason":    {"Type the reason for the correction; it is written into the log.", "Укажите причину исправления; она записывается в журнал.", "Түзету себебін жазыңыз; ол журналға жазылады."},
		"ui.done.started":         {"The exam started at %s; it ends at %s.", "Экзамен начался в %s; окончание в %s.", "Емтихан басталды: %s; аяқталуы: %s."},

		// The board, for the projector.
		"ui.board.start":       {"START", "НАЧАЛО", "БАСТАЛУЫ"},
		"ui.board.end":         {"END", "ОКОНЧАНИЕ", "АЯҚТАЛУЫ"},
		"ui.board.now":         {"TIME OF DAY", "ТЕКУЩЕЕ ВРЕМЯ", "ҚАЗІРГІ УАҚЫТ"},
		"ui.board.left":        {"TIME LEFT", "ОСТАЛОСЬ", "ҚАЛҒАН УАҚЫТ"},
		"ui.board.not_started": {"The exam has not started yet.", "Экзамен ещё не начался.", "Емтихан әлі басталған жоқ."},
	})

	// Where a number meets the words it counts (plural.go).
	registerPlural(map[string]Plural{
		"ui.summary": {Text: Text{
			"%d ${examinees} · %d not marked · %d present (%d with materials) · %d absent",
			"Всего %d · не отмечены %d · явились %d (с материалами %d) · не явились %d",
			"Барлығы %d · белгіленбеген %d · келді %d (материалмен %d) · келмеді %d"},
			Words: map[string]Count{"examinees": {Arg: 1, EN: Forms{One: "examinee", Other: "examinees"}}}},
		"ui.warning.minutes": {Text: Text{"%d ${minutes} LEFT", "${left} %d ${minutes}", "%d ${minutes} ҚАЛДЫ"},
			Words: map[string]Count{
				"left": {Arg: 1, RU: Forms{One: "ОСТАЛАСЬ", Few: "ОСТАЛОСЬ", Many: "ОСТАЛОСЬ", Other: "ОСТАЛОСЬ"}},
				"minutes": {Arg: 1,
					EN: Forms{One: "MINUTE", Other: "MINUTES"},
					RU: Forms{One: "МИНУТА", Few: "МИНУТЫ", Many: "МИНУТ", Other: "МИНУТЫ"},
					KK: Forms{One: "МИНУТ", Other: "МИНУТ"}}}},
		"ui.board.warning": {Text: Text{"LESS THAN %d ${minutes} LEFT", "ОСТАЛОСЬ МЕНЕЕ %d ${minutes}", "%d ${minutes} АЗ УАҚЫТ ҚАЛДЫ"},
			Words: map[string]Count{"minutes": {Arg: 1,
				EN: Forms{One: "MINUTE", Other: "MINUTES"},
				RU: Forms{One: "МИНУТЫ", Few: "МИНУТ", Many: "МИНУТ", Other: "МИНУТЫ"},
				KK: Forms{One: "МИНУТТАН", Other: "МИНУТТАН"}}}},
	})
}
