package i18n

// The words of the screens of the examinee's day after the start: who is
// out, the examinee's detail view and timeline, the violation form, the
// chairman's PIN prompt, offered violations, interruptions, corrections
// and the close.
func init() {
	register(map[string]Text{
		"ui.page.detail": {"examinee's day", "день поступающего", "түсушінің күні"},

		// Keys, as the help lists them.
		"ui.key.open":          {"details", "подробно", "толығырақ"},
		"ui.key.theory":        {"theory in", "теория сдана", "теория тапсырылды"},
		"ui.key.out":           {"out (break)", "выход", "шығу"},
		"ui.key.back_in":       {"back in", "вернулся", "оралды"},
		"ui.key.situational":   {"situational ticket", "ситуационный билет", "ситуациялық билет"},
		"ui.key.code":          {"Code out/back", "УК выдать/принять", "ҚК беру/алу"},
		"ui.key.hand_in":       {"hand-in", "сдача", "тапсыру"},
		"ui.key.violation":     {"violation", "нарушение", "бұзушылық"},
		"ui.key.offers":        {"offers", "предложения", "ұсыныстар"},
		"ui.key.interrupt":     {"interrupt/resume", "прервать/продолжить", "үзу/жалғастыру"},
		"ui.key.close":         {"close the hall", "закрыть ауд.", "ауд. жабу"},
		"ui.key.cancel_entry":  {"cancel entry", "отменить запись", "жазбаны болдырмау"},
		"ui.key.choose":        {"choose", "выбрать", "таңдау"},
		"ui.key.pick":          {"decision", "решение", "шешім"},
		"ui.key.offer_edit":    {"edit", "изменить", "өзгерту"},
		"ui.key.offer_dismiss": {"dismiss", "отклонить", "қабылдамау"},
		"ui.key.erase":         {"erase a digit", "стереть цифру", "цифрды өшіру"},

		// Banners on every screen, and the header.
		"ui.banner.closed": {"HALL CLOSED at %s — read-only: nothing more can be recorded.",
			"АУДИТОРИЯ ЗАКРЫТА в %s — только чтение, записи невозможны.",
			"АУДИТОРИЯ ЖАБЫЛДЫ (%s) — тек оқу, жазуға болмайды."},
		"ui.banner.interrupted": {"EXAM INTERRUPTED (%s) since %s · clock stands at %s",
			"ЭКЗАМЕН ПРЕРВАН (%s) с %s · время стоит: %s",
			"ЕМТИХАН ҮЗІЛДІ (%s), %s бастап · уақыт тоқтады: %s"},
		"ui.header.interrupted": {"INTERRUPTED", "ПРЕРВАН", "ҮЗІЛДІ"},
		"ui.header.closed":      {"closed", "закрыта", "жабылды"},
		"ui.header.stands":      {"(stands)", "(стоит)", "(тоқтап тұр)"},
		"ui.board.closed":       {"HALL CLOSED AT %s", "АУДИТОРИЯ ЗАКРЫТА В %s", "АУДИТОРИЯ %s ЖАБЫЛДЫ"},
		"ui.board.interrupted":  {"EXAM INTERRUPTED — THE CLOCK STANDS", "ЭКЗАМЕН ПРЕРВАН — ВРЕМЯ ОСТАНОВЛЕНО", "ЕМТИХАН ҮЗІЛДІ — УАҚЫТ ТОҚТАТЫЛДЫ"},

		// Who is out, above the roster, and the roster.
		"ui.out.left":           {"OUT %s left", "ВЫШЕЛ, ещё %s", "ШЫҚТЫ, тағы %s"},
		"ui.out.over":           {"OUT +%s over", "ВЫШЕЛ +%s сверх", "ШЫҚТЫ +%s артық"},
		"ui.out.medical":        {"OUT medical %s", "ВЫШЕЛ мед. %s", "ШЫҚТЫ мед. %s"},
		"ui.attention.out":      {"seat %s · %s · out since %s", "место %s · %s · вышел(а) в %s", "%s орын · %s · %s шықты"},
		"ui.attention.more_out": {"… and %d more out of the audience (see the roster)", "… и ещё вне аудитории: %d (см. список)", "… аудиториядан тыс тағы %d (тізімді қараңыз)"},
		"ui.col.notes":          {"Notes", "Отметки", "Белгілер"},
		"ui.col.sheets":         {"Sheets", "Бланки", "Парақтар"},
		"ui.note.code":          {"Code", "УК", "ҚК"},
		"ui.note.violations":    {"⚠%d", "⚠%d", "⚠%d"},
		"ui.span.s":             {"%d s", "%d с", "%d с"},
		"ui.span.ms":            {"%d min %02d s", "%d мин %02d с", "%d мин %02d с"},
		"ui.span.hm":            {"%d h %02d min", "%d ч %02d мин", "%d сағ %02d мин"},
		"ui.offer.line":         {"%s %s, at %s", "%s %s, в %s", "%s %s, %s"},
		"ui.offers.title":       {"Offered violations (%d)", "Предложенные нарушения (%d)", "Ұсынылған бұзушылықтар (%d)"},
		"ui.offers.none":        {"No offered violations wait for a decision.", "Предложенных нарушений, ждущих решения, нет.", "Шешім күтіп тұрған ұсынылған бұзушылық жоқ."},
		"ui.offers.who":         {"seat %s · %s", "место %s · %s", "%s орын · %s"},
		"ui.offers.how":         {"Confirm records it as offered, with your decision and the chairman's PIN; edit lets you change the clause and the description first; dismiss needs a reason, which is logged.", "Подтверждение записывает нарушение как предложено, с вашим решением и PIN-кодом председателя; изменение позволяет сначала поправить подпункт и описание; для отклонения нужна причина, она записывается в журнал.", "Растау бұзушылықты ұсынылғандай, сіздің шешіміңізбен және төрағаның PIN-кодымен жазады; өзгерту алдымен тармақша мен сипаттаманы түзетуге мүмкіндік береді; қабылдамау үшін себеп керек, ол журналға жазылады."},
		"ui.offer.description.break_overrun": {"Out of the audience %s beyond the 10-minute break (§2.1); back at %s.",
			"Находился(-ась) вне аудитории на %s дольше 10-минутного перерыва (§2.1); вернулся(-ась) в %s.",
			"10 минуттық үзілістен %s артық аудиториядан тыс болды (§2.1); %s оралды."},
		"ui.offer.description.late_hand_in": {"Handed in the work %s after the end of the exam, at %s.",
			"Сдал(а) работу через %s после окончания экзамена, в %s.",
			"Жұмысты емтихан аяқталғаннан кейін %s өткен соң тапсырды, %s."},

		// The clauses of §2.2, short.
		"ui.clause.a":     {"(a)", "(а)", "(а)"},
		"ui.clause.b":     {"(b)", "(б)", "(б)"},
		"ui.clause.c":     {"(c)", "(в)", "(в)"},
		"ui.clause.d":     {"(d)", "(г)", "(г)"},
		"ui.clause.e":     {"(e)", "(д)", "(д)"},
		"ui.clause.f":     {"(f)", "(е)", "(е)"},
		"ui.clause.g":     {"(g)", "(ж)", "(ж)"},
		"ui.clause.h":     {"(h)", "(з)", "(з)"},
		"ui.clause.i":     {"(i)", "(и)", "(и)"},
		"ui.clause.other": {"(other)", "(иное)", "(басқа)"},

		// The examinee's actions.
		"ui.confirm.theory": {"%s (seat %s) hands in the theory sheets?", "%s (место %s) сдаёт листы теоретической части?", "%s (%s орын) теориялық бөлімнің парақтарын тапсыра ма?"},
		"ui.done.theory":    {"%s handed in the theory sheets.", "%s: листы теоретической части сданы.", "%s: теориялық бөлімнің парақтары тапсырылды."},

		"ui.leave.title":         {"Out of the audience: %s", "Выход из аудитории: %s", "Аудиториядан шығу: %s"},
		"ui.leave.seat":          {"Seat %s", "Место %s", "%s орын"},
		"ui.leave.break":         {"Break (§2.1): at most 10 minutes, back by %s", "Перерыв (§2.1): не более 10 минут, вернуться до %s", "Үзіліс (§2.1): 10 минуттан аспайды, %s дейін оралу"},
		"ui.leave.break_refused": {"Break (§2.1): not possible now", "Перерыв (§2.1): сейчас невозможен", "Үзіліс (§2.1): қазір мүмкін емес"},
		"ui.leave.medical":       {"Emergency medical care (§2.2 d, not a violation): say why", "Экстренная медицинская помощь (§2.2 г, не нарушение): укажите причину", "Шұғыл медициналық көмек (§2.2 г, бұзушылық емес): себебін көрсетіңіз"},
		"ui.leave.reason":        {"Reason:", "Причина:", "Себебі:"},
		"ui.done.out_break":      {"%s is out on the break (§2.1): 10 minutes.", "%s вышел(вышла) на перерыв (§2.1): 10 минут.", "%s үзіліске шықты (§2.1): 10 минут."},
		"ui.done.out_medical":    {"%s is out for emergency medical care: %s.", "%s вышел(вышла) за экстренной медицинской помощью: %s.", "%s шұғыл медициналық көмекке шықты: %s."},

		"ui.confirm.back":      {"%s (seat %s) is back in the audience?", "%s (место %s) вернулся(-ась) в аудиторию?", "%s (%s орын) аудиторияға оралды ма?"},
		"ui.confirm.back_out":  {"Out since %s: %s.", "Вне аудитории с %s: %s.", "%s бастап аудиториядан тыс: %s."},
		"ui.confirm.back_over": {"That is %s over the 10 minutes of §2.1: violation (d) will be offered for your decision.", "Это на %s больше 10 минут по §2.1: будет предложено нарушение (г) на ваше решение.", "Бұл §2.1 бойынша 10 минуттан %s артық: сіздің шешіміңізге (г) бұзушылығы ұсынылады."},
		"ui.done.back":         {"%s is back in (out %s).", "%s вернулся(-ась) (отсутствовал(а) %s).", "%s оралды (тыста болғаны %s)."},
		"ui.done.back_over":    {"%s is back after %s, %s over: violation (d) offered — %s to review.", "%s вернулся(-ась) через %s, сверх нормы %s: предложено нарушение (г) — %s, чтобы рассмотреть.", "%s %s кейін оралды, %s артық: (г) бұзушылығы ұсынылды — қарау үшін %s."},

		"ui.situational.title":          {"Situational ticket: %s", "Ситуационный билет: %s", "Ситуациялық билет: %s"},
		"ui.situational.how":            {"Seat %s. §1.6: the examinee draws a situational ticket; type its number.", "Место %s. §1.6: поступающий тянет ситуационный билет; введите его номер.", "%s орын. §1.6: түсуші ситуациялық билет алады; оның нөмірін енгізіңіз."},
		"ui.situational.ticket":         {"Situational ticket No.", "Ситуационный билет №", "Ситуациялық билет №"},
		"ui.situational.same":           {"Is it really number %s? y records it as the same number; n to type again.", "Номер действительно %s? y — записать тот же номер; n — ввести заново.", "Нөмір шынымен %s ме? y — сол нөмірді жазу; n — қайта енгізу."},
		"ui.done.situational":           {"%s drew situational ticket %s.", "%s: ситуационный билет %s.", "%s: %s ситуациялық билеті."},
		"ui.done.situational_duplicate": {"%s drew situational ticket %s (the same number as another examinee, confirmed).", "%s: ситуационный билет %s (тот же номер, что у другого поступающего, подтверждено).", "%s: %s ситуациялық билеті (басқа түсушінікімен бірдей нөмір, расталды)."},

		"ui.confirm.code_out":   {"Hand the Criminal Code to %s (seat %s)?", "Выдать Уголовный кодекс: %s (место %s)?", "Қылмыстық кодексті беру: %s (%s орын)?"},
		"ui.confirm.code_why":   {"The only aid allowed, for the situational problem (§1.6, §2.1).", "Единственное разрешённое пособие — для ситуационной задачи (§1.6, §2.1).", "Рұқсат етілген жалғыз құрал — ситуациялық есеп үшін (§1.6, §2.1)."},
		"ui.confirm.code_back":  {"Take the Criminal Code back from %s (seat %s)?", "Принять Уголовный кодекс обратно: %s (место %s)?", "Қылмыстық кодексті қайтарып алу: %s (%s орын)?"},
		"ui.confirm.code_since": {"Handed out at %s.", "Выдан в %s.", "Берілген уақыты: %s."},
		"ui.done.code_out":      {"Criminal Code handed to %s.", "Уголовный кодекс выдан: %s.", "Қылмыстық кодекс берілді: %s."},
		"ui.done.code_back":     {"Criminal Code back from %s.", "Уголовный кодекс возвращён: %s.", "Қылмыстық кодекс қайтарылды: %s."},

		"ui.hand_in.title":               {"Hand-in: %s (seat %s)", "Сдача работы: %s (место %s)", "Жұмысты тапсыру: %s (%s орын)"},
		"ui.hand_in.what":                {"The situational problem's sheet and exam ticket %s are handed in (§1.5–§1.6); this ends their exam.", "Сдаются лист ситуационной задачи и экзаменационный билет %s (§1.5–§1.6); на этом экзамен для него(неё) закончен.", "Ситуациялық есептің парағы мен %s емтихан билеті тапсырылады (§1.5–§1.6); осымен оның емтиханы аяқталады."},
		"ui.hand_in.without_situational": {"No situational ticket was drawn: the hand-in is recorded without the situational problem.", "Ситуационный билет не вытянут: сдача записывается без ситуационной задачи.", "Ситуациялық билет алынбаған: тапсыру ситуациялық есепсіз жазылады."},
		"ui.hand_in.late":                {"The exam ended at %s: this is %s late, and violation (i) will be offered for your decision.", "Экзамен закончился в %s: опоздание %s, будет предложено нарушение (и) на ваше решение.", "Емтихан %s аяқталды: кешігу %s, сіздің шешіміңізге (и) бұзушылығы ұсынылады."},
		"ui.hand_in.forced":              {"Reason:", "Причина:", "Себебі:"},
		"ui.done.hand_in":                {"%s handed in the work and the ticket.", "%s сдал(а) работу и билет.", "%s жұмыс пен билетті тапсырды."},
		"ui.done.hand_in_late":           {"%s handed in %s after the end: violation (i) offered — %s to review.", "%s сдал(а) работу через %s после окончания: предложено нарушение (и) — %s, чтобы рассмотреть.", "%s аяқталғаннан кейін %s өткен соң тапсырды: (и) бұзушылығы ұсынылды — қарау үшін %s."},

		// A late arrival.
		"ui.admit.title":   {"Admit late: %s (seat %s)", "Допуск опоздавшего: %s (место %s)", "Кешіккенді жіберу: %s (%s орын)"},
		"ui.admit.late":    {"The exam started at %s, %s ago. A late arrival is admitted only with the chairman's agreement (PIN).", "Экзамен начался в %s, %s назад. Опоздавшего допускают только с согласия председателя (PIN-код).", "Емтихан %s басталды, %s бұрын. Кешіккен түсуші тек төрағаның келісімімен (PIN-код) жіберіледі."},
		"ui.admit.end":     {"They keep the hall's end, %s (§1.3). Then issue the materials.", "Окончание — общее для аудитории, %s (§1.3). Затем выдайте материалы.", "Аяқталуы — аудиторияға ортақ, %s (§1.3). Содан кейін материалдарды беріңіз."},
		"ui.done.admitted": {"%s admitted late (agreed: %s). Issue the materials with %s.", "%s допущен(а) с опозданием (согласовано: %s). Выдайте материалы клавишей %s.", "%s кешігіп жіберілді (келісілді: %s). Материалдарды %s пернесімен беріңіз."},

		// The violation form (§2.2–§2.3).
		"ui.violation.title":          {"Violation (§2.2): %s, seat %s", "Нарушение (§2.2): %s, место %s", "Бұзушылық (§2.2): %s, %s орын"},
		"ui.violation.pick":           {"Which rule of §2.2 was broken?", "Какое правило §2.2 нарушено?", "§2.2-нің қай ережесі бұзылды?"},
		"ui.violation.other":          {"(other) another breach of the regulation: describe it", "(иное) другое нарушение Положения: опишите его", "(басқа) Ереженің басқа бұзылуы: сипаттаңыз"},
		"ui.violation.offered":        {"Offered: %s", "Предложено: %s", "Ұсынылды: %s"},
		"ui.violation.description":    {"Description:", "Описание:", "Сипаттамасы:"},
		"ui.violation.witnesses":      {"Witnesses:", "Свидетели:", "Куәгерлер:"},
		"ui.violation.action":         {"Action taken:", "Принятые меры:", "Қабылданған шара:"},
		"ui.violation.decision":       {"Decision (§2.3):", "Решение (§2.3):", "Шешім (§2.3):"},
		"ui.violation.agree":          {"Violation %s: %s (seat %s)", "Нарушение %s: %s (место %s)", "Бұзушылық %s: %s (%s орын)"},
		"ui.violation.agree_decision": {"Decision: %s", "Решение: %s", "Шешім: %s"},
		"ui.done.violation":           {"Violation %s of %s recorded: %s (agreed: %s).", "Нарушение %s (%s) записано: %s (согласовано: %s).", "%s бұзушылығы (%s) жазылды: %s (келісілді: %s)."},
		"ui.removed.title":            {"REMOVED from the exam: %s (seat %s)", "УДАЛЁН(А) с экзамена: %s (место %s)", "Емтиханнан ШЫҒАРЫЛДЫ: %s (%s орын)"},
		"ui.removed.status":           {"Status: %s. Their exam is over (§2.3).", "Статус: %s. Экзамен для него(неё) окончен (§2.3).", "Күйі: %s. Оның емтиханы аяқталды (§2.3)."},
		"ui.removed.collect":          {"Collect their materials:", "Соберите материалы:", "Материалдарын жинаңыз:"},
		"ui.removed.nothing":          {"nothing to collect", "собирать нечего", "жинайтын ештеңе жоқ"},
		"ui.held.ticket":              {"exam ticket %s", "экзаменационный билет %s", "%s емтихан билеті"},
		"ui.held.situational":         {"situational ticket %s", "ситуационный билет %s", "%s ситуациялық билеті"},
		"ui.held.code":                {"the Criminal Code", "Уголовный кодекс", "Қылмыстық кодекс"},
		"ui.dismiss.title":            {"Dismiss an offered violation: %s", "Отклонить предложенное нарушение: %s", "Ұсынылған бұзушылықты қабылдамау: %s"},
		"ui.dismiss.why":              {"Why is it not a violation? The reason is logged.", "Почему это не нарушение? Причина записывается в журнал.", "Неліктен бұл бұзушылық емес? Себебі журналға жазылады."},
		"ui.dismiss.reason":           {"Reason:", "Причина:", "Себебі:"},
		"ui.done.dismissed":           {"Offered violation %s of %s dismissed: %s.", "Предложенное нарушение %s (%s) отклонено: %s.", "%s ұсынылған бұзушылығы (%s) қабылданбады: %s."},

		// The chairman's PIN (§2.3).
		"ui.pin.title":        {"Chairman's agreement (§2.3)", "Согласие председателя (§2.3)", "Төрағаның келісімі (§2.3)"},
		"ui.pin.prompt":       {"%s, chairman of the examination commission: type your PIN and press enter.", "%s, председатель экзаменационной комиссии: введите PIN-код и нажмите enter.", "%s, емтихан комиссиясының төрағасы: PIN-кодты енгізіп, enter басыңыз."},
		"ui.pin.label":        {"PIN:", "PIN:", "PIN:"},
		"ui.pin.locked_field": {"locked", "заблокирован", "бұғатталған"},
		"ui.pin.checking":     {"checking…", "проверка…", "тексерілуде…"},
		"ui.pin.empty":        {"Type the PIN.", "Введите PIN-код.", "PIN-кодты енгізіңіз."},
		"ui.pin.wrong":        {"Wrong PIN (logged). Attempt %d of %d.", "Неверный PIN-код (записано в журнал). Попытка %d из %d.", "PIN-код қате (журналға жазылды). %d / %d әрекет."},
		"ui.pin.attempt":      {"Attempt %d of %d.", "Попытка %d из %d.", "%d / %d әрекет."},

		// An interruption.
		"ui.interrupt.title":       {"Interrupt the exam", "Прервать экзамен", "Емтиханды үзу"},
		"ui.interrupt.explain":     {"The clock stops for everyone until the exam resumes; the end then moves by the length of the interruption.", "Время останавливается для всех до возобновления экзамена; окончание сдвигается на длительность перерыва.", "Емтихан жалғасқанша уақыт бәрі үшін тоқтайды; аяқталуы үзілістің ұзақтығына жылжиды."},
		"ui.interrupt.reason":      {"Reason:", "Причина:", "Себебі:"},
		"ui.interrupt.reason_hint": {"Required for “other”.", "Обязательна для «иное».", "«Басқа» үшін міндетті."},
		"ui.interrupt.agree":       {"Interrupt the exam: %s", "Прервать экзамен: %s", "Емтиханды үзу: %s"},
		"ui.done.interrupted":      {"Exam interrupted (%s) at %s; the clock stands at %s left.", "Экзамен прерван (%s) в %s; часы стоят, осталось %s.", "Емтихан үзілді (%s), %s; сағат тоқтады, қалды %s."},
		"ui.resume.title":          {"Resume the exam", "Продолжить экзамен", "Емтиханды жалғастыру"},
		"ui.resume.since":          {"Interrupted (%s) since %s — %s so far.", "Прерван (%s) с %s — уже %s.", "Үзілді (%s), %s бастап — әзірге %s."},
		"ui.resume.end":            {"The end moves from %s to about %s.", "Окончание сдвигается с %s примерно на %s.", "Аяқталуы %s-тен шамамен %s-ке жылжиды."},
		"ui.done.resumed":          {"The exam resumed after %s; the new end is %s.", "Экзамен продолжен после перерыва %s; новое окончание — %s.", "Емтихан %s үзілістен кейін жалғасты; жаңа аяқталуы — %s."},

		// The close.
		"ui.close.title":         {"Close the hall", "Закрыть аудиторию", "Аудиторияны жабу"},
		"ui.close.owed":          {"Still outstanding — written into the closing entry:", "Не урегулировано — будет записано при закрытии:", "Реттелмеген — жабу жазбасына енеді:"},
		"ui.close.nothing_owed":  {"Nothing is outstanding.", "Всё урегулировано.", "Барлығы реттелген."},
		"ui.close.then":          {"Once closed, the hall's record is read-only: nothing more can be recorded.", "После закрытия запись аудитории доступна только для чтения: больше ничего записать нельзя.", "Жабылғаннан кейін аудитория жазбасы тек оқу үшін: енді ештеңе жазуға болмайды."},
		"ui.close.question":      {"Close the hall now?", "Закрыть аудиторию сейчас?", "Аудиторияны қазір жабамыз ба?"},
		"ui.close.blocked_hint":  {"Everyone must have handed in, been removed, or be absent.", "Каждый должен сдать работу, быть удалён или отсутствовать.", "Әркім жұмысын тапсырған, шығарылған немесе келмеген болуы керек."},
		"ui.done.closed":         {"The hall is closed. Its record is read-only.", "Аудитория закрыта. Запись доступна только для чтения.", "Аудитория жабылды. Жазба тек оқу үшін қолжетімді."},
		"ui.owed.sitting":        {"still sitting", "ещё пишет", "әлі жазып отыр"},
		"ui.owed.out_of_room":    {"out of the audience since %s", "вне аудитории с %s", "%s бастап аудиториядан тыс"},
		"ui.owed.code_out":       {"the Criminal Code is not back", "Уголовный кодекс не возвращён", "Қылмыстық кодекс қайтарылмады"},
		"ui.owed.offer":          {"offered violation %s not decided", "предложенное нарушение %s не рассмотрено", "ұсынылған %s бұзушылығы қаралмады"},
		"ui.owed.interrupted":    {"the exam is interrupted", "экзамен прерван", "емтихан үзілді"},
		"ui.detail.owed":         {"Outstanding: %s", "Не урегулировано: %s", "Реттелмеген: %s"},
		"ui.detail.owed_nothing": {"Outstanding: nothing", "Не урегулировано: ничего", "Реттелмеген: ештеңе"},

		// The examinee's detail view.
		"ui.detail.seat":           {"seat %s", "место %s", "%s орын"},
		"ui.detail.identity":       {"%s · %s · identity document %s", "%s · %s · документ %s", "%s · %s · құжат %s"},
		"ui.detail.materials":      {"Exam ticket %s · situational ticket %s · %s", "Билет %s · ситуационный билет %s · %s", "Билет %s · ситуациялық билет %s · %s"},
		"ui.detail.code_none":      {"Criminal Code: not taken", "УК: не выдавался", "ҚК: берілмеген"},
		"ui.detail.code_out":       {"Criminal Code: OUT since %s", "УК: ВЫДАН с %s", "ҚК: %s бастап БЕРІЛГЕН"},
		"ui.detail.code_back":      {"Criminal Code: %s–%s, back", "УК: %s–%s, возвращён", "ҚК: %s–%s, қайтарылды"},
		"ui.detail.break_none":     {"Break (§2.1): not taken", "Перерыв (§2.1): не использован", "Үзіліс (§2.1): пайдаланылмаған"},
		"ui.detail.break_now":      {"Break (§2.1): out since %s — %s", "Перерыв (§2.1): вышел(вышла) в %s — %s", "Үзіліс (§2.1): %s шықты — %s"},
		"ui.detail.break_taken":    {"Break (§2.1): %s–%s, %s", "Перерыв (§2.1): %s–%s, %s", "Үзіліс (§2.1): %s–%s, %s"},
		"ui.detail.break_over":     {"Break (§2.1): %s–%s, %s — %s OVER", "Перерыв (§2.1): %s–%s, %s — СВЕРХ на %s", "Үзіліс (§2.1): %s–%s, %s — %s АРТЫҚ"},
		"ui.detail.medical_exits":  {"medical care exits: %d", "выходов за мед. помощью: %d", "медициналық көмекке шығу: %d"},
		"ui.detail.no_violations":  {"Violations: none", "Нарушения: нет", "Бұзушылықтар: жоқ"},
		"ui.detail.violations":     {"Violations: %d — %s", "Нарушения: %d — %s", "Бұзушылықтар: %d — %s"},
		"ui.detail.violation":      {"%s %s (agreed: %s)", "%s %s (согласовано: %s)", "%s %s (келісілді: %s)"},
		"ui.detail.removed":        {"REMOVED at %s — collect: %s", "УДАЛЁН(А) в %s — собрать: %s", "%s ШЫҒАРЫЛДЫ — жинау: %s"},
		"ui.detail.day":            {"Their day, in order (✗ cancelled)", "День по порядку (✗ — отменено)", "Күні, ретімен (✗ — болдырылмаған)"},
		"ui.detail.cancelled_mark": {"[cancelled %s]", "[отменено %s]", "[болдырылмады %s]"},

		// Corrections.
		"ui.cancel.title":     {"Cancel an entry of %s (correction)", "Отмена записи: %s (исправление)", "Жазбаны болдырмау: %s (түзету)"},
		"ui.cancel.explain":   {"Nothing is edited or deleted: a correction entry cancels it, with your reason, and the examinee's day is replayed without it. Both stay in the record.", "Ничего не изменяется и не удаляется: запись об исправлении отменяет эту запись с вашей причиной, и день поступающего пересчитывается без неё. Обе записи остаются в журнале.", "Ештеңе өзгертілмейді және өшірілмейді: түзету жазбасы оны сіздің себебіңізбен болдырмайды, түсушінің күні онсыз қайта есептеледі. Екі жазба да журналда қалады."},
		"ui.cancel.reason":    {"Reason:", "Причина:", "Себебі:"},
		"ui.cancel.reason_is": {"Reason: %s", "Причина: %s", "Себебі: %s"},
		"ui.done.cancelled":   {"The entry of %s (%s) of %s is cancelled; their day is replayed without it.", "Запись %s (%s) — %s — отменена; день пересчитан без неё.", "%s жазбасы (%s) — %s — болдырылмады; күні онсыз қайта есептелді."},

		// The entries of an examinee's day, as the timeline lists them.
		"ui.event.arrived":               {"arrived; identity document %s checked", "явка; документ %s проверен", "келді; %s құжаты тексерілді"},
		"ui.event.absent":                {"marked absent", "отмечена неявка", "келмегені белгіленді"},
		"ui.event.admitted_late":         {"admitted late, %s after the start (agreed: %s)", "допущен(а) с опозданием, через %s после начала (согласовано: %s)", "кешігіп жіберілді, басталғаннан кейін %s (келісілді: %s)"},
		"ui.event.materials":             {"materials issued: exam ticket %s", "выданы материалы: билет %s", "материалдар берілді: %s билет"},
		"ui.event.theory_in":             {"theory sheets handed in", "сданы листы теоретической части", "теориялық бөлімнің парақтары тапсырылды"},
		"ui.event.out_break":             {"out of the audience: the break (§2.1)", "выход из аудитории: перерыв (§2.1)", "аудиториядан шықты: үзіліс (§2.1)"},
		"ui.event.out_medical":           {"out for emergency medical care: %s", "выход за экстренной медицинской помощью: %s", "шұғыл медициналық көмекке шықты: %s"},
		"ui.event.back":                  {"back in after %s", "вернулся(-ась) через %s", "%s кейін оралды"},
		"ui.event.back_medical":          {"back from medical care after %s", "вернулся(-ась) после мед. помощи через %s", "медициналық көмектен %s кейін оралды"},
		"ui.event.back_over":             {"back in after %s — %s over the 10 minutes", "вернулся(-ась) через %s — на %s дольше 10 минут", "%s кейін оралды — 10 минуттан %s артық"},
		"ui.event.situational":           {"drew situational ticket %s", "вытянул(а) ситуационный билет %s", "%s ситуациялық билетін алды"},
		"ui.event.situational_duplicate": {"drew situational ticket %s (same number as another, confirmed)", "вытянул(а) ситуационный билет %s (тот же номер, что у другого, подтверждено)", "%s ситуациялық билетін алды (басқанікімен бірдей, расталды)"},
		"ui.event.code_out":              {"Criminal Code handed out", "выдан Уголовный кодекс", "Қылмыстық кодекс берілді"},
		"ui.event.code_back":             {"Criminal Code returned", "возвращён Уголовный кодекс", "Қылмыстық кодекс қайтарылды"},
		"ui.event.hand_in":               {"handed in the work and the ticket", "сдал(а) работу и билет", "жұмыс пен билетті тапсырды"},
		"ui.event.hand_in_without":       {"without the situational problem", "без ситуационной задачи", "ситуациялық есепсіз"},
		"ui.event.hand_in_late":          {"%s after the end", "через %s после окончания", "аяқталғаннан кейін %s"},
		"ui.event.hand_in_forced":        {"with the Criminal Code still out: %s", "Уголовный кодекс не возвращён: %s", "Қылмыстық кодекс қайтарылмаған: %s"},
		"ui.event.offered":               {"violation %s offered: %s", "предложено нарушение %s: %s", "%s бұзушылығы ұсынылды: %s"},
		"ui.event.dismissed":             {"offered violation %s dismissed: %s", "предложенное нарушение %s отклонено: %s", "ұсынылған %s бұзушылығы қабылданбады: %s"},
		"ui.event.violation":             {"VIOLATION %s: %s (agreed: %s) — %s", "НАРУШЕНИЕ %s: %s (согласовано: %s) — %s", "БҰЗУШЫЛЫҚ %s: %s (келісілді: %s) — %s"},
		"ui.event.cancelled":             {"correction: cancels the entry of %s (%s): %s", "исправление: отменяет запись %s (%s): %s", "түзету: %s жазбасын (%s) болдырмайды: %s"},
		"ui.event.agreed_by":             {" (agreed: %s)", " (согласовано: %s)", " (келісілді: %s)"},

		"ui.event_type.examinee.arrived":       {"arrival", "явка", "келу"},
		"ui.event_type.examinee.absent":        {"absence", "неявка", "келмеу"},
		"ui.event_type.examinee.admitted_late": {"late admission", "допуск опоздавшего", "кешіккенді жіберу"},
		"ui.event_type.materials.issued":       {"materials", "выдача материалов", "материалдарды беру"},
		"ui.event_type.theory.handed_in":       {"theory handed in", "сдача теории", "теорияны тапсыру"},
		"ui.event_type.break.out":              {"exit from the audience", "выход из аудитории", "аудиториядан шығу"},
		"ui.event_type.break.in":               {"return", "возвращение", "оралу"},
		"ui.event_type.situational.drawn":      {"situational ticket", "ситуационный билет", "ситуациялық билет"},
		"ui.event_type.code.handed_out":        {"Criminal Code out", "выдача УК", "ҚК беру"},
		"ui.event_type.code.returned":          {"Criminal Code back", "возврат УК", "ҚК қайтару"},
		"ui.event_type.work.handed_in":         {"hand-in", "сдача работы", "жұмысты тапсыру"},
		"ui.event_type.violation.offered":      {"offered violation", "предложенное нарушение", "ұсынылған бұзушылық"},
		"ui.event_type.violation.dismissed":    {"offer dismissed", "отклонение предложения", "ұсынысты қабылдамау"},
		"ui.event_type.violation.recorded":     {"violation", "нарушение", "бұзушылық"},
		"ui.event_type.entry.cancelled":        {"correction", "исправление", "түзету"},
		"ui.held.ticket_short":                 {"ticket %s", "билет %s", "билет %s"},
		"ui.held.sheets_short":                 {"sheets %d/%d", "листы %d/%d", "парақтар %d/%d"},
		"ui.held.situational_short":            {"situational %s", "ситуац. билет %s", "ситуац. билет %s"},
		"ui.held.code_short":                   {"Criminal Code", "УК", "ҚК"},
	})

	// Where a number meets the words it counts (plural.go).
	registerPlural(map[string]Plural{
		"ui.attention.offers": {Text: Text{
			"%d ${offers} for a decision — %s to review",
			"Предложенных нарушений ждут решения: %d — %s, чтобы рассмотреть",
			"Шешім күтіп тұрған ұсынылған бұзушылықтар: %d — қарау үшін %s"},
			Words: map[string]Count{"offers": {Arg: 1, EN: Forms{One: "offered violation waits", Other: "offered violations wait"}}}},
		"ui.attention.offers_closed": {Text: Text{
			"%d offered ${violations} left undecided at the close (on record)",
			"Предложенных нарушений не рассмотрено при закрытии: %d (записано)",
			"Жабу кезінде қаралмаған ұсынылған бұзушылықтар: %d (жазылды)"},
			Words: map[string]Count{"violations": {Arg: 1, EN: Forms{One: "violation", Other: "violations"}}}},
		"ui.summary.day": {Text: Text{
			"%d ${examinees} · %d sitting (%d out) · %d finished · %d removed · %d absent",
			"Всего %d · пишут %d (вне ауд. %d) · сдали %d · удалены %d · не явились %d",
			"Барлығы %d · жазуда %d (тыста %d) · тапсырды %d · шығарылды %d · келмеді %d"},
			Words: map[string]Count{"examinees": {Arg: 1, EN: Forms{One: "examinee", Other: "examinees"}}}},

		"ui.confirm.theory_unscanned": {Text: Text{
			"Only %d of the %d theory ${sheets} ${were} scanned in; not received: %s. Hand the theory in all the same?",
			"${scanned} только %d из %d ${sheets} теории; не приняты: %s. Всё равно принять теорию?",
			"Сканерленген теория парақтары: %d (берілген %d ${sheets}); қабылданбағандары: %s. Бәрібір теорияны қабылдау керек пе?"},
			Words: map[string]Count{
				"were":    {Arg: 1, EN: Forms{One: "was", Other: "were"}},
				"scanned": {Arg: 1, RU: Forms{One: "Отсканирован", Few: "Отсканированы", Many: "Отсканировано", Other: "Отсканировано"}},
				"sheets": {Arg: 2,
					EN: Forms{One: "sheet", Other: "sheets"},
					RU: Forms{One: "листа", Few: "листов", Many: "листов", Other: "листа"},
					KK: Forms{One: "парақтан", Other: "парақтан"}}}},
		"ui.confirm.theory_sheets": {Text: Text{
			"The %d theory answer ${sheets}, to you or a commission member (§1.5). The 10-minute break may follow (§2.1).",
			"Листы ответов теоретической части (%d) — вам или члену комиссии (§1.5). Затем возможен 10-минутный перерыв (§2.1).",
			"Теориялық бөлімнің жауап парақтары (%d) — сізге немесе комиссия мүшесіне (§1.5). Содан кейін 10 минуттық үзіліс болуы мүмкін (§2.1)."},
			Words: map[string]Count{"sheets": {Arg: 1, EN: Forms{One: "sheet", Other: "sheets"}}}},

		"ui.held.sheets": {Text: Text{
			"answer sheets: %d (of the %d issued)",
			"листы ответов: %d (из %d ${issued})",
			"жауап парақтары: %d (берілген %d ${sheets})"},
			Words: map[string]Count{"issued": issuedOf(2), "sheets": {Arg: 2, KK: Forms{One: "парақтан", Other: "парақтан"}}}},
		"ui.held.sheet_codes": {Text: Text{
			"answer sheets to collect: %d (of the %d issued): %s",
			"листы ответов, которые нужно забрать: %d (из %d ${issued}): %s",
			"жинап алатын жауап парақтары: %d (берілген %d ${sheets}): %s"},
			Words: map[string]Count{"issued": issuedOf(2), "sheets": {Arg: 2, KK: Forms{One: "парақтан", Other: "парақтан"}}}},

		"ui.pin.locked_now": {Text: Text{
			"Wrong PIN %d ${times} in a row: the prompt is locked until %s. Every attempt is logged.",
			"Неверный PIN-код %d ${times} подряд: ввод заблокирован до %s. Каждая попытка записана в журнал.",
			"PIN-код қатарынан %d ${times} қате: енгізу %s дейін бұғатталды. Әр әрекет журналға жазылды."},
			Words: map[string]Count{"times": {Arg: 1,
				EN: Forms{One: "time", Other: "times"},
				RU: Forms{One: "раз", Few: "раза", Many: "раз", Other: "раза"},
				KK: Forms{One: "рет", Other: "рет"}}}},
	})
}

// issuedOf is «из N выданных» of the answer sheets an examinee holds: the
// genitive after «из», which agrees with N.
func issuedOf(arg int) Count {
	return Count{Arg: arg, RU: Forms{One: "выданного", Few: "выданных", Many: "выданных", Other: "выданного"}}
}
