package i18n

// The words of the hand-over by file: `examday export` and `examday
// verify`, and the names of a bundle's checks.
func init() {
	register(map[string]Text{
		"cli.export.short": {"Write the hall's whole signed record to a bundle file (for a USB stick)",
			"Записать всю подписанную запись аудитории в файл-пакет (для USB-флешки)",
			"Аудиторияның бүкіл қол қойылған жазбасын пакет файлына жазу (USB жинақтауышқа)"},
		"cli.export.long": {"Writes every event of the hall's log, with its signature, the signed checkpoint and a final SHA-256 line, to one bundle file. The file is written beside its final name, fsynced, renamed and read back from the disk and verified. Given a directory, the bundle is named by the laptop, the hall file and its range. An export does not mark events as delivered: only the central record's receipt does (examday sync).",
			"Записывает все события журнала аудитории с их подписями, подписанную контрольную точку и завершающую строку SHA-256 в один файл-пакет. Файл пишется рядом с итоговым именем, сбрасывается на диск, переименовывается, затем читается с диска обратно и проверяется. Если указан каталог, пакет называется по ноутбуку, файлу аудитории и диапазону. Выгрузка не отмечает события как доставленные: это делает только квитанция центральной записи (examday sync).",
			"Аудитория журналының барлық оқиғасын қолтаңбаларымен, қол қойылған бақылау нүктесін және соңғы SHA-256 жолын бір пакет файлына жазады. Файл соңғы атауының жанына жазылып, дискіге бекітіледі, қайта аталады, содан кейін дискіден қайта оқылып тексеріледі. Каталог берілсе, пакет ноутбук, аудитория файлы және ауқым бойынша аталады. Экспорт оқиғаларды жеткізілді деп белгілемейді: мұны тек орталық жазбаның түбіртегі жасайды (examday sync)."},
		"cli.export.flag.out":  {"the bundle file, or a directory to put it in", "файл-пакет или каталог для него", "пакет файлы немесе оған арналған каталог"},
		"cli.export.flag.demo": {"export the demo hall's record", "выгрузить запись демо-аудитории", "демо аудитория жазбасын экспорттау"},
		"cli.export.no_out":    {"Say where to write the bundle: --out DIR_OR_FILE.", "Укажите, куда записать пакет: --out КАТАЛОГ_ИЛИ_ФАЙЛ.", "Пакетті қайда жазу керектігін көрсетіңіз: --out КАТАЛОГ_НЕМЕСЕ_ФАЙЛ."},
		"cli.export.cannot":    {"The record cannot be exported: %v", "Запись нельзя выгрузить: %v", "Жазбаны экспорттау мүмкін емес: %v"},
		"cli.export.write_failed": {"The bundle could not be written to %s: %v. Nothing was left under that name.",
			"Пакет не удалось записать в %s: %v. Под этим именем ничего не оставлено.",
			"Пакетті %s ішіне жазу мүмкін болмады: %v. Бұл атаумен ештеңе қалдырылмады."},
		"cli.export.readback_failed": {"The bundle %s was written but cannot be read back: %v. Do not rely on this copy.",
			"Пакет %s записан, но не читается обратно: %v. На эту копию не полагайтесь.",
			"%s пакеті жазылды, бірақ қайта оқылмайды: %v. Бұл көшірмеге сенбеңіз."},
		"cli.export.readback_bad": {"The bundle %s was written but what the disk gives back does not verify: %s. Do not rely on this copy; write it again, to another stick if you can.",
			"Пакет %s записан, но прочитанное с диска не проходит проверку: %s. На эту копию не полагайтесь; запишите снова, по возможности на другую флешку.",
			"%s пакеті жазылды, бірақ дискіден қайта оқылғаны тексеруден өтпейді: %s. Бұл көшірмеге сенбеңіз; қайта жазыңыз, мүмкін болса басқа жинақтауышқа."},
		"cli.export.not_delivered": {"The events are not marked as delivered: that takes the central record's receipt (examday sync).",
			"События не отмечены как доставленные: для этого нужна квитанция центральной записи (examday sync).",
			"Оқиғалар жеткізілді деп белгіленбеді: ол үшін орталық жазбаның түбіртегі керек (examday sync)."},

		"cli.verify.short": {"Check a bundle file alone, offline", "Проверить файл-пакет отдельно, без сети", "Пакет файлын жеке, желісіз тексеру"},
		"cli.verify.long": {"Checks a bundle by itself: its final SHA-256 line, every line's form, that the events are numbered without a gap and each links to the one before, every event's signature and the checkpoint's with the key the bundle names, and that the Merkle root of the events is the one the checkpoint signs. Prints OK with the log's size and root, or the line and the check that failed. The exit status is 0 only for a bundle that verifies. Whether the laptop that signed it belongs to the exam is for the central record, which enrolled its key, to say.",
			"Проверяет пакет сам по себе: завершающую строку SHA-256, вид каждой строки, что события пронумерованы без пропусков и каждое ссылается на предыдущее, подпись каждого события и контрольной точки ключом, названным в пакете, и что корень дерева Меркла событий совпадает с подписанным в контрольной точке. Выводит OK с размером и корнем журнала либо строку и проверку, которая не прошла. Код выхода 0 только для пакета, прошедшего проверку. Принадлежит ли подписавший ноутбук экзамену, решает центральная запись, зарегистрировавшая его ключ.",
			"Пакетті өз бетінше тексереді: соңғы SHA-256 жолын, әр жолдың түрін, оқиғалардың үзіліссіз нөмірленгенін және әрқайсысы алдыңғысына сілтейтінін, әр оқиғаның және бақылау нүктесінің пакетте аталған кілтпен қойылған қолтаңбасын, оқиғалардың Меркл түбірі бақылау нүктесінде қол қойылғанмен бірдей екенін. Журналдың өлшемі мен түбірімен OK шығарады немесе өтпеген жол мен тексерісті көрсетеді. Тексеруден өткен пакет үшін ғана шығу коды 0. Қол қойған ноутбуктың емтиханға қатыстылығын оның кілтін тіркеген орталық жазба айтады."},
		"cli.verify.no_file":    {"There is no file %s.", "Файла %s нет.", "%s файлы жоқ."},
		"cli.verify.unreadable": {"The file %s cannot be read: %v", "Файл %s не читается: %v", "%s файлы оқылмайды: %v"},
		"cli.verify.failed":     {"The bundle %s does NOT verify:", "Пакет %s НЕ проходит проверку:", "%s пакеті тексеруден ӨТПЕЙДІ:"},
		"cli.verify.ok": {"OK: the bundle %s verifies (events %d–%d; whole, in order, linked, and signed throughout by the key it names).",
			"OK: пакет %s проверен (события %d–%d; цел, по порядку, связан и полностью подписан названным в нём ключом).",
			"OK: %s пакеті тексерілді (%d–%d оқиғалар; тұтас, ретімен, байланысты және онда аталған кілтпен толық қол қойылған)."},
		"cli.bundle.root":        {"Root: %s (for the paper protocol: %s)", "Корень: %s (для бумажного протокола: %s)", "Түбір: %s (қағаз хаттама үшін: %s)"},
		"cli.bundle.error_event": {"line %d, event %d: %s: %s", "строка %d, событие %d: %s: %s", "%d-жол, %d-оқиға: %s: %s"},
		"cli.bundle.error_line":  {"line %d: %s: %s", "строка %d: %s: %s", "%d-жол: %s: %s"},
		"cli.bundle.error":       {"%s: %s", "%s: %s", "%s: %s"},

		"bundle.check.size":       {"size", "размер", "өлшем"},
		"bundle.check.format":     {"format", "формат", "пішім"},
		"bundle.check.digest":     {"SHA-256 of the bundle", "SHA-256 пакета", "пакеттің SHA-256"},
		"bundle.check.key":        {"key", "ключ", "кілт"},
		"bundle.check.signature":  {"signature", "подпись", "қолтаңба"},
		"bundle.check.sequence":   {"sequence", "последовательность", "реттілік"},
		"bundle.check.link":       {"link to the event before", "связь с предыдущим событием", "алдыңғы оқиғамен байланыс"},
		"bundle.check.checkpoint": {"checkpoint", "контрольная точка", "бақылау нүктесі"},
		"bundle.check.root":       {"Merkle root", "корень Меркла", "Меркл түбірі"},
	})

	// Where a number meets the words it counts (plural.go).
	registerPlural(map[string]Plural{
		"cli.export.done": {Text: Text{
			"Wrote %s: events %d–%d, %d ${bytes}; read back from the disk and verified.",
			"Записан %s: события %d–%d, %d ${bytes}; прочитан с диска обратно и проверен.",
			"%s жазылды: %d–%d оқиғалар, %d ${bytes}; дискіден қайта оқылып тексерілді."},
			Words: map[string]Count{"bytes": bytesOf(4)}},
		"cli.bundle.size": {Text: Text{"Log size: %d ${events}", "Размер журнала: %d ${events}", "Журнал өлшемі: %d ${events}"},
			Words: map[string]Count{"events": eventsOf(1)}},
	})
}
