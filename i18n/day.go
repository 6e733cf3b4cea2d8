package i18n

// The words of the examinee's day after the start: breaks, the
// situational problem, the hand-in, violations (§2.2–§2.3),
// interruptions, corrections and the close.
func init() {
	register(map[string]Text{
		"violation.a":     {"(a) carrying or using mobile devices, smartphones, flash drives", "(а) пронос или использование мобильных устройств, смартфонов, флеш-накопителей", "(а) ұялы құрылғыларды, смартфондарды, флеш-жинақтауыштарды алып жүру немесе пайдалану"},
		"violation.b":     {"(b) falsifying data on the answer sheet", "(б) фальсификация данных в листе ответов", "(б) жауап парағындағы деректерді бұрмалау"},
		"violation.c":     {"(c) passing exam materials to other examinees", "(в) передача экзаменационных материалов другим поступающим", "(в) емтихан материалдарын басқа түсушілерге беру"},
		"violation.d":     {"(d) leaving the audience after the theoretical part (beyond the permitted break), except for emergency medical care", "(г) выход из аудитории после теоретической части (сверх разрешённого перерыва), кроме случаев оказания экстренной медицинской помощи", "(г) теориялық бөліктен кейін аудиториядан шығу (рұқсат етілген үзілістен тыс), шұғыл медициналық көмек көрсету жағдайларын қоспағанда"},
		"violation.e":     {"(e) using others' help", "(д) использование помощи других лиц", "(д) басқа адамдардың көмегін пайдалану"},
		"violation.f":     {"(f) cheat sheets or other auxiliary material", "(е) использование шпаргалок и иных вспомогательных материалов", "(е) шпаргалкаларды және өзге де көмекші материалдарды пайдалану"},
		"violation.g":     {"(g) breaking the schedule: writing on the sheet before the start or after the end", "(ж) нарушение графика экзамена: записи в листе ответов до начала или после окончания экзамена", "(ж) емтихан кестесін бұзу: емтихан басталғанға дейін немесе аяқталғаннан кейін жауап парағына жазу"},
		"violation.h":     {"(h) taking tickets or other materials out of the audience", "(з) вынос экзаменационных билетов или иных материалов из аудитории", "(з) емтихан билеттерін немесе өзге де материалдарды аудиториядан алып шығу"},
		"violation.i":     {"(i) delaying the hand-in of the ticket and sheets after the allotted time", "(и) задержка сдачи экзаменационного билета и листов ответов по истечении отведённого времени", "(и) бөлінген уақыт өткеннен кейін емтихан билеті мен жауап парақтарын тапсыруды кешіктіру"},
		"violation.other": {"other", "иное", "басқа"},

		"decision.warned":  {"warned, continues", "предупреждён(а), продолжает", "ескерту жасалды, жалғастырады"},
		"decision.removed": {"removed from the exam", "удалён(а) с экзамена", "емтиханнан шығарылды"},

		"interruption.evacuation": {"evacuation", "эвакуация", "эвакуация"},
		"interruption.power_cut":  {"power cut", "отключение электроэнергии", "электр энергиясының өшірілуі"},
		"interruption.other":      {"other", "иное", "басқа"},

		"offer.break_overrun": {"break overran by %s", "перерыв превышен на %s", "үзіліс %s артық созылды"},
		"offer.late_hand_in":  {"handed in %s after the end", "сдано с опозданием на %s", "емтихан аяқталғаннан кейін %s кешігіп тапсырылды"},

		"outstanding.sitting":     {"seat %s, %s: still sitting", "место %s, %s: ещё пишет", "орын %s, %s: әлі жазып отыр"},
		"outstanding.out_of_room": {"seat %s, %s: out of the audience since %s", "место %s, %s: вне аудитории с %s", "орын %s, %s: аудиториядан тыс (шыққан уақыты — %s)"},
		"outstanding.code_out":    {"seat %s, %s: the Criminal Code is not back", "место %s, %s: Уголовный кодекс не возвращён", "орын %s, %s: Қылмыстық кодекс қайтарылмады"},
		"outstanding.offer":       {"seat %s, %s: offered violation (%s) not decided", "место %s, %s: предложенное нарушение (%s) не рассмотрено", "орын %s, %s: ұсынылған бұзушылық (%s) қаралмады"},
		"outstanding.interrupted": {"the exam is interrupted", "экзамен прерван", "емтихан уақытша тоқтатылды"},

		"refusal.hall_closed":                {"The hall is closed: its record is read-only.", "Аудитория закрыта: её данные доступны только для чтения.", "Аудитория жабылды: оның деректерін тек қарауға болады."},
		"refusal.not_started":                {"The exam has not started yet.", "Экзамен ещё не начался.", "Емтихан әлі басталған жоқ."},
		"refusal.time_is_up":                 {"The time is up: nobody can be admitted now.", "Время экзамена истекло: допуск опоздавших невозможен.", "Емтихан уақыты бітті: енді ешкімді емтиханға жіберуге болмайды."},
		"refusal.pin_locked":                 {"Three wrong PINs: the chairman's PIN is locked until %s.", "PIN-код введён неверно три раза подряд: ввод заблокирован до %s.", "PIN-код қатарынан үш рет қате енгізілді: енгізу бұғатталды, бұғат ашылатын уақыт — %s."},
		"refusal.agreement_missing":          {"This needs the agreement of the chairman of the examination commission (§2.3): their PIN.", "Требуется согласие председателя экзаменационной комиссии (§2.3): введите его PIN-код.", "Емтихан комиссиясы төрағасының келісімі қажет (§2.3): оның PIN-кодын енгізіңіз."},
		"refusal.medical_reason":             {"An exit for emergency medical care needs its reason.", "Укажите причину выхода для оказания экстренной медицинской помощи.", "Шұғыл медициналық көмек үшін шығудың себебін көрсетіңіз."},
		"refusal.break_before_theory":        {"%s has not handed in the theory sheets: the break comes after the theoretical part (§2.1). Only an exit for emergency medical care is possible.", "%s ещё не сдал(а) листы ответов теоретической части: перерыв предоставляется после неё (§2.1). Выйти можно только для оказания экстренной медицинской помощи.", "%s теориялық бөліктің жауап парақтарын әлі тапсырған жоқ: үзіліс одан кейін беріледі (§2.1). Аудиториядан тек шұғыл медициналық көмек үшін шығуға болады."},
		"refusal.break_used":                 {"%s already took the one break (out at %s). Another exit only for emergency medical care (§2.2 d).", "%s уже использовал(а) перерыв (выход в %s). Повторный выход — только для оказания экстренной медицинской помощи (§2.2 г).", "%s үзілісті пайдаланып қойған (шыққан уақыты — %s). Қайта шығуға тек шұғыл медициналық көмек үшін болады (§2.2 г)."},
		"refusal.break_not_now":              {"%s: the break follows the theoretical part, before the situational problem (§1.3). Only an exit for emergency medical care is possible now.", "%s: перерыв предоставляется после теоретической части, до ситуационной задачи (§1.3). Сейчас выйти можно только для оказания экстренной медицинской помощи.", "%s: үзіліс теориялық бөліктен кейін, ситуациялық есепке дейін беріледі (§1.3). Қазір аудиториядан тек шұғыл медициналық көмек үшін шығуға болады."},
		"refusal.not_out":                    {"%s is not out of the audience.", "%s не отмечен(а) как вышедший(-ая) из аудитории.", "%s аудиториядан шыққан деп белгіленбеген."},
		"refusal.situational_duplicate":      {"Situational ticket %s was already drawn by %s. Confirm if it really is the same number.", "Ситуационный билет №%s уже вытянул(а) %s. Подтвердите, если номер действительно совпадает.", "№%s ситуациялық билетті %s алып қойған. Нөмір шынымен сәйкес келсе, растаңыз."},
		"refusal.code_not_situational":       {"%s has not drawn a situational ticket: the Criminal Code is for the situational problem (§1.6, §2.1).", "%s ещё не вытянул(а) ситуационный билет: Уголовный кодекс выдаётся для решения ситуационной задачи (§1.6, §2.1).", "%s әлі ситуациялық билет алған жоқ: Қылмыстық кодекс ситуациялық есепті шешу үшін беріледі (§1.6, §2.1)."},
		"refusal.code_already_out":           {"%s already holds the Criminal Code (since %s).", "%s уже получил(а) Уголовный кодекс (в %s).", "%s Қылмыстық кодексті алып қойған (берілген уақыты — %s)."},
		"refusal.code_not_out":               {"%s holds no Criminal Code.", "%s не получал(а) Уголовный кодекс или уже вернул(а) его.", "%s Қылмыстық кодексті алмаған немесе қайтарып берген."},
		"refusal.situational_undrawn":        {"No situational ticket is recorded for %s (seat %s). Was one drawn? Record its number, or hand in without the situational problem with a reason.", "Для %s (место %s) не записан ситуационный билет. Был ли он вытянут? Запишите его номер или примите работу без ситуационной задачи, указав причину.", "%s (%s-орын) үшін ситуациялық билет жазылмаған. Ол алынды ма? Нөмірін жазыңыз немесе себебін көрсетіп, жұмысты ситуациялық есепсіз қабылдаңыз."},
		"refusal.without_situational_reason": {"Say why the work is handed in without the situational problem.", "Укажите, почему работа сдаётся без ситуационной задачи.", "Жұмыс неліктен ситуациялық есепсіз тапсырылатынын көрсетіңіз."},
		"refusal.situational_drawn_already":  {"%s drew situational ticket %s: the work is not handed in without the situational problem.", "%s вытянул(а) ситуационный билет №%s: работа не может быть сдана без ситуационной задачи.", "%s №%s ситуациялық билетті алды: жұмыс ситуациялық есепсіз тапсырылмайды."},
		"refusal.not_situational_sheet":      {"Sheet %s is not a situational sheet.", "Лист %s — не лист ситуационной задачи.", "%s парағы ситуациялық есептің парағы емес."},
		"refusal.seat_not_sitting":           {"%s is not in the exam: there is no seat to change.", "%s не участвует в экзамене: пересаживать некого.", "%s емтиханда отырған жоқ: орын ауыстыруға болмайды."},
		"refusal.seat_missing":               {"Type the seat %s moves to.", "Введите место, на которое пересаживается %s.", "%s ауысатын орынды енгізіңіз."},
		"refusal.seat_too_long":              {"A seat is at most %d characters.", "Номер места — не более %d символов.", "Орын нөмірі %d таңбадан аспайды."},
		"refusal.seat_same":                  {"%s already sits at seat %s.", "%s уже сидит на месте %s.", "%s қазірдің өзінде %s орында отыр."},
		"refusal.seat_reason":                {"A seat change needs its reason.", "Укажите причину пересадки.", "Орын ауыстырудың себебін көрсетіңіз."},
		"refusal.seat_taken":                 {"Seat %s is taken by %s.", "Место %s занято: %s.", "%s орын бос емес: %s."},
		"refusal.code_still_out":             {"%s still holds the Criminal Code. Take it back first, or force the hand-in with a reason.", "%s ещё не вернул(а) Уголовный кодекс. Сначала заберите его или примите работу без возврата кодекса, указав причину.", "%s Қылмыстық кодексті әлі қайтарған жоқ. Алдымен оны қайтарып алыңыз немесе себебін көрсетіп, жұмысты кодекс қайтарылмай қабылдаңыз."},
		"refusal.not_arrived":                {"%s has not arrived: there is no violation to record.", "%s не явился(-ась): нарушение зафиксировать нельзя.", "%s келген жоқ: бұзушылықты тіркеуге болмайды."},
		"refusal.already_removed":            {"%s was already removed from the exam at %s.", "%s уже удалён(а) с экзамена в %s.", "%s емтиханнан шығарылған (шығарылған уақыты — %s)."},
		"refusal.violation_clause":           {"Choose the clause of §2.2 (a–i) or “other” (not %q).", "Выберите подпункт §2.2 (а–и) или «иное» (не %q).", "§2.2 тармақшасын (а–и) немесе «басқа» дегенді таңдаңыз (%q емес)."},
		"refusal.violation_description":      {"Describe what happened.", "Опишите, что произошло.", "Не болғанын сипаттаңыз."},
		"refusal.violation_witnesses":        {"Name the witnesses.", "Укажите свидетелей.", "Куәгерлерді көрсетіңіз."},
		"refusal.violation_decision":         {"Choose the decision (§2.3): warned and continues, or removed from the exam.", "Выберите решение (§2.3): предупреждение с продолжением экзамена или удаление с экзамена.", "Шешімді таңдаңыз (§2.3): ескерту жасап, емтиханды жалғастыру немесе емтиханнан шығару."},
		"refusal.offer_unknown":              {"There is no open offered violation %d.", "Предложенное нарушение №%d не найдено или уже рассмотрено.", "№%d ұсынылған бұзушылық табылмады немесе ол қаралып қойған."},
		"refusal.dismiss_reason":             {"Dismissing an offered violation needs a reason; it is logged.", "Для отклонения предложенного нарушения укажите причину; она записывается в журнал.", "Ұсынылған бұзушылықты қабылдамау үшін себебін көрсетіңіз; ол журналға жазылады."},
		"refusal.cancel_type":                {"A %s entry cannot be cancelled.", "Запись «%s» отменить нельзя.", "«%s» жазбасының күшін жоюға болмайды."},
		"refusal.already_cancelled":          {"Entry %d was already cancelled (by entry %d).", "Запись %d уже отменена (записью %d).", "№%d жазбаның күші бұрын жойылған (№%d жазбамен)."},
		"refusal.cancel_reason":              {"A correction needs a reason; it is logged with it.", "Для исправления укажите причину; она записывается в журнал.", "Түзету үшін себебін көрсетіңіз; ол журналға жазылады."},
		"refusal.cancel_depends":             {"Entry %d cannot be cancelled while later entries depend on it: cancel those first.", "Запись №%d нельзя отменить, пока от неё зависят более поздние записи: сначала отмените их.", "№%d жазбаның күшін жоюға болмайды: кейінгі жазбалар соған байланысты. Алдымен солардың күшін жойыңыз."},
		"refusal.already_interrupted":        {"The exam is already interrupted (since %s).", "Экзамен уже прерван (с %s).", "Емтихан уақытша тоқтатылған (тоқтатылған уақыты — %s)."},
		"refusal.not_interrupted":            {"The exam is not interrupted.", "Экзамен не прерван.", "Емтихан тоқтатылған жоқ."},
		"refusal.interruption_kind":          {"Unknown kind of interruption %q.", "Неизвестный вид прерывания экзамена: %q.", "Емтиханды тоқтатудың белгісіз түрі: %q."},
		"refusal.interruption_reason":        {"Say what interrupted the exam.", "Укажите, что прервало экзамен.", "Емтиханның не себепті тоқтатылғанын көрсетіңіз."},
	})

	// Where a number meets the words it counts (plural.go).
	registerPlural(map[string]Plural{
		"refusal.still_sitting": {Text: Text{"The hall cannot close: %d ${examinees} still sitting or out of the audience.", "Аудиторию нельзя закрыть: ещё пишут или находятся вне аудитории — %d.", "Аудиторияны жабуға болмайды: әлі жазып отырған немесе аудиториядан тыс жүрген түсушілер — %d."},
			Words: map[string]Count{"examinees": {Arg: 1, EN: Forms{One: "examinee is", Other: "examinees are"}}}},
		"refusal.outstanding": {Text: Text{"%d ${items} still outstanding: confirm to close the hall with ${them} on record.", "Остались неурегулированные пункты: %d. Подтвердите закрытие аудитории — они будут записаны в журнал.", "Реттелмеген мәселелер: %d. Аудиторияны жабуды растаңыз — олар журналға жазылады."},
			Words: map[string]Count{
				"items": {Arg: 1, EN: Forms{One: "item is", Other: "items are"}},
				"them":  {Arg: 1, EN: Forms{One: "it", Other: "them"}}}},
	})
}
