package i18n

// The words of the examinee's day after the start: breaks, the
// situational problem, the hand-in, violations (§2.2–§2.3),
// interruptions, corrections and the close.
func init() {
	register(map[string]Text{
		"violation.a":     {"(a) carrying or using mobile devices, smartphones, flash drives", "(а) наличие или использование мобильных устройств, смартфонов, флеш-накопителей", "(а) ұялы құрылғыларды, смартфондарды, флеш-жинақтауыштарды алып жүру немесе пайдалану"},
		"violation.b":     {"(b) falsifying data on the answer sheet", "(б) фальсификация данных в листе ответа", "(б) жауап парағындағы деректерді бұрмалау"},
		"violation.c":     {"(c) passing exam materials to other examinees", "(в) передача экзаменационных материалов другим поступающим", "(в) емтихан материалдарын басқа түсушілерге беру"},
		"violation.d":     {"(d) leaving the audience after the theoretical part (beyond the permitted break), except for emergency medical care", "(г) выход из аудитории после теоретической части (сверх разрешённого перерыва), кроме случаев оказания экстренной медицинской помощи", "(г) теориялық бөліктен кейін аудиториядан шығу (рұқсат етілген үзілістен тыс), шұғыл медициналық көмек көрсету жағдайларынан басқа"},
		"violation.e":     {"(e) using others' help", "(д) использование помощи других лиц", "(д) басқалардың көмегін пайдалану"},
		"violation.f":     {"(f) cheat sheets or other auxiliary material", "(е) шпаргалки и иные вспомогательные материалы", "(е) шпаргалкалар және өзге де көмекші материалдар"},
		"violation.g":     {"(g) breaking the schedule: writing on the sheet before the start or after the end", "(ж) нарушение графика: запись на листе до начала или после окончания", "(ж) кестені бұзу: басталғанға дейін немесе аяқталғаннан кейін парақта жазу"},
		"violation.h":     {"(h) taking tickets or other materials out of the audience", "(з) вынос билетов или иных материалов из аудитории", "(з) билеттерді немесе өзге материалдарды аудиториядан алып шығу"},
		"violation.i":     {"(i) delaying the hand-in of the ticket and sheets after the allotted time", "(и) задержка сдачи билета и листов ответа после отведённого времени", "(и) бөлінген уақыттан кейін билет пен жауап парақтарын тапсыруды кешіктіру"},
		"violation.other": {"other", "иное", "басқа"},

		"decision.warned":  {"warned, continues", "предупреждён(а), продолжает", "ескерту жасалды, жалғастырады"},
		"decision.removed": {"removed from the exam", "удалён(а) с экзамена", "емтиханнан шығарылды"},

		"interruption.evacuation": {"evacuation", "эвакуация", "эвакуация"},
		"interruption.power_cut":  {"power cut", "отключение электроэнергии", "электр қуатының өшуі"},
		"interruption.other":      {"other", "иное", "басқа"},

		"offer.break_overrun": {"break overran by %s", "перерыв превышен на %s", "үзіліс %s асып кетті"},
		"offer.late_hand_in":  {"handed in %s after the end", "сдано через %s после окончания", "аяқталғаннан кейін %s өткен соң тапсырылды"},

		"outstanding.sitting":     {"seat %s, %s: still sitting", "место %s, %s: ещё пишет", "%s орын, %s: әлі жазып отыр"},
		"outstanding.out_of_room": {"seat %s, %s: out of the audience since %s", "место %s, %s: вне аудитории с %s", "%s орын, %s: %s бастап аудиториядан тыс"},
		"outstanding.code_out":    {"seat %s, %s: the Criminal Code is not back", "место %s, %s: Уголовный кодекс не возвращён", "%s орын, %s: Қылмыстық кодекс қайтарылмады"},
		"outstanding.offer":       {"seat %s, %s: offered violation (%s) not decided", "место %s, %s: предложенное нарушение (%s) не рассмотрено", "%s орын, %s: ұсынылған бұзушылық (%s) қаралмады"},
		"outstanding.interrupted": {"the exam is interrupted", "экзамен прерван", "емтихан үзілді"},

		"refusal.hall_closed":           {"The hall is closed: its record is read-only.", "Аудитория закрыта: запись доступна только для чтения.", "Аудитория жабық: жазба тек оқу үшін қолжетімді."},
		"refusal.not_started":           {"The exam has not started yet.", "Экзамен ещё не начался.", "Емтихан әлі басталған жоқ."},
		"refusal.time_is_up":            {"The time is up: nobody can be admitted now.", "Время вышло: допуск больше невозможен.", "Уақыт бітті: енді ешкімді жіберуге болмайды."},
		"refusal.pin_locked":            {"Three wrong PINs: the chairman's PIN is locked until %s.", "Трижды введён неверный PIN-код: ввод заблокирован до %s.", "PIN-код үш рет қате енгізілді: енгізу %s дейін бұғатталды."},
		"refusal.agreement_missing":     {"This needs the agreement of the chairman of the examination commission (§2.3): their PIN.", "Нужно согласие председателя экзаменационной комиссии (§2.3): его PIN-код.", "Емтихан комиссиясы төрағасының келісімі қажет (§2.3): оның PIN-коды."},
		"refusal.medical_reason":        {"An exit for emergency medical care needs its reason.", "Для выхода за экстренной медицинской помощью укажите причину.", "Шұғыл медициналық көмекке шығудың себебін көрсетіңіз."},
		"refusal.break_before_theory":   {"%s has not handed in the theory sheets: the break comes after the theoretical part (§2.1). Only an exit for emergency medical care is possible.", "%s ещё не сдал(а) листы теоретической части: перерыв — после неё (§2.1). Возможен только выход за экстренной медицинской помощью.", "%s теориялық бөлімнің парақтарын әлі тапсырған жоқ: үзіліс одан кейін (§2.1). Тек шұғыл медициналық көмекке шығуға болады."},
		"refusal.break_used":            {"%s already took the one break (out at %s). Another exit only for emergency medical care (§2.2 d).", "%s уже использовал(а) перерыв (выход в %s). Повторный выход — только за экстренной медицинской помощью (§2.2 г).", "%s үзілісті пайдаланып қойды (%s шықты). Қайта шығу тек шұғыл медициналық көмек үшін (§2.2 г)."},
		"refusal.break_not_now":         {"%s: the break follows the theoretical part, before the situational problem (§1.3). Only an exit for emergency medical care is possible now.", "%s: перерыв — после теоретической части, до ситуационной задачи (§1.3). Сейчас возможен только выход за экстренной медицинской помощью.", "%s: үзіліс теориялық бөліктен кейін, ситуациялық есепке дейін (§1.3). Қазір тек шұғыл медициналық көмекке шығуға болады."},
		"refusal.not_out":               {"%s is not out of the audience.", "%s не выходил(а) из аудитории.", "%s аудиториядан шыққан жоқ."},
		"refusal.situational_duplicate": {"Situational ticket %s was already drawn by %s. Confirm if it really is the same number.", "Ситуационный билет %s уже вытянул(а) %s. Подтвердите, если номер действительно тот же.", "%s ситуациялық билетін %s алған. Нөмір шынымен бірдей болса, растаңыз."},
		"refusal.code_not_situational":  {"%s has not drawn a situational ticket: the Criminal Code is for the situational problem (§1.6, §2.1).", "%s не тянул(а) ситуационный билет: Уголовный кодекс выдаётся для ситуационной задачи (§1.6, §2.1).", "%s ситуациялық билет алған жоқ: Қылмыстық кодекс ситуациялық есеп үшін беріледі (§1.6, §2.1)."},
		"refusal.code_already_out":      {"%s already holds the Criminal Code (since %s).", "У %s уже есть Уголовный кодекс (с %s).", "%s Қылмыстық кодексті алып қойған (%s бастап)."},
		"refusal.code_not_out":          {"%s holds no Criminal Code.", "У %s нет Уголовного кодекса.", "%s Қылмыстық кодексті алған жоқ."},
		"refusal.code_still_out":        {"%s still holds the Criminal Code. Take it back first, or force the hand-in with a reason.", "У %s ещё Уголовный кодекс. Сначала заберите его или оформите сдачу принудительно с указанием причины.", "%s Қылмыстық кодексті әлі қайтарған жоқ. Алдымен оны алыңыз немесе себебін көрсетіп, тапсыруды мәжбүрлеп тіркеңіз."},
		"refusal.not_arrived":           {"%s has not arrived: there is no violation to record.", "%s не явился(-ась): нарушение записать нельзя.", "%s келген жоқ: бұзушылықты жазуға болмайды."},
		"refusal.already_removed":       {"%s was already removed from the exam at %s.", "%s уже удалён(а) с экзамена в %s.", "%s емтиханнан %s шығарылған."},
		"refusal.violation_clause":      {"Choose the clause of §2.2 (a–i) or “other” (not %q).", "Выберите подпункт §2.2 (а–и) или «иное» (не %q).", "§2.2 тармақшасын (а–и) немесе «басқа» таңдаңыз (%q емес)."},
		"refusal.violation_description": {"Describe what happened.", "Опишите, что произошло.", "Не болғанын сипаттаңыз."},
		"refusal.violation_witnesses":   {"Name the witnesses.", "Укажите свидетелей.", "Куәгерлерді көрсетіңіз."},
		"refusal.violation_decision":    {"Choose the decision (§2.3): warned and continues, or removed from the exam.", "Выберите решение (§2.3): предупреждение и продолжение или удаление с экзамена.", "Шешімді таңдаңыз (§2.3): ескерту және жалғастыру немесе емтиханнан шығару."},
		"refusal.offer_unknown":         {"There is no open offered violation %d.", "Нет открытого предложенного нарушения %d.", "%d ұсынылған бұзушылық жоқ немесе ол қаралған."},
		"refusal.dismiss_reason":        {"Dismissing an offered violation needs a reason; it is logged.", "Для отклонения предложенного нарушения нужна причина; она записывается в журнал.", "Ұсынылған бұзушылықты қабылдамау үшін себеп керек; ол журналға жазылады."},
		"refusal.cancel_type":           {"A %s entry cannot be cancelled.", "Запись %s отменить нельзя.", "%s жазбасын болдырмауға болмайды."},
		"refusal.cancel_reason":         {"A correction needs a reason; it is logged with it.", "Для исправления нужна причина; она записывается в журнал.", "Түзету үшін себеп керек; ол журналға жазылады."},
		"refusal.cancel_depends":        {"Entry %d cannot be cancelled while later entries depend on it: cancel those first.", "Запись %d нельзя отменить, пока от неё зависят более поздние: сначала отмените их.", "%d жазбасынан кейінгі жазбалар соған байланысты: алдымен соларды болдырмаңыз."},
		"refusal.already_interrupted":   {"The exam is already interrupted (since %s).", "Экзамен уже прерван (с %s).", "Емтихан үзілген (%s бастап)."},
		"refusal.not_interrupted":       {"The exam is not interrupted.", "Экзамен не прерван.", "Емтихан үзілген жоқ."},
		"refusal.interruption_kind":     {"Unknown kind of interruption %q.", "Неизвестный вид перерыва в экзамене %q.", "Үзілістің белгісіз түрі %q."},
		"refusal.interruption_reason":   {"Say what interrupted the exam.", "Укажите, что прервало экзамен.", "Емтиханды не үзгенін көрсетіңіз."},
		"refusal.still_sitting":         {"The hall cannot close: %d examinee(s) still sitting or out of the audience.", "Аудиторию нельзя закрыть: ещё пишут или вне аудитории — %d.", "Аудиторияны жабуға болмайды: әлі жазып отырғандар не аудиториядан тыс жүргендер — %d."},
		"refusal.outstanding":           {"%d item(s) are still outstanding: confirm to close the hall with them on record.", "Не урегулировано пунктов: %d. Подтвердите, чтобы закрыть аудиторию с их записью.", "Реттелмеген тармақтар: %d. Оларды жазып, аудиторияны жабу үшін растаңыз."},
	})
}
