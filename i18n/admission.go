package i18n

import (
	"strings"

	"examday/admission"
)

// The words of the admission campaign (package admission): the problems
// of a campaign file ("campaign."), of an applicants file ("applicants."),
// the refusals of the commission's desk and the notes on an applicant
// ("admission."), and the names of its commissions, degrees and events.
// A clause is cited as the reader knows it: AR 19 in English, «п. 19
// Правил» in Russian, «Қағидалардың 19-тармағы» in Kazakh.

// admissionProblems is a campaign's or an applicants file's problems in
// words: a header that counts them, then a line each, where it is.
func (c Catalogue) admissionProblems(prefix string, probs []admission.Problem, withField bool) string {
	lines := []string{c.T(prefix+"header", len(probs))}
	for _, p := range probs {
		words := c.T(prefix+p.Code, p.Args...)
		switch {
		case p.Line > 0 && p.Field != "" && withField:
			lines = append(lines, c.T("admission.at.line_field", p.Line, p.Field, words))
		case p.Line > 0:
			lines = append(lines, c.T("admission.at.line", p.Line, words))
		case p.Field != "" && withField:
			lines = append(lines, c.T("admission.at.field", p.Field, words))
		default:
			lines = append(lines, c.T("admission.at.file", words))
		}
	}
	return strings.Join(lines, "\n")
}

// Note is a note on an applicant (an eligibility flag, why they are not
// seated) in words.
func (c Catalogue) Note(n admission.Note) string { return c.T("admission.note."+n.Code, n.Args...) }

