package i18n

// The words of the printed answer sheets (§1.5), of the graders' list of
// codes, and of the "examday sheets" command. A sheet speaks all three
// languages at once, so every entry of paper.sheet.* must be complete.
func init() {
	register(map[string]Text{
		// On the sheet. paper.academy (the academy's name) is the report's.
		"paper.sheet.exam":           {"Entrance examination", "Вступительный экзамен", "Түсу емтиханы"},
		"paper.sheet.date":           {"Date", "Дата", "Күні"},
		"paper.sheet.master":         {"Master's programme", "Магистратура", "Магистратура"},
		"paper.sheet.doctoral":       {"Doctoral programme (PhD)", "Докторантура (PhD)", "Докторантура (PhD)"},
		"paper.sheet.question":       {"Question %d of %d", "Вопрос %d из %d", "Сұрақ %d / %d"},
		"paper.sheet.situational":    {"Situational problem", "Ситуационная задача", "Ситуациялық есеп"},
		"paper.sheet.spare":          {"Spare sheet", "Запасной лист", "Қосалқы парақ"},
		"paper.sheet.spare_question": {"Question No.", "Вопрос №", "Сұрақ №"},
		"paper.sheet.code":           {"Sheet code", "Код листа", "Парақ коды"},
		"paper.sheet.answer":         {"Answer", "Ответ", "Жауап"},
		"paper.sheet.rule": {"Answer on this sheet only the question named above (§1.5). Do not write your name or any mark by which you could be recognised: the sheet is graded by its code.",
			"На этом листе отвечайте только на указанный выше вопрос (§1.5). Не пишите свою фамилию и не ставьте пометок, по которым вас можно узнать: лист проверяется по коду.",
			"Бұл парақта тек жоғарыда көрсетілген сұраққа жауап беріңіз (§1.5). Аты-жөніңізді жазбаңыз және сізді тануға болатын белгі қоймаңыз: парақ коды бойынша тексеріледі."},
		"paper.sheet.spare_rule": {"A spare sheet replaces a spoilt one: the officer on duty fills in the level and the question before giving it out.",
			"Запасной лист заменяет испорченный: дежурный по аудитории отмечает уровень и вопрос до выдачи.",
			"Қосалқы парақ бүлінген парақтың орнына беріледі: аудитория бойынша кезекші берер алдында деңгей мен сұрақты белгілейді."},
		"paper.sheet.signatures":     {"Signatures", "Подписи", "Қолтаңбалар"},
		"paper.sheet.sign.admission": {"Chairman of the admission commission", "Председатель приёмной комиссии", "Қабылдау комиссиясының төрағасы"},
		"paper.sheet.sign.examination": {"Chairman of the examination commission", "Председатель экзаменационной комиссии",
			"Емтихан комиссиясының төрағасы"},
		"paper.sheet.sign.security": {"Assistant Rector for internal security", "Помощник ректора по внутренней безопасности",
			"Ректордың ішкі қауіпсіздік жөніндегі көмекшісі"},
		"paper.sheet.sign.hint": {"signature, name", "подпись, Ф. И. О.", "қолтаңбасы, аты-жөні"},
		"paper.sheet.title":     {"Answer sheets, exam of %s", "Листы ответов, экзамен %s", "Жауап парақтары, %s емтиханы"},

		// The graders' list.
		"paper.graders.title": {"Codes of the answer sheets received, for grading — exam of %s",
			"Коды принятых листов ответов для проверки — экзамен %s",
			"Тексеруге арналған қабылданған жауап парақтарының кодтары — %s емтиханы"},
		"paper.graders.note": {"Codes only: who wrote a sheet is kept in the hall's log, not here. Ordered by code.",
			"Только коды: кто написал лист, хранится в журнале аудитории, а не здесь. Упорядочено по коду.",
			"Тек кодтар: парақты кім жазғаны мұнда емес, аудитория журналында сақталады. Код бойынша реттелген."},
		"paper.graders.count":        {"Sheets: %d", "Листов: %d", "Парақтар саны: %d"},
		"paper.graders.col.level":    {"Level", "Уровень", "Деңгейі"},
		"paper.graders.col.question": {"Question No.", "№ вопроса", "Сұрақ №"},
		"paper.graders.col.label":    {"Question", "Вопрос", "Сұрақ"},

		// The hall's report: its section listing every sheet.
		"paper.section.sheets": {"Answer sheets (§1.5)", "Листы ответов (§1.5)", "Жауап парақтары (§1.5)"},
		"paper.sh.summary": {"Sheets printed: %d. Received: %d; given out and not received: %d; void: %d; in packets never given out: %d; spares not used: %d. Times by the laptop's clock.",
			"Напечатано листов: %d. Принято: %d; выдано и не принято: %d; аннулировано: %d; в невыданных пакетах: %d; неиспользованных запасных: %d. Время — по часам ноутбука.",
			"Басылған парақтар: %d. Қабылданғаны: %d; берілген, бірақ қабылданбағаны: %d; күші жойылғаны: %d; берілмеген пакеттерде: %d; пайдаланылмаған қосалқы парақтар: %d. Уақыт — ноутбук сағаты бойынша."},
		"paper.sh.state":          {"State", "Состояние", "Күйі"},
		"paper.sh.issued":         {"Given out", "Выдан", "Берілді"},
		"paper.sh.received":       {"Received", "Принят", "Қабылданды"},
		"paper.sh.voided":         {"Voided", "Аннулирован", "Күші жойылды"},
		"paper.sh.void_reason":    {"Reason voided", "Причина аннулирования", "Күшін жою себебі"},
		"paper.sh.replaced_by":    {"Replaced by", "Заменён листом", "Орнына берілген парақ"},
		"paper.sh.replaces":       {"Replaces", "Заменяет лист", "Орнына берілген парақ коды"},
		"paper.sh.state.received": {"received", "принят", "қабылданды"},
		"paper.sh.state.received_not_marked": {"received; the examinee was removed from the exam (§2.3): not to be marked",
			"принят; поступающий удалён с экзамена (§2.3): не проверяется",
			"қабылданды; түсуші емтиханнан шығарылды (§2.3): тексерілмейді"},
		"paper.sh.state.issued": {"given out, not received", "выдан, не принят", "берілген, қабылданбаған"},
		"paper.sh.state.voided": {"void (%s), replaced by %s", "аннулирован (%s), заменён листом %s", "күші жойылды (%s), орнына %s парағы берілді"},
		"paper.sh.state.reprinted": {"void: never given out, replaced by a new print", "аннулирован: не выдавался, заменён при новой печати",
			"күші жойылды: берілмеген, жаңа басып шығарумен ауыстырылды"},
		"paper.sh.state.printed":  {"printed, never given out", "напечатан, не выдавался", "басылған, берілмеген"},
		"paper.sh.state.spare":    {"spare, not used", "запасной, не использован", "қосалқы, пайдаланылмаған"},
		"paper.sh.state.replaces": {"replaces %s", "взамен листа %s", "%s парағының орнына"},

		// The command.
		"cli.sheets.short": {"Print the answer sheets; list their codes for the graders",
			"Печать листов ответов; список их кодов для проверяющих",
			"Жауап парақтарын басып шығару; тексерушілерге арналған кодтар тізімі"},
		"cli.sheets.print.short": {"Print the answer-sheet packets and spare sheets as a PDF",
			"Напечатать пакеты листов ответов и запасные листы в PDF",
			"Жауап парақтарының пакеттері мен қосалқы парақтарды PDF етіп басып шығару"},
		"cli.sheets.print.long": {"Records the print in the hall's log first, then writes every sheet not yet given out: one packet per examinee (4 sheets for master's, 3 for doctoral, §1.5), then the spare sheets. Printing again prints the same codes; --new voids the sheets not yet given out and prints new ones. No examinee's name is printed: the code is opaque.",
			"Сначала записывает печать в журнал аудитории, затем печатает все ещё не выданные листы: пакет на каждого поступающего (4 листа в магистратуру, 3 в докторантуру, §1.5), затем запасные листы. Повторная печать даёт те же коды; --new аннулирует невыданные листы и печатает новые. Фамилии поступающих не печатаются: код ничего не говорит о владельце.",
			"Алдымен басып шығаруды аудитория журналына жазады, содан кейін әлі берілмеген барлық парақты басады: әр түсушіге бір пакет (магистратураға 4 парақ, докторантураға 3 парақ, §1.5), одан кейін қосалқы парақтар. Қайта басу сол кодтарды береді; --new берілмеген парақтардың күшін жойып, жаңаларын басады. Түсушілердің аты-жөні басылмайды: код иесі туралы ештеңе айтпайды."},
		"cli.sheets.print.flag.out": {"the PDF to write", "куда записать PDF", "PDF жазылатын файл"},
		"cli.sheets.print.flag.spares": {"keep at least N unused spare sheets, 0–500 (default: on the first print and with --new, one per five examinees, at least 5; on a reprint, none added)",
			"сколько неиспользованных запасных листов иметь, не меньше N, от 0 до 500 (по умолчанию: при первой печати и с --new — один на пять поступающих, не меньше 5; при повторной печати не добавляются)",
			"пайдаланылмаған қосалқы парақтар саны, кемінде N, 0-ден 500-ге дейін (әдепкі: алғашқы басуда және --new кезінде — бес түсушіге бір парақ, кемінде 5; қайта басуда қосылмайды)"},
		"cli.sheets.print.flag.new": {"void every sheet not yet given out and print new codes",
			"аннулировать все ещё не выданные листы и напечатать новые коды",
			"әлі берілмеген барлық парақтың күшін жойып, жаңа кодтарды басу"},
		"cli.sheets.flag.demo": {"use the demo hall's file", "использовать файл демонстрационной аудитории", "демо аудиторияның файлын пайдалану"},
		"cli.sheets.graders.short": {"Write the codes of the received sheets for the graders, without names",
			"Записать коды принятых листов для проверяющих, без фамилий",
			"Қабылданған парақтардың кодтарын тексерушілер үшін аты-жөнсіз жазу"},
		"cli.sheets.graders.long": {"Writes the codes of the answer sheets received back, each with its level and question, ordered by code: no name, no seat, nothing that says whose a sheet is (.csv for a spreadsheet, .txt for print).",
			"Записывает коды принятых листов ответов с уровнем и номером вопроса, упорядоченные по коду: без фамилий, без мест, без всего, что говорит, чей это лист (.csv для таблицы, .txt для печати).",
			"Қабылданған жауап парақтарының кодтарын деңгейі мен сұрақ нөмірімен, код бойынша реттеп жазады: аты-жөнсіз, орынсыз, парақтың кімдікі екенін білдіретін ештеңесіз (.csv — кесте үшін, .txt — басып шығару үшін)."},
		"cli.sheets.graders.flag.out": {"the list to write: FILE.csv or FILE.txt", "куда записать список: ФАЙЛ.csv или ФАЙЛ.txt", "тізім жазылатын файл: ФАЙЛ.csv немесе ФАЙЛ.txt"},

		"cli.sheets.need_out": {"Say where to write the sheets: --out FILE.pdf", "Укажите, куда записать листы: --out ФАЙЛ.pdf", "Парақтарды қайда жазу керектігін көрсетіңіз: --out ФАЙЛ.pdf"},
		"cli.sheets.not_pdf": {"The sheets are written as a PDF: --out must end in .pdf (not “%s”).",
			"Листы записываются в PDF: --out должен оканчиваться на .pdf (а не «%s»).",
			"Парақтар PDF етіп жазылады: --out .pdf-пен аяқталуы керек («%s» емес)."},
		"cli.sheets.no_dir": {"The folder %s does not exist: nothing was printed or recorded.",
			"Папки %s нет: ничего не напечатано и не записано.",
			"%s қалтасы жоқ: ештеңе басылған да, жазылған да жоқ."},
		"cli.sheets.read_only": {"Nothing was printed: %s is open read-only, so no print can be recorded (%s).",
			"Ничего не напечатано: %s открыт только для чтения, печать нельзя записать (%s).",
			"Ештеңе басылған жоқ: %s тек оқу үшін ашылған, басып шығаруды жазу мүмкін емес (%s)."},
		"cli.sheets.nothing_new": {"Nothing new to record: these are the codes printed before.",
			"Записывать нечего: это те же коды, что были напечатаны раньше.",
			"Жазатын жаңа ештеңе жоқ: бұл бұрын басылған кодтар."},
		"cli.sheets.none_to_print": {"There is no sheet to print: every packet is given out and no spare is left. Ask for spares with --spares N.",
			"Печатать нечего: все пакеты выданы, запасных листов не осталось. Запасные листы: --spares N.",
			"Басатын парақ жоқ: барлық пакет берілген, қосалқы парақ қалмады. Қосалқы парақтар: --spares N."},
		"cli.sheets.graders.bad_ext": {"The graders' list is a .csv or a .txt file (not “%s”).",
			"Список для проверяющих — файл .csv или .txt (а не «%s»).",
			"Тексерушілерге арналған тізім — .csv немесе .txt файлы («%s» емес)."},
		"cli.sheets.graders.need_out": {"Say where to write the list: --out FILE.csv or FILE.txt",
			"Укажите, куда записать список: --out ФАЙЛ.csv или ФАЙЛ.txt",
			"Тізімді қайда жазу керектігін көрсетіңіз: --out ФАЙЛ.csv немесе ФАЙЛ.txt"},
		"cli.sheets.graders.none": {"No answer sheet has been received back yet: there is nothing to grade.",
			"Ни один лист ответов ещё не принят: проверять нечего.",
			"Әзірге бірде-бір жауап парағы қабылданған жоқ: тексеретін ештеңе жоқ."},
	})

	// Where a number meets the words it counts (plural.go).
	registerPlural(map[string]Plural{
		"paper.sh.summary_not_marked": {Text: Text{
			"Of the received, %d ${are} of examinees removed from the exam (§2.3): not on the graders' list, not to be marked.",
			"Из принятых %d — листы удалённых с экзамена (§2.3): их нет в списке для проверяющих, они не проверяются.",
			"Қабылданғандардың %d ${sheets} емтиханнан шығарылғандардікі (§2.3): тексерушілер тізімінде жоқ, тексерілмейді."},
			Words: map[string]Count{
				"are":    {Arg: 1, EN: Forms{One: "is", Other: "are"}},
				"sheets": {Arg: 1, KK: Forms{One: "парағы", Other: "парағы"}}}},

		"cli.sheets.recorded": {Text: Text{
			"Recorded in the log: %d new ${packets}, %d new spare ${spares}, %d old ${old} voided.",
			"Записано в журнал: новых пакетов — %d, новых запасных листов — %d, аннулировано старых листов — %d.",
			"Журналға жазылды: жаңа пакеттер — %d, жаңа қосалқы парақтар — %d, күші жойылған ескі парақтар — %d."},
			Words: map[string]Count{
				"packets": {Arg: 1, EN: Forms{One: "packet", Other: "packets"}},
				"spares":  {Arg: 2, EN: Forms{One: "sheet", Other: "sheets"}},
				"old":     {Arg: 3, EN: Forms{One: "sheet", Other: "sheets"}}}},
		"cli.sheets.voided_note": {Text: Text{
			"Destroy the %d ${sheets}: ${they} void, and a scan refuses ${them}.",
			"Уничтожьте невыданные листы прежней печати (%d): они аннулированы, и сканер их не примет.",
			"Бұрынғы басылымның берілмеген парақтарын жойыңыз (%d): олардың күші жойылды, сканер оларды қабылдамайды."},
			Words: map[string]Count{
				"sheets": {Arg: 1, EN: Forms{One: "sheet of the earlier print that was never given out", Other: "sheets of the earlier print that were never given out"}},
				"they":   {Arg: 1, EN: Forms{One: "it is", Other: "they are"}},
				"them":   {Arg: 1, EN: Forms{One: "it", Other: "them"}}}},
		"cli.sheets.written": {Text: Text{
			"%s: %d answer ${sheets} — %d ${packets} and %d ${spares}, session %s — written to %s.",
			"%s: листов ответов — %d (пакетов — %d, запасных — %d), сессия %s, записаны в %s.",
			"%s: жауап парақтары — %d (пакеттер — %d, қосалқы — %d), сессия %s, %s файлына жазылды."},
			Words: map[string]Count{
				"sheets":  {Arg: 2, EN: Forms{One: "sheet", Other: "sheets"}},
				"packets": {Arg: 3, EN: Forms{One: "packet", Other: "packets"}},
				"spares":  {Arg: 4, EN: Forms{One: "spare", Other: "spares"}}}},
		"cli.sheets.graders.outstanding": {Text: Text{
			"The hall is not closed: %d ${sheets}.",
			"Аудитория не закрыта: выданные, но ещё не принятые листы (%d) в список не вошли.",
			"Аудитория жабылған жоқ: берілген, бірақ әлі қабылданбаған парақтар (%d) тізімге енбеді."},
			Words: map[string]Count{"sheets": {Arg: 1, EN: Forms{
				One:   "sheet given out is not received yet and is not on the list",
				Other: "sheets given out are not received yet and are not on the list"}}}},
		"cli.sheets.graders.removed": {Text: Text{
			"%d received ${sheets} of examinees removed from the exam (§2.3) ${are} not on the list: ${they} not marked. ${codes} in the hall's report.",
			"Принятые листы удалённых с экзамена (§2.3), %d, в список не включены: они не проверяются. Их коды — в отчёте аудитории.",
			"Емтиханнан шығарылғандардың (§2.3) қабылданған парақтары, %d, тізімге енгізілмеді: олар тексерілмейді. Олардың кодтары аудитория есебінде."},
			Words: map[string]Count{
				"sheets": {Arg: 1, EN: Forms{One: "sheet", Other: "sheets"}},
				"are":    {Arg: 1, EN: Forms{One: "is", Other: "are"}},
				"they":   {Arg: 1, EN: Forms{One: "it is", Other: "they are"}},
				"codes":  {Arg: 1, EN: Forms{One: "Its code is", Other: "Their codes are"}}}},
		"cli.sheets.graders.written": {Text: Text{
			"%d ${codes} of received sheets written to %s, ordered by code.",
			"Коды принятых листов (%d) записаны в %s, по порядку кодов.",
			"Қабылданған парақтардың кодтары (%d) %s файлына код бойынша реттеліп жазылды."},
			Words: map[string]Count{"codes": {Arg: 1, EN: Forms{One: "code", Other: "codes"}}}},
	})
}
