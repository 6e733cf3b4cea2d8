package i18n

// The words of the command line: sub-commands, flags and their messages.
func init() {
	register(map[string]Text{
		"cli.root.short": {"Run the day of a written entrance exam in one exam hall",
			"Проведение письменного вступительного экзамена в одной аудитории",
			"Бір аудиторияда жазбаша түсу емтиханын өткізу"},
		"cli.root.long": {"examday times the exam and the break, records arrivals, materials and every examinee's events in a tamper-evident log, offline.\nWith no sub-command it opens the hall in the default file.",
			"examday отсчитывает время экзамена и перерыва, записывает явку, выдачу материалов и все события каждого поступающего в защищённый от подделки журнал, без сети.\nБез подкоманды открывает аудиторию из файла по умолчанию.",
			"examday емтихан мен үзіліс уақытын санайды, келуді, материалдардың берілуін және әр түсушінің оқиғаларын жалған өзгертуден қорғалған журналға желісіз жазады.\nІшкі командасыз әдепкі файлдағы аудиторияны ашады."},
		"cli.flag.central_db": {"the central record's file (default: central.db in the user's data directory; also EXAMDAY_CENTRAL_DB)",
			"файл центральной записи (по умолчанию — central.db в каталоге данных пользователя; также EXAMDAY_CENTRAL_DB)",
			"орталық жазба файлы (әдепкі — пайдаланушы деректері каталогындағы central.db; сондай-ақ EXAMDAY_CENTRAL_DB)"},
		"cli.version.short":   {"Print the version, the commit and the build date", "Показать версию, коммит и дату сборки", "Нұсқаны, коммитті және жинақ күнін көрсету"},
		"cli.version.line":    {"examday %s (commit %s, built %s, %s)", "examday %s (коммит %s, собран %s, %s)", "examday %s (коммит %s, жиналған %s, %s)"},
		"cli.version.unknown": {"unknown", "неизвестно", "белгісіз"},
		"cli.flag.db":         {"hall file (default: the user's data directory; also EXAMDAY_DB)", "файл аудитории (по умолчанию — в каталоге данных пользователя; также EXAMDAY_DB)", "аудитория файлы (әдепкі — пайдаланушы деректері каталогында; сондай-ақ EXAMDAY_DB)"},
		"cli.flag.lang":       {"language: en, ru or kk (remembered in the file)", "язык: en, ru или kk (запоминается в файле)", "тіл: en, ru немесе kk (файлда сақталады)"},
		"cli.bad_lang":        {"Unknown language %q: use en, ru or kk.", "Неизвестный язык %q: используйте en, ru или kk.", "Белгісіз тіл %q: en, ru немесе kk қолданыңыз."},

		"cli.open.in_use":      {"The file %s is in use by another program. Close examday there first; nothing was changed.", "Файл %s занят другой программой. Сначала закройте examday там; ничего не изменено.", "%s файлын басқа бағдарлама пайдаланып отыр. Алдымен ондағы examday-ді жабыңыз; ештеңе өзгертілмеді."},
		"cli.open.not_found":   {"There is no hall file at %s.", "Файла аудитории %s нет.", "%s жолында аудитория файлы жоқ."},
		"cli.open.not_examday": {"%s is not an examday hall file (or is too damaged to read). It was not changed.", "%s — не файл аудитории examday (или повреждён так, что не читается). Он не изменён.", "%s — examday аудитория файлы емес (немесе оқылмайтындай бүлінген). Ол өзгертілмеді."},
		"cli.open.damaged":     {"The hall file %s is damaged. It was not changed; keep it for the commission and use a backup copy.", "Файл аудитории %s повреждён. Он не изменён; сохраните его для комиссии и используйте резервную копию.", "%s аудитория файлы бүлінген. Ол өзгертілмеді; оны комиссия үшін сақтаңыз және сақтық көшірмені қолданыңыз."},
		"cli.open.newer":       {"The hall file %s was written by a newer version of examday. Use that version.", "Файл аудитории %s записан более новой версией examday. Используйте её.", "%s аудитория файлын examday-дің жаңа нұсқасы жазған. Сол нұсқаны қолданыңыз."},
		"cli.open.read_only":   {"WARNING: %s is open READ-ONLY: %s", "ВНИМАНИЕ: %s открыт ТОЛЬКО ДЛЯ ЧТЕНИЯ: %s", "НАЗАР АУДАРЫҢЫЗ: %s ТЕК ОҚУ ҮШІН ашылды: %s"},
		"cli.no_hall_file":     {"There is no hall in %s yet. Set one up with “examday hall create …”, or try the demo with “examday demo”.", "В %s ещё нет аудитории. Создайте её командой «examday hall create …» или попробуйте демо: «examday demo».", "%s файлында әлі аудитория жоқ. Оны «examday hall create …» командасымен құрыңыз немесе демоны көріңіз: «examday demo»."},

		"cli.demo.short":         {"Open a demo hall (created on first run)", "Открыть демонстрационную аудиторию (создаётся при первом запуске)", "Демо аудиторияны ашу (алғашқы іске қосқанда құрылады)"},
		"cli.demo.long":          {"Opens a demo hall of twelve examinees across all five programmes, kept in demo.db beside the real hall's file. Running it again reopens the same hall. The demo chairman's PIN is %s.", "Открывает демонстрационную аудиторию из двенадцати поступающих по всем пяти программам; она хранится в demo.db рядом с файлом настоящей аудитории. Повторный запуск открывает ту же аудиторию. PIN-код председателя в демо: %s.", "Бес бағдарлама бойынша он екі түсушісі бар демо аудиторияны ашады; ол нақты аудитория файлының жанындағы demo.db файлында сақталады. Қайта іске қосу сол аудиторияны ашады. Демодағы төраға PIN-коды: %s."},
		"cli.demo.flag.reset":    {"start the demo afresh (asks for confirmation)", "начать демо заново (с подтверждением)", "демоны басынан бастау (растауды сұрайды)"},
		"cli.demo.flag.yes":      {"with --reset: do not ask for confirmation", "с --reset: не спрашивать подтверждения", "--reset-пен: растауды сұрамау"},
		"cli.demo.flag.no_tui":   {"create the demo hall and exit, for scripts", "создать демо-аудиторию и выйти (для сценариев)", "демо аудиторияны құрып, шығу (сценарийлер үшін)"},
		"cli.demo.confirm_reset": {"Delete the demo hall in %s and start afresh? [y/N] ", "Удалить демо-аудиторию в %s и начать заново? [y/N] ", "%s ішіндегі демо аудиторияны өшіріп, басынан бастау керек пе? [y/N] "},
		"cli.demo.reset_done":    {"Demo hall %s deleted.", "Демо-аудитория %s удалена.", "%s демо аудиториясы өшірілді."},

		"cli.hall.short":              {"Set up a real exam hall", "Подготовить настоящую аудиторию", "Нақты аудиторияны дайындау"},
		"cli.hall.create.short":       {"Create the hall with its roster; asks for the chairman's PIN", "Создать аудиторию со списком; запрашивает PIN-код председателя", "Аудиторияны тізімімен құру; төрағаның PIN-кодын сұрайды"},
		"cli.hall.create.long":        {"Creates the hall in a new file from a roster CSV with the header id,full_name,programme,id_document,seat (UTF-8, with or without BOM, comma or semicolon separated). A file with any bad row imports nothing and lists every bad row. The chairman of the examination commission types their PIN on this terminal; it is stored only as a slow hash.", "Создаёт аудиторию в новом файле по списку CSV с заголовком id,full_name,programme,id_document,seat (UTF-8, с BOM или без, разделитель — запятая или точка с запятой). Файл с любой ошибочной строкой не импортируется, все ошибочные строки перечисляются. Председатель экзаменационной комиссии вводит PIN-код на этом терминале; хранится только его медленный хеш.", "Аудиторияны id,full_name,programme,id_document,seat тақырыбы бар CSV тізімінен жаңа файлда құрады (UTF-8, BOM-мен не онсыз, үтір не нүктелі үтірмен бөлінген). Қате жолы бар файл импортталмайды, барлық қате жолдар көрсетіледі. Емтихан комиссиясының төрағасы PIN-кодын осы терминалда енгізеді; тек оның баяу хеші сақталады."},
		"cli.hall.flag.name":          {"name of the hall (audience)", "название аудитории", "аудитория атауы"},
		"cli.hall.flag.date":          {"date of the exam, YYYY-MM-DD", "дата экзамена, ГГГГ-ММ-ДД", "емтихан күні, ЖЖЖЖ-АА-КК"},
		"cli.hall.flag.roster":        {"roster CSV file", "файл списка CSV", "CSV тізім файлы"},
		"cli.hall.flag.chairman":      {"chairman of the examination commission", "председатель экзаменационной комиссии", "емтихан комиссиясының төрағасы"},
		"cli.hall.flag.officer":       {"officer on duty in the audience", "дежурный по аудитории", "аудитория бойынша кезекші"},
		"cli.hall.flag.member":        {"commission member (repeat for each)", "член комиссии (повторить для каждого)", "комиссия мүшесі (әрқайсысы үшін қайталаңыз)"},
		"cli.hall.flag.pin_stdin":     {"read the PIN from standard input instead of the terminal (scripts)", "читать PIN-код со стандартного ввода, а не с терминала (для сценариев)", "PIN-кодты терминалдан емес, стандартты енгізуден оқу (сценарийлер үшін)"},
		"cli.hall.roster_unreadable":  {"Cannot read the roster %s: %v", "Не удаётся прочитать список %s: %v", "%s тізімін оқу мүмкін емес: %v"},
		"cli.hall.file_exists":        {"%s already exists. A hall file holds one hall: choose another file with --db, or move the old one away.", "%s уже существует. В файле аудитории — одна аудитория: выберите другой файл (--db) или переместите старый.", "%s бар. Бір файлда бір аудитория: --db арқылы басқа файлды таңдаңыз немесе ескісін басқа жерге жылжытыңыз."},
		"cli.hall.pin_needs_terminal": {"The chairman's PIN is typed on a terminal (or given with --pin-stdin); it is never taken from the command line.", "PIN-код председателя вводится на терминале (или через --pin-stdin); в командной строке его не принимают.", "Төрағаның PIN-коды терминалда енгізіледі (немесе --pin-stdin арқылы); командалық жолдан қабылданбайды."},
		"cli.hall.pin_prompt":         {"Chairman of the examination commission, type your PIN (digits): ", "Председатель экзаменационной комиссии, введите PIN-код (цифры): ", "Емтихан комиссиясының төрағасы, PIN-кодыңызды енгізіңіз (цифрлар): "},
		"cli.hall.pin_again":          {"Type the PIN again: ", "Введите PIN-код ещё раз: ", "PIN-кодты қайта енгізіңіз: "},
		"cli.hall.pin_mismatch":       {"The two PINs differ; start again.", "PIN-коды не совпадают; начните заново.", "PIN-кодтар сәйкес емес; қайтадан бастаңыз."},
		"cli.hall.pin_cancelled":      {"Cancelled: nothing was created.", "Отменено: ничего не создано.", "Тоқтатылды: ештеңе жасалмады."},
		"cli.hall.pin_gave_up":        {"No PIN was set; the hall was not created.", "PIN-код не задан; аудитория не создана.", "PIN-код орнатылмады; аудитория құрылмады."},

		"cli.events.short":     {"Print the hall's event log", "Вывести журнал событий аудитории", "Аудитория оқиғалар журналын шығару"},
		"cli.events.long":      {"Prints every event of the hall's log in order, one per line. With --json each line is the event as stored (seq, at, type, examinee, actor, data, prev) with its hash.", "Выводит все события журнала аудитории по порядку, по одному в строке. С --json каждая строка — событие в том виде, как оно хранится (seq, at, type, examinee, actor, data, prev), с его хешем.", "Аудитория журналының барлық оқиғаларын ретімен, әр жолға біреуден шығарады. --json кезінде әр жол — сақталған түріндегі оқиға (seq, at, type, examinee, actor, data, prev) және оның хеші."},
		"cli.events.flag.json": {"JSON Lines, one event per line", "JSON Lines, одно событие в строке", "JSON Lines, әр жолға бір оқиға"},
		"cli.events.flag.demo": {"the demo hall's log", "журнал демо-аудитории", "демо аудитория журналы"},
	})

	// Where a number meets the words it counts (plural.go).
	registerPlural(map[string]Plural{
		"cli.demo.ready": {Text: Text{"Demo hall “%s” with %d ${examinees} is ready in %s", "Демонстрационная аудитория «%s» (%d ${examinees}) готова: %s", "«%s» демо аудиториясы (%d ${examinees}) дайын: %s"},
			Words: map[string]Count{"examinees": {Arg: 2,
				EN: Forms{One: "examinee", Other: "examinees"},
				RU: Forms{One: "поступающий", Few: "поступающих", Many: "поступающих", Other: "поступающего"},
				KK: Forms{One: "түсуші", Other: "түсуші"}}}},
		"cli.hall.created": {Text: Text{"Hall “%s” created with %d ${examinees} in %s", "Аудитория «%s» создана, поступающих: %d, файл %s", "«%s» аудиториясы құрылды, түсушілер: %d, файл %s"},
			Words: map[string]Count{"examinees": {Arg: 2, EN: Forms{One: "examinee", Other: "examinees"}}}},
	})
}