func init() {
	register(map[string]Text{
		"admission.at.line_field": {"  line %d, %s: %s", "  строка %d, %s: %s", "  %d-жол, %s: %s"},
		"admission.at.line":       {"  line %d: %s", "  строка %d: %s", "  %d-жол: %s"},
		"admission.at.field":      {"  %s: %s", "  %s: %s", "  %s: %s"},
		"admission.at.file":       {"  %s", "  %s", "  %s"},

		"admission.body.admission_commission": {"the admission commission (AR 10)", "приёмная комиссия (п. 10 Правил)", "қабылдау комиссиясы (Қағидалардың 10-тармағы)"},
		"admission.body.appeal_commission":    {"the appeal commission (AR 26)", "апелляционная комиссия (п. 26 Правил)", "апелляциялық комиссия (Қағидалардың 26-тармағы)"},
		"admission.body.exam_commission":      {"the exam commission of %s (AR 19)", "экзаменационная комиссия программы %s (п. 19 Правил)", "%s бағдарламасының емтихан комиссиясы (Қағидалардың 19-тармағы)"},

		"admission.degree.none":                 {"no degree", "без учёной степени", "ғылыми дәрежесі жоқ"},
		"admission.degree.doctor_of_law":        {"doctor of law", "доктор юридических наук", "заң ғылымдарының докторы"},
		"admission.degree.candidate_of_science": {"candidate of science", "кандидат наук", "ғылым кандидаты"},
		"admission.degree.phd":                  {"PhD", "доктор философии (PhD)", "философия докторы (PhD)"},

		"admission.gate.exempt":  {"exempt (AR 22)", "освобождён (п. 22 Правил)", "босатылған (Қағидалардың 22-тармағы)"},
		"admission.gate.passed":  {"passed", "сдал", "тапсырды"},
		"admission.gate.failed":  {"below the gate", "ниже порога", "шекті балдан төмен"},
		"admission.gate.pending": {"no result yet", "результата ещё нет", "нәтижесі әлі жоқ"},

		// The desk's refusals.
		"admission.no_campaign":                {"No admission campaign is set yet: set one with “examday central campaign set FILE” first.", "Приёмная кампания ещё не установлена: сначала выполните «examday central campaign set ФАЙЛ».", "Қабылдау науқаны әлі орнатылмаған: алдымен «examday central campaign set ФАЙЛ» командасын орындаңыз."},
		"admission.change_reason":              {"A change after revision %d needs a reason; it is written into the log.", "Для изменения после редакции %d укажите причину; она записывается в журнал.", "%d-редакциядан кейінгі өзгерістің себебін көрсетіңіз; ол журналға жазылады."},
		"admission.campaign_unchanged":         {"The campaign is the same as revision %d in force: there is nothing to change.", "Кампания не отличается от действующей редакции %d: изменять нечего.", "Науқанның қолданыстағы %d-редакциядан айырмашылығы жоқ: өзгертетін ештеңе жоқ."},
		"admission.pin_missing":                {"The PINs of these chairs must be set first: %s.", "Сначала нужно задать PIN-коды председателей: %s.", "Алдымен мына төрағалардың PIN-кодтарын орнату керек: %s."},
		"admission.pin_record":                 {"The PIN record given for %s does not belong to this campaign.", "Запись PIN-кода для %s не относится к этой кампании.", "%s үшін берілген PIN-код жазбасы бұл науқанға жатпайды."},
		"admission.programme_in_use":           {"Programme %s cannot be taken out of the campaign: applicants to it: %d.", "Программу %s нельзя исключить из кампании: поступающих на неё — %d.", "%s бағдарламасын науқаннан алып тастауға болмайды: оған түсушілер саны — %d."},
		"admission.score_over_scale":           {"Applicants with more points in the foreign language than the new scale allows: %d (the scale is %d).", "Поступающих с баллом по иностранному языку выше нового максимума шкалы: %d (шкала — %d).", "Шет тілі бойынша балы жаңа шкаладан асатын түсушілер: %d (шкала — %d)."},
		"admission.no_applicants":              {"The file has no applicants.", "В файле нет ни одного поступающего.", "Файлда бірде-бір түсуші жоқ."},
		"admission.applicants_unchanged":       {"The applicants are the same as in import %d: there is nothing to change.", "Список поступающих не отличается от импорта %d: изменять нечего.", "Түсушілер тізімінің %d-импорттан айырмашылығы жоқ: өзгертетін ештеңе жоқ."},
		"admission.roster_no_programmes":       {"Name the programmes that sit in the hall (--programme).", "Укажите программы, которые сдают экзамен в аудитории (--programme).", "Аудиторияда емтихан тапсыратын бағдарламаларды көрсетіңіз (--programme)."},
		"admission.marking_markers":            {"A sheet is marked by 1 or 2 independent markers, not %d.", "Лист проверяют 1 или 2 независимых проверяющих, а не %d.", "Парақты 1 немесе 2 тәуелсіз тексеруші тексереді, %d емес."},
		"admission.marking_third_over":         {"The discrepancy that calls a third marker is a share of the question's maximum from 0 to below 1, not %v.", "Расхождение, при котором нужен третий проверяющий, — доля от максимума за вопрос от 0 до менее 1, а не %v.", "Үшінші тексерушіні шақыратын айырмашылық — сұрақ максимумының 0-ден 1-ге дейінгі үлесі, %v емес."},
		"admission.marking_third_rule":         {"A third mark settles a discrepancy as \"third\" or \"with_nearer\", not %q.", "Третья оценка решает расхождение по правилу \"third\" или \"with_nearer\", а не %q.", "Үшінші баға айырмашылықты \"third\" немесе \"with_nearer\" ережесімен шешеді, %q емес."},
		"admission.marking_points_range":       {"Sheet %s: %d points is not between 0 and the question's maximum, %d.", "Лист %s: %d баллов — не от 0 до максимума за вопрос (%d).", "%s парағы: %d балл 0 мен сұрақтың максимумы (%d) аралығында емес."},
		"admission.marking_marked_already":     {"Sheet %s is marked by %s already (%d points): a second mark of theirs is a correction, with its reason.", "Лист %s уже оценён проверяющим %s (%d баллов): вторая его оценка — исправление с причиной.", "%s парағын %s бағалап қойған (%d балл): оның екінші бағасы — себебі көрсетілген түзету."},
		"admission.marking_nothing_to_correct": {"Sheet %s has no mark of %s to correct.", "У листа %s нет оценки проверяющего %s, чтобы её исправлять.", "%s парағында %s тексерушінің түзетілетін бағасы жоқ."},
		"admission.marking_same_station":       {"Sheet %s was marked at station %s already (by %s): a further mark comes from another station and another marker.", "Лист %s уже оценён на станции %s (проверяющий %s): следующая оценка — с другой станции и от другого проверяющего.", "%s парағы %s станциясында бағаланып қойған (%s): келесі баға басқа станциядан және басқа тексерушіден болады."},
		"admission.marking_sheet_marked":       {"Sheet %s has its mark: it needs no further marker.", "У листа %s уже есть итоговая оценка: другой проверяющий не нужен.", "%s парағының қорытынды бағасы бар: басқа тексеруші қажет емес."},
		"admission.roster_programme":           {"Programme %s does not admit in the %d campaign.", "Программа %s не ведёт набор в кампании %d года.", "%s бағдарламасы %d жылғы науқанда қабылдау жүргізбейді."},
		"admission.roster_empty":               {"Nobody of %s may sit the specialty exam yet (AR 20): the roster would be empty.", "Никто из поступающих на %s пока не допущен к экзамену по специальности (п. 20 Правил): список был бы пуст.", "%s бойынша түсушілердің ешқайсысы әзірге мамандық бойынша емтиханға жіберілмеген (Қағидалардың 20-тармағы): тізім бос болар еді."},

		// Notes on an applicant.
		"admission.note.service_short":      {"AR 7–8: service in law enforcement (years): %s, at least %d needed (on %s); the commission checks the dossier", "пп. 7–8 Правил: стаж в правоохранительных органах (лет): %s, нужно не менее %d (на %s); комиссия проверяет документы", "Қағидалардың 7–8-тармақтары: құқық қорғау қызметіндегі өтілі (жыл): %s, кемінде %d қажет (%s күнгі жағдай); комиссия құжаттарды тексереді"},
		"admission.note.not_seated_gate":    {"AR 20: points in the foreign language: %d, the gate is %d of %d", "п. 20 Правил: балл по иностранному языку — %d, порог — %d из %d", "Қағидалардың 20-тармағы: шет тілі бойынша балы — %d, шекті балл — %d (барлығы %d)"},
		"admission.note.not_seated_pending": {"AR 20: no result of the foreign-language exam yet, and no certificate that exempts (AR 22)", "п. 20 Правил: результата экзамена по иностранному языку ещё нет, освобождающего сертификата (п. 22) тоже нет", "Қағидалардың 20-тармағы: шет тілі емтиханының нәтижесі әлі жоқ, босататын сертификат (22-тармақ) та жоқ"},

		// The campaign file.
		"campaign.syntax":       {"the file is not valid TOML here (column %d): check the quotes, the brackets and the “=”", "ошибка формата TOML (позиция %d): проверьте кавычки, скобки и знак «=»", "TOML пішімінің қатесі (%d-позиция): тырнақшаларды, жақшаларды және «=» белгісін тексеріңіз"},
		"campaign.empty":        {"the file is empty", "файл пуст", "файл бос"},
		"campaign.unknown_key":  {"unknown key %q: a misspelt key would be ignored unseen, so it is refused", "неизвестный ключ %q: ключ с опечаткой был бы незаметно пропущен, поэтому он не принимается", "белгісіз кілт %q: қате жазылған кілт байқаусыз өткізіліп кетер еді, сондықтан ол қабылданбайды"},
		"campaign.want_integer": {"must be a whole number", "должно быть целым числом", "бүтін сан болуы керек"},
		"campaign.want_text":    {"must be text in quotes", "должно быть текстом в кавычках", "тырнақшадағы мәтін болуы керек"},
		"campaign.want_date":    {"must be a date, as 2027-08-10", "должно быть датой, например 2027-08-10", "күн болуы керек, мысалы 2027-08-10"},
		"campaign.want_list":    {"must be a list in square brackets", "должно быть списком в квадратных скобках", "шаршы жақшадағы тізім болуы керек"},
		"campaign.want_table":   {"must be a section of its own ([name])", "должно быть отдельным разделом ([имя])", "жеке бөлім болуы керек ([атауы])"},
		"campaign.bad_date":     {"%q is not a date (YYYY-MM-DD or DD.MM.YYYY)", "%q — не дата (ГГГГ-ММ-ДД или ДД.ММ.ГГГГ)", "%q — күн емес (ЖЖЖЖ-АА-КК немесе КК.АА.ЖЖЖЖ)"},

		"campaign.year_missing":          {"the campaign's year is missing (year = …)", "не указан год приёмной кампании (year = …)", "қабылдау науқанының жылы көрсетілмеген (year = …)"},
		"campaign.year_range":            {"the year %d is not between %d and %d", "год %d не входит в промежуток %d–%d", "%d жыл %d–%d аралығына кірмейді"},
		"campaign.date_missing":          {"the date %s is missing", "не указана дата %s", "%s күні көрсетілмеген"},
		"campaign.date_year":             {"%s is not in the campaign's year %d", "дата %s не относится к году кампании (%d)", "%s күні науқан жылына (%d) жатпайды"},
		"campaign.documents_period":      {"AR 4: the documents would open on %s, after they close on %s", "п. 4 Правил: приём документов начинался бы %s — позже, чем заканчивается (%s)", "Қағидалардың 4-тармағы: құжаттарды қабылдау %s басталып, аяқталуынан (%s) кеш болар еді"},
		"campaign.exams_period":          {"AR 5: the exams would begin on %s, after they end on %s", "п. 5 Правил: экзамены начинались бы %s — позже, чем заканчиваются (%s)", "Қағидалардың 5-тармағы: емтихандар %s басталып, аяқталуынан (%s) кеш болар еді"},
		"campaign.exams_after_documents": {"AR 4–5: the documents close on %s; the exams must begin after that, not on %s", "пп. 4–5 Правил: приём документов заканчивается %s; экзамены должны начинаться позже, а не %s", "Қағидалардың 4–5-тармақтары: құжаттарды қабылдау %s аяқталады; емтихандар одан кейін басталуы керек, %s емес"},
		"campaign.enrolment_after_exams": {"AR 5: the exams end on %s; the enrolment must come after them, not on %s", "п. 5 Правил: экзамены заканчиваются %s; зачисление должно быть позже, а не %s", "Қағидалардың 5-тармағы: емтихандар %s аяқталады; оқуға қабылдау одан кейін болуы керек, %s емес"},
		"campaign.dates_moved":           {"AR 6: dates other than those of AR 4–5 (%s) are moved by the rector's decision: name it in moved_by", "п. 6 Правил: сроки, отличные от пп. 4–5 (%s), переносятся решением ректора — укажите его в moved_by", "Қағидалардың 6-тармағы: 4–5-тармақтардан өзгеше мерзімдер (%s) ректордың шешімімен ауыстырылады — оны moved_by кілтінде көрсетіңіз"},

		"campaign.scale_range":        {"the foreign-language exam's scale must be at least 1 point (it is %d)", "шкала экзамена по иностранному языку должна быть не меньше 1 балла (указано %d)", "шет тілі емтиханының шкаласы кемінде 1 балл болуы керек (көрсетілгені %d)"},
		"campaign.marking_markers":    {"a sheet is marked by 1 or 2 independent markers, not %d", "лист проверяют 1 или 2 независимых проверяющих, а не %d", "парақты 1 немесе 2 тәуелсіз тексеруші тексереді, %d емес"},
		"campaign.marking_third_over": {"the discrepancy that calls a third marker is a percentage of the question's maximum from 0 to 99, not %d", "расхождение, при котором нужен третий проверяющий, — процент от максимума за вопрос от 0 до 99, а не %d", "үшінші тексерушіні шақыратын айырмашылық — сұрақ максимумының 0-ден 99-ға дейінгі пайызы, %d емес"},
		"campaign.marking_third_rule": {"a third mark settles a discrepancy with third=\"third\" (its mark decides) or third=\"with_nearer\" (the mean with the nearer of the first two), not %q", "третья оценка решает расхождение при third=\"third\" (решает её оценка) или third=\"with_nearer\" (среднее с ближайшей из первых двух), а не %q", "үшінші баға айырмашылықты third=\"third\" (оның бағасы шешеді) немесе third=\"with_nearer\" (алғашқы екеуінің жақынымен орташасы) бойынша шешеді, %q емес"},
		"campaign.gate_range":         {"AR 20: the foreign-language gate (%d) must be between 1 and the scale's maximum of %d", "п. 20 Правил: порог по иностранному языку (%d) должен быть от 1 до максимума шкалы (%d)", "Қағидалардың 20-тармағы: шет тілі бойынша шекті балл (%d) 1 мен шкаланың ең жоғарғы балы (%d) аралығында болуы керек"},
		"campaign.points_count":       {"§1.4: %s — maxima given: %d; questions on a ticket: %d", "§1.4: %s — указано максимумов: %d; вопросов в билете: %d", "§1.4: %s — көрсетілген ең жоғарғы балдар: %d; билеттегі сұрақтар: %d"},
		"campaign.points_positive":    {"AR 30: %s — every question must be worth at least 1 point", "п. 30 Правил: %s — каждый вопрос должен оцениваться не менее чем в 1 балл", "Қағидалардың 30-тармағы: %s — әр сұрақ кемінде 1 балмен бағалануы керек"},
		"campaign.points_sum":         {"AR 30: %s — the questions' maxima add up to %d, not %d", "п. 30 Правил: %s — сумма максимальных баллов за вопросы %d, а должна быть %d", "Қағидалардың 30-тармағы: %s — сұрақтардың ең жоғарғы балдарының қосындысы %d, ал %d болуы керек"},

		"campaign.no_programmes":     {"AR 2: no programme admits this year: add a section [programmes.CODE]", "п. 2 Правил: нет ни одной программы набора — добавьте раздел [programmes.КОД]", "Қағидалардың 2-тармағы: қабылдау бағдарламасы жоқ — [programmes.КОД] бөлімін қосыңыз"},
		"campaign.programme_unknown": {"unknown programme code %q (§1.2 lists 7M04203, 7M12301, 7M12303, 8D04201, 8D12301)", "неизвестный код программы %q (§1.2: 7M04203, 7M12301, 7M12303, 8D04201, 8D12301)", "белгісіз бағдарлама коды %q (§1.2: 7M04203, 7M12301, 7M12303, 8D04201, 8D12301)"},
		"campaign.programme_twice":   {"programme %s is given twice", "программа %s указана дважды", "%s бағдарламасы екі рет көрсетілген"},
		"campaign.places_range":      {"AR 2: %s must have at least 1 place of the state educational order (it has %d)", "п. 2 Правил: у программы %s должно быть не меньше 1 места по государственному образовательному заказу (указано %d)", "Қағидалардың 2-тармағы: %s бағдарламасында мемлекеттік білім беру тапсырысы бойынша кемінде 1 орын болуы керек (көрсетілгені %d)"},
		"campaign.pass_mark_missing": {"AR 30: the pass mark of %s is missing: the Academic Council sets it each year, there is no default", "п. 30 Правил: не указан проходной балл программы %s — его ежегодно устанавливает Учёный совет, значения по умолчанию нет", "Қағидалардың 30-тармағы: %s бағдарламасының шекті балы көрсетілмеген — оны жыл сайын Ғылыми кеңес белгілейді, әдепкі мәні жоқ"},
		"campaign.pass_mark_range":   {"AR 30: the pass mark of %s (%d) must be between 1 and %d", "п. 30 Правил: проходной балл программы %s (%d) должен быть от 1 до %d", "Қағидалардың 30-тармағы: %s бағдарламасының шекті балы (%d) 1 мен %d аралығында болуы керек"},

		"campaign.commission_missing":  {"%s: its members are not given", "%s: состав не указан", "%s: құрамы көрсетілмеген"},
		"campaign.chair_missing":       {"%s: the chair is not given", "%s: не указан председатель", "%s: төрағасы көрсетілмеген"},
		"campaign.secretary_missing":   {"%s: the secretary is not given", "%s: не указан секретарь", "%s: хатшысы көрсетілмеген"},
		"campaign.members_too_few":     {"%s: members besides the chair and the secretary: %d, at least %d needed", "%s: членов комиссии, кроме председателя и секретаря: %d, нужно не меньше %d", "%s: төраға мен хатшыдан басқа мүшелер: %d, кемінде %d қажет"},
		"campaign.degrees_too_few":     {"%s: members who are doctors of law, candidates of science or PhDs: %d, at least %d needed", "%s: членов с учёной степенью (доктор юридических наук, кандидат наук, доктор философии PhD): %d, нужно не меньше %d", "%s: ғылыми дәрежесі бар мүшелер (заң ғылымдарының докторы, ғылым кандидаты, философия докторы PhD): %d, кемінде %d қажет"},
		"campaign.member_name_missing": {"%s: member %d has no name", "%s: у члена комиссии № %d не указано имя", "%s: № %d мүшенің аты-жөні көрсетілмеген"},
		"campaign.person_twice":        {"%s: %s is in it already (%s): one person, one place", "%s: %s уже входит в состав (%s): один человек — одно место", "%s: %s құрамда бұрыннан бар (%s): бір адам — бір орын"},
		"campaign.degree_unknown":      {"%s: unknown degree %q (doctor_of_law, candidate_of_science or phd)", "%s: неизвестная учёная степень %q (doctor_of_law, candidate_of_science или phd)", "%s: белгісіз ғылыми дәреже %q (doctor_of_law, candidate_of_science немесе phd)"},

		// The applicants file.
		"applicants.empty":            {"the file is empty", "файл пуст", "файл бос"},
		"applicants.no_rows":          {"there are no applicants after the header", "после заголовка нет ни одного поступающего", "тақырыптан кейін бірде-бір түсуші жоқ"},
		"applicants.not_workbook":     {"the file reads neither as CSV nor as an Excel workbook (.xlsx)", "файл не читается ни как CSV, ни как книга Excel (.xlsx)", "файл CSV ретінде де, Excel кітабы (.xlsx) ретінде де оқылмайды"},
		"applicants.invalid_utf8":     {"not valid UTF-8 text (save the file as UTF-8)", "текст не в кодировке UTF-8 (сохраните файл в кодировке UTF-8)", "мәтін UTF-8 кодтауында емес (файлды UTF-8 кодтауында сақтаңыз)"},
		"applicants.bad_quotes":       {"unbalanced quotes", "неправильно расставлены кавычки", "тырнақшалар дұрыс қойылмаған"},
		"applicants.column_missing":   {"the column %s is missing", "нет столбца %s", "%s бағаны жоқ"},
		"applicants.column_unknown":   {"unknown column %q: a misspelt column would count 0 unseen; the columns are %s", "неизвестный столбец %q: столбец с опечаткой незаметно считался бы нулём; допустимые столбцы: %s", "белгісіз баған %q: қате жазылған баған байқаусыз нөл деп есептелер еді; рұқсат етілген бағандар: %s"},
		"applicants.column_twice":     {"the column %s is there twice", "столбец %s указан дважды", "%s бағаны екі рет көрсетілген"},
		"applicants.column_unnamed":   {"column %d has no name in the header", "у столбца № %d нет названия в заголовке", "№ %d бағанның тақырыпта атауы жоқ"},
		"applicants.service_columns":  {"the service is missing: add a column service_years or service_since", "нет стажа: добавьте столбец service_years или service_since", "еңбек өтілі жоқ: service_years немесе service_since бағанын қосыңыз"},
		"applicants.language_columns": {"the foreign language is missing: add a column language, or certificate and certificate_score", "нет иностранного языка: добавьте столбец language или столбцы certificate и certificate_score", "шет тілі жоқ: language бағанын немесе certificate және certificate_score бағандарын қосыңыз"},

		"applicants.empty_field":               {"%s is empty", "поле %s пустое", "%s өрісі бос"},
		"applicants.unknown_programme":         {"unknown programme code %q (§1.2 lists 7M04203, 7M12301, 7M12303, 8D04201, 8D12301)", "неизвестный код программы %q (§1.2: 7M04203, 7M12301, 7M12303, 8D04201, 8D12301)", "белгісіз бағдарлама коды %q (§1.2: 7M04203, 7M12301, 7M12303, 8D04201, 8D12301)"},
		"applicants.programme_not_in_campaign": {"programme %s does not admit in the %d campaign", "программа %s не ведёт набор в кампании %d года", "%s бағдарламасы %d жылғы науқанда қабылдау жүргізбейді"},
		"applicants.duplicate_id":              {"id %s is already on line %d", "номер %s уже есть в строке %d", "%s нөмірі %d-жолда бұрыннан бар"},
		"applicants.duplicate_id_document":     {"identity document %s is already on line %d", "документ %s уже указан в строке %d", "%s құжаты %d-жолда бұрыннан көрсетілген"},
		"applicants.service_missing":           {"the service is empty: fill in service_years or service_since", "стаж не указан: заполните service_years или service_since", "еңбек өтілі көрсетілмеген: service_years немесе service_since толтырыңыз"},
		"applicants.service_both":              {"give the service once: service_years or service_since, not both", "стаж указывается один раз: service_years или service_since, но не оба", "еңбек өтілі бір рет көрсетіледі: service_years немесе service_since, екеуі бірге емес"},
		"applicants.service_years":             {"the service %q is not a number of years from 0 to %d", "стаж %q — не число лет от 0 до %d", "еңбек өтілі %q — 0 мен %d аралығындағы жылдар саны емес"},
		"applicants.service_since":             {"%q is not a date (YYYY-MM-DD or DD.MM.YYYY)", "%q — не дата (ГГГГ-ММ-ДД или ДД.ММ.ГГГГ)", "%q — күн емес (ЖЖЖЖ-АА-КК немесе КК.АА.ЖЖЖЖ)"},
		"applicants.service_since_range":       {"the service cannot begin on %s: the day must be between %s and %s, the documents' last day", "стаж не может начинаться %s: дата должна быть между %s и %s (последним днём приёма документов)", "еңбек өтілі %s басталуы мүмкін емес: күн %s мен %s (құжаттарды қабылдаудың соңғы күні) аралығында болуы керек"},

		"applicants.language_unknown":          {"AR 20: the language %q is not en, de or fr", "п. 20 Правил: язык %q — не en, de или fr", "Қағидалардың 20-тармағы: %q тілі en, de немесе fr емес"},
		"applicants.language_missing":          {"AR 20: the language of the exam (en, de, fr) is not given", "п. 20 Правил: не указан язык экзамена (en, de, fr)", "Қағидалардың 20-тармағы: емтихан тілі (en, de, fr) көрсетілмеген"},
		"applicants.language_score":            {"AR 20: the foreign-language score %q is not a whole number of points from 0 to %d", "п. 20 Правил: балл по иностранному языку %q — не целое число от 0 до %d", "Қағидалардың 20-тармағы: шет тілі бойынша балл %q — 0 мен %d аралығындағы бүтін сан емес"},
		"applicants.certificate_unknown":       {"AR 22: unknown certificate %q (AR 22 names %s)", "п. 22 Правил: неизвестный сертификат %q (п. 22 называет %s)", "Қағидалардың 22-тармағы: белгісіз сертификат %q (22-тармақта аталғандар: %s)"},
		"applicants.certificate_missing":       {"a certificate's result (%s) without the certificate's name", "результат сертификата (%s) указан без названия сертификата", "сертификаттың нәтижесі (%s) сертификат атауынсыз көрсетілген"},
		"applicants.certificate_score_missing": {"the result of the %s certificate is not given", "не указан результат сертификата %s", "%s сертификатының нәтижесі көрсетілмеген"},
		"applicants.certificate_score_range":   {"%s %s: the certificate's scale is from %s to %s", "%s %s: шкала сертификата — от %s до %s", "%s %s: сертификат шкаласы — %s мен %s аралығы"},
		"applicants.certificate_score_step":    {"%s %s: results go in steps of %s", "%s %s: результаты выставляются с шагом %s", "%s %s: нәтижелер %s қадаммен қойылады"},
		"applicants.certificate_level":         {"%s %s: the certificate is not issued at this level (its levels are %s)", "%s %s: сертификат не выдаётся на таком уровне (уровни: %s)", "%s %s: сертификат мұндай деңгейде берілмейді (деңгейлері: %s)"},
		"applicants.certificate_two_levels":    {"%s %s: give the level in reading and the level in listening, as B1/B2", "%s %s: укажите уровень по чтению и уровень по аудированию, например B1/B2", "%s %s: оқу бойынша және тыңдалым бойынша деңгейді көрсетіңіз, мысалы B1/B2"},
		"applicants.certificate_language":      {"the %s certificate attests the language %s; the language given is %s", "сертификат %s подтверждает язык %s, а указан язык %s", "%s сертификаты %s тілін растайды, ал көрсетілген тіл — %s"},
		"applicants.count":                     {"AR 31: %s must be a whole number, 0 or more (it is %q)", "п. 31 Правил: %s — целое неотрицательное число (указано %q)", "Қағидалардың 31-тармағы: %s — теріс емес бүтін сан (көрсетілгені %q)"},
		"applicants.high_over_publications":    {"AR 31: publications in high-ranked journals (%d) are more than all publications (%d)", "п. 31 Правил: публикаций в высокорейтинговых изданиях (%d) больше, чем всех публикаций (%d)", "Қағидалардың 31-тармағы: рейтингі жоғары басылымдардағы жарияланымдар (%d) барлық жарияланымдардан (%d) көп"},

		// The names of the events (the central record's timeline, the paper).
		"ui.event_type.campaign.set":        {"admission campaign set", "установка приёмной кампании", "қабылдау науқанын орнату"},
		"paper.event.campaign.set":          {"admission campaign set", "установка приёмной кампании", "қабылдау науқанын орнату"},
		"ui.event_type.applicants.imported": {"applicants imported", "загрузка списка поступающих", "түсушілер тізімін жүктеу"},
		"paper.event.applicants.imported":   {"applicants imported", "загрузка списка поступающих", "түсушілер тізімін жүктеу"},
	})

	registerPlural(map[string]Plural{
		"campaign.header": {Text: Text{"The campaign was not set: %d ${problems}. Nothing was changed.", "Кампания не установлена: %d ${problems}. Ничего не изменено.", "Науқан орнатылмады: %d ${problems}. Ештеңе өзгертілмеді."},
			Words: map[string]Count{"problems": {Arg: 1,
				EN: Forms{One: "problem", Other: "problems"},
				RU: Forms{One: "ошибка", Few: "ошибки", Many: "ошибок", Other: "ошибки"},
				KK: Forms{One: "қате", Other: "қате"}}}},
		"applicants.header": {Text: Text{"The applicants were not imported: %d ${problems}. Nothing was changed.", "Поступающие не импортированы: %d ${problems}. Ничего не изменено.", "Түсушілер импортталмады: %d ${problems}. Ештеңе өзгертілмеді."},
			Words: map[string]Count{"problems": {Arg: 1,
				EN: Forms{One: "problem", Other: "problems"},
				RU: Forms{One: "ошибка", Few: "ошибки", Many: "ошибок", Other: "ошибки"},
				KK: Forms{One: "қате", Other: "қате"}}}},
		"applicants.column_count": {Text: Text{"%d ${columns}, expected %d", "%d ${columns}, ожидается %d", "бағандар саны %d, %d болуы керек"},
			Words: map[string]Count{"columns": {Arg: 1,
				EN: Forms{One: "column", Other: "columns"},
				RU: Forms{One: "столбец", Few: "столбца", Many: "столбцов", Other: "столбца"}}}},
	})
}
