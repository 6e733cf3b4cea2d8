package i18n

// The words of the answer sheets on the terminal screens (§1.5): a scan's
// banner, the materials step that binds a packet, the void flow, the
// reconciliation, the close with sheets missing, and the sheets in an
// examinee's day.
func init() {
	register(map[string]Text{
		"ui.page.sheets": {"answer sheets", "листы ответов", "жауап парақтары"},

		"ui.key.void":      {"void a sheet", "аннулировать лист", "парақтың күшін жою"},
		"ui.key.reconcile": {"sheets reconciliation", "сверка листов", "парақтарды салыстыру"},
		"ui.key.type_code": {"type a sheet's code", "набрать код листа", "парақ кодын теру"},

		// A sheet and its question.
		"ui.sheet.question":          {"Question %d of %d", "Вопрос %d из %d", "%d-сұрақ (барлығы %d)"},
		"ui.sheet.situational":       {"Situational problem", "Ситуационная задача", "Ситуациялық есеп"},
		"ui.sheet.spare":             {"spare sheet", "запасной лист", "қосалқы парақ"},
		"ui.sheet.question_short":    {"Q%d", "В%d", "С%d"},
		"ui.sheet.situational_short": {"Sit.", "Сит.", "Сит."},

		// A scan's banner, over every screen.
		"ui.scan.ticket_recorded": {"Situational ticket %s recorded with the sheet.", "Ситуационный билет №%s записан вместе с листом.", "№%s ситуациялық билет парақпен бірге жазылды."},
		"ui.scan.blank":           {"Received blank: without the situational problem (%s).", "Принят пустым: без ситуационной задачи (%s).", "Бос қабылданды: ситуациялық есепсіз (%s)."},
		"ui.scan.accepted":        {"Seat %s — %s received %s", "Место %s — %s: принят в %s", "Орын %s — %s: қабылданды %s"},
		"ui.scan.whose":           {"%s · sheet %s", "%s · лист %s", "%s · %s парағы"},
		"ui.scan.received_code":   {"Sheet %s received %s", "Лист %s принят в %s", "%s парағы қабылданды: %s"},
		"ui.scan.handed_in": {"Work handed in: %s has finished — take the exam ticket back.",
			"Работа сдана: %s закончил(а) — заберите экзаменационный билет.",
			"Жұмыс тапсырылды: %s аяқтады — емтихан билетін алыңыз."},
		"ui.scan.code_out": {"The Criminal Code is still out: take it back (%s), then the hand-in (%s).",
			"Уголовный кодекс не возвращён: примите его (%s), затем оформите сдачу (%s).",
			"Қылмыстық кодекс қайтарылмаған: оны қабылдаңыз (%s), содан кейін тапсыруды рәсімдеңіз (%s)."},
		"ui.scan.theory_left": {"Theory sheets still out: %d.", "Листов теоретической части ещё не сдано: %d.", "Теориялық бөлімнің әлі тапсырылмаған парақтары: %d."},
		"ui.scan.late": {"%s after the end: offered as violation %s — %s to review.",
			"Через %s после окончания: предложено нарушение %s — %s для рассмотрения.",
			"Аяқталғаннан кейін %s: %s бұзушылығы ұсынылды — қарау үшін %s."},
		"ui.scan.refused":          {"SCAN REFUSED — sheet %s", "СКАН ОТКЛОНЁН — лист %s", "СКАН ҚАБЫЛДАНБАДЫ — %s парағы"},
		"ui.scan.refused_nocode":   {"SCAN REFUSED", "СКАН ОТКЛОНЁН", "СКАН ҚАБЫЛДАНБАДЫ"},
		"ui.scan.not_read":         {"SCAN NOT READ", "СКАН НЕ ПРОЧИТАН", "СКАН ОҚЫЛМАДЫ"},
		"ui.scan.nothing_recorded": {"Nothing was recorded.", "Ничего не записано.", "Ештеңе жазылған жоқ."},
		"ui.scan.typed":            {"Sheet code: %s", "Код листа: %s", "Парақ коды: %s"},
		"ui.scan.typed_keys":       {"%s take in · %s erase · %s clear", "%s принять · %s стереть · %s очистить", "%s қабылдау · %s өшіру · %s тазарту"},

		// The materials step binds a packet.
		"ui.materials.sheet":             {"Answer sheet", "Лист ответа", "Жауап парағы"},
		"ui.materials.sheet_placeholder": {"scan any sheet of the packet", "отсканируйте любой лист пакета", "пакеттің кез келген парағын сканерлеңіз"},
		"ui.materials.scan_hint": {"Scan any sheet of the examinee's packet, or type its code (12 digits).",
			"Отсканируйте любой лист пакета поступающего или наберите его код (12 цифр).",
			"Түсушінің пакетінен кез келген парақты сканерлеңіз немесе оның кодын теріңіз (12 цифр)."},
		"ui.materials.need_sheet": {"Scan a sheet of the packet first: the materials are recorded together with it.",
			"Сначала отсканируйте лист пакета: материалы записываются вместе с ним.",
			"Алдымен пакет парағын сканерлеңіз: материалдар онымен бірге жазылады."},
		"ui.materials.no_sheets": {"No answer sheets are printed for this hall yet, so no packet is bound: only the ticket is recorded.",
			"Листы ответов для этой аудитории ещё не напечатаны, поэтому пакет не закрепляется: записывается только билет.",
			"Бұл аудиторияға жауап парақтары әлі басылмаған, сондықтан пакет бекітілмейді: тек билет жазылады."},
		"ui.done.materials_no_packet": {"%s received ticket %s — no packet bound: no sheets are printed.",
			"%s: выдан билет %s — пакет не закреплён: листы не напечатаны.",
			"%s: %s билеті берілді — пакет бекітілмеді: парақтар басылмаған."},

		// Void and replace.
		"ui.void.title":            {"Void a spoilt answer sheet (§1.5)", "Аннулирование испорченного листа ответа (§1.5)", "Бүлінген жауап парағының күшін жою (§1.5)"},
		"ui.void.step":             {"%d. %s", "%d. %s", "%d. %s"},
		"ui.void.step_spoilt":      {"Scan the spoilt sheet", "Отсканируйте испорченный лист", "Бүлінген парақты сканерлеңіз"},
		"ui.void.step_reason":      {"Say why it is void", "Укажите причину", "Себебін көрсетіңіз"},
		"ui.void.step_spare":       {"Scan the spare that replaces it; then the chairman's PIN", "Отсканируйте запасной лист взамен; затем PIN-код председателя", "Орнына берілетін қосалқы парақты сканерлеңіз; содан кейін төрағаның PIN-коды"},
		"ui.void.spoilt_field":     {"Spoilt sheet:", "Испорченный лист:", "Бүлінген парақ:"},
		"ui.void.spare_field":      {"Spare sheet:", "Запасной лист:", "Қосалқы парақ:"},
		"ui.void.reason_field":     {"Reason:", "Причина:", "Себебі:"},
		"ui.void.scan_placeholder": {"scan it, or type its code", "отсканируйте или наберите код", "сканерлеңіз немесе кодын теріңіз"},
		"ui.void.spoilt_is":        {"Spoilt: %s — %s", "Испорчен: %s — %s", "Бүлінген: %s — %s"},
		"ui.void.whose":            {"seat %s, %s, %s", "место %s, %s, %s", "орын %s, %s, %s"},
		"ui.void.agree":            {"Void sheet %s, replaced by spare %s", "Аннулировать лист %s, взамен — запасной %s", "%s парағының күшін жою, орнына — %s қосалқы парағы"},
		"ui.done.voided": {"Sheet %s is void; spare %s replaces it (%s).",
			"Лист %s аннулирован; его заменил запасной %s (%s).",
			"%s парағының күші жойылды; орнына %s қосалқы парағы берілді (%s)."},
		"ui.sheets.reason_is": {"Reason: %s", "Причина: %s", "Себебі: %s"},

		// The reconciliation.
		"ui.sheets.title":        {"Answer sheets: reconciliation (§1.5)", "Листы ответов: сверка (§1.5)", "Жауап парақтары: салыстыру (§1.5)"},
		"ui.sheets.none_printed": {"No answer sheets are printed for this hall yet.", "Листы ответов для этой аудитории ещё не напечатаны.", "Бұл аудиторияға жауап парақтары әлі басылмаған."},
		"ui.sheets.totals": {"Given out %d · received %d · voided %d · not accounted for %d",
			"Выдано %d · принято %d · аннулировано %d · не учтено %d",
			"Берілді %d · қабылданды %d · күші жойылды %d · есепке алынбаған %d"},
		"ui.sheets.all_in": {"Every sheet given out is received or voided.", "Все выданные листы приняты или аннулированы.", "Берілген парақтардың бәрі қабылданды немесе күші жойылды."},
		"ui.sheets.missing": {"Not accounted for (%d) — given out, neither received nor voided:",
			"Не учтены (%d) — выданы, но не приняты и не аннулированы:",
			"Есепке алынбаған (%d) — берілген, бірақ қабылданбаған әрі күші жойылмаған:"},
		"ui.sheets.missing_line": {"seat %s · %s · %s", "место %s · %s · %s", "орын %s · %s · %s"},
		"ui.sheets.by_examinee":  {"By examinee: received/given out", "По поступающим: принято/выдано", "Түсушілер бойынша: қабылданды/берілді"},
		"ui.sheets.count_void":   {"+%d void", "+%d аннул.", "+%d жойылған"},
		"ui.sheets.count_absent": {"— absent", "— неявка", "— келмеді"},
		"ui.sheets.count_none":   {"— no packet", "— без пакета", "— пакетсіз"},

		// The close with sheets missing.
		"ui.close.shortfall": {"✗ Answer sheets not accounted for: %d", "✗ Не учтено листов ответов: %d", "✗ Есепке алынбаған жауап парақтары: %d"},
		"ui.close.shortfall_explain": {"Every missing sheet is named in the closing entry. Say why they are missing; the chairman then agrees with the PIN.",
			"Каждый недостающий лист будет указан в записи о закрытии. Укажите причину недостачи; затем председатель подтверждает PIN-кодом.",
			"Әр жетіспейтін парақ жабу жазбасында көрсетіледі. Неге жетіспейтінін жазыңыз; содан кейін төраға PIN-кодпен келіседі."},
		"ui.close.shortfall_reason": {"Reason:", "Причина:", "Себебі:"},

		// The examinee's day.
		"ui.detail.sheets":         {"Sheets %d/%d:", "Листы %d/%d:", "Парақтар %d/%d:"},
		"ui.detail.sheets_none":    {"Sheets: no packet bound", "Листы: пакет не закреплён", "Парақтар: пакет бекітілмеген"},
		"ui.detail.sheet_received": {"%s ✔ %s", "%s ✔ %s", "%s ✔ %s"},
		"ui.detail.sheet_blank":    {"%s blank %s", "%s пустой %s", "%s бос %s"},
		"ui.detail.sheet_out":      {"%s out", "%s на руках", "%s қолында"},
		"ui.detail.sheet_void":     {"%s ✗ void %s", "%s ✗ аннул. %s", "%s ✗ жойылды %s"},

		"ui.event.materials_packet":     {"materials issued: exam ticket %s, packet of sheet %s", "выданы материалы: билет %s, пакет листа %s", "материалдар берілді: %s билет, %s парағының пакеті"},
		"ui.event.sheet_received":       {"sheet %s received: %s", "принят лист %s: %s", "%s парағы қабылданды: %s"},
		"ui.event.sheet_received_blank": {"sheet %s received blank: %s, without the situational problem (%s)", "принят пустой лист %s: %s, без ситуационной задачи (%s)", "%s бос парағы қабылданды: %s, ситуациялық есепсіз (%s)"},
		"ui.event.sheet_voided": {"sheet %s void, replaced by %s (agreed: %s): %s",
			"лист %s аннулирован, заменён листом %s (согласовано: %s): %s",
			"%s парағының күші жойылды, орнына %s (келісілді: %s): %s"},
		"ui.event_type.sheet.received": {"sheet received", "приём листа", "парақты қабылдау"},
		"ui.event_type.sheet.voided":   {"sheet voided", "аннулирование листа", "парақтың күшін жою"},
	})

	// Where a number meets the words it counts (plural.go).
	registerPlural(map[string]Plural{
		"ui.scan.theory_in": {Text: Text{
			"Theory handed in: ${all} %d theory ${sheets} in (§1.5).",
			"Теория сдана: все листы теоретической части (%d) приняты (§1.5).",
			"Теория тапсырылды: теориялық бөлімнің барлық парағы (%d) қабылданды (§1.5)."},
			Words: map[string]Count{
				"all":    {Arg: 1, EN: Forms{One: "the", Other: "all"}},
				"sheets": {Arg: 1, EN: Forms{One: "sheet is", Other: "sheets are"}}}},

		"ui.materials.who_sheets": {Text: Text{
			"Seat %s · programme %s · %s: a packet of %d ${sheets}. Hand over the ticket and the packet, type the ticket's number and scan any sheet of the packet.",
			"Место %s · программа %s · %s: пакет из %d ${sheets}. Выдайте билет и пакет, введите номер билета и отсканируйте любой лист пакета.",
			"Орын %s · бағдарлама %s · %s: %d ${sheets} тұратын пакет. Билет пен пакетті беріп, билет нөмірін енгізіңіз және пакеттің кез келген парағын сканерлеңіз."},
			Words: map[string]Count{"sheets": {Arg: 4,
				EN: Forms{One: "sheet", Other: "sheets"},
				RU: Forms{One: "листа", Few: "листов", Many: "листов", Other: "листа"},
				KK: Forms{One: "парақтан", Other: "парақтан"}}}},
		"ui.materials.packet_ok": {Text: Text{
			"Its packet (%s, %d ${sheets}) is free: confirming binds all of it to this examinee.",
			"Пакет этого листа (%s, листов: %d) свободен: подтверждение закрепит его целиком за поступающим.",
			"Бұл парақтың пакеті (%s, %d ${sheets}) бос: растағанда ол толығымен түсушіге бекітіледі."},
			Words: map[string]Count{"sheets": sheetsOf(2)}},
		"ui.done.materials_packet": {Text: Text{
			"%s received ticket %s and the packet of sheet %s (%d ${sheets}).",
			"%s: выданы билет %s и пакет листа %s (листов: %d).",
			"%s: %s билеті және %s парағының пакеті берілді (%d ${sheets})."},
			Words: map[string]Count{"sheets": sheetsOf(4)}},

		"ui.sheets.unused": {Text: Text{
			"Not given out: %d ${packets} · %d spare ${sheets}.",
			"Не выдано: пакетов — %d · запасных листов — %d.",
			"Берілмеген: пакеттер — %d · қосалқы парақтар — %d."},
			Words: map[string]Count{
				"packets": {Arg: 1, EN: Forms{One: "packet", Other: "packets"}},
				"sheets":  {Arg: 2, EN: Forms{One: "sheet", Other: "sheets"}}}},

		"ui.close.shortfall_title": {Text: Text{
			"Close with %d answer ${sheets} missing",
			"Закрытие при недостаче листов ответов: %d",
			"Жауап парақтары жетіспей жабу: %d"},
			Words: map[string]Count{"sheets": {Arg: 1, EN: Forms{One: "sheet", Other: "sheets"}}}},
		"ui.done.closed_shortfall": {Text: Text{
			"The hall is closed with %d answer ${sheets} missing (agreed: %s). Its record is read-only.",
			"Аудитория закрыта при недостаче листов ответов: %d (согласовано: %s). Запись доступна только для чтения.",
			"Аудитория жабылды, жетіспейтін жауап парақтары: %d (келісілді: %s). Жазба тек оқу үшін қолжетімді."},
			Words: map[string]Count{"sheets": {Arg: 1, EN: Forms{One: "sheet", Other: "sheets"}}}},
	})
}

// sheetsOf is "(N sheets)" of a packet, where Russian says «листов: N».
func sheetsOf(arg int) Count {
	return Count{Arg: arg, EN: Forms{One: "sheet", Other: "sheets"}, KK: Forms{One: "парақ", Other: "парақ"}}
}
