package i18n

// The words of what examday refuses, and clears, so that nothing a user
// types destroys a record: an output over a file examday keeps, the demo
// over a real hall, and what an interrupted set-up left.
func init() {
	register(map[string]Text{
		// Said after each refusal below: on the command line, and on the
		// screen's file dialog (ui.files.out_advice), where there is no --out.
		"cli.out.advice": {"Give --out another name.", "Укажите в --out другое имя.", "--out үшін басқа атау беріңіз."},
		"cli.out.hall_file": {"%s is the hall file %s: examday keeps the hall's record in it. Nothing was written.",
			"%s — это файл аудитории %s: в нём examday хранит запись аудитории. Ничего не записано.",
			"%s — %s аудитория файлы: examday аудитория жазбасын осында сақтайды. Ештеңе жазылмады."},
		"cli.out.hall_key": {"%s is the signing key of hall file %s: without it nothing more can be recorded in that hall. Nothing was written.",
			"%s — это ключ подписи файла аудитории %s: без него в эту аудиторию больше ничего нельзя записать. Ничего не записано.",
			"%s — %s аудитория файлының қолтаңба кілті: онсыз ол аудиторияға енді ештеңе жазу мүмкін емес. Ештеңе жазылмады."},
		"cli.out.hall_owner": {"%s is the owner note of hall file %s, which says which program has it open. Nothing was written.",
			"%s — это заметка о владельце файла аудитории %s: она говорит, какая программа его открыла. Ничего не записано.",
			"%s — %s аудитория файлының иесі туралы жазба: ол файлды қай бағдарлама ашқанын айтады. Ештеңе жазылмады."},
		"cli.out.central_file": {"%s is the central record's file %s. Nothing was written.",
			"%s — это файл центральной записи %s. Ничего не записано.",
			"%s — %s орталық жазба файлы. Ештеңе жазылмады."},
		"cli.out.central_key": {"%s is the signing key of the central record %s: without it no receipt can be signed. Nothing was written.",
			"%s — это ключ подписи центральной записи %s: без него нельзя подписать ни одной квитанции. Ничего не записано.",
			"%s — %s орталық жазбасының қолтаңба кілті: онсыз бірде-бір түбіртекке қол қою мүмкін емес. Ештеңе жазылмады."},
		"cli.out.central_owner": {"%s is the owner note of the central record %s, which says which program has it open. Nothing was written.",
			"%s — это заметка о владельце центральной записи %s: она говорит, какая программа её открыла. Ничего не записано.",
			"%s — %s орталық жазбасының иесі туралы жазба: ол файлды қай бағдарлама ашқанын айтады. Ештеңе жазылмады."},
		"cli.out.unreadable": {"%s is a database file examday cannot look into (%v): it may be a hall file or the central record. Nothing was written.",
			"%s — файл базы данных, в который examday не может заглянуть (%v): возможно, это файл аудитории или центральной записи. Ничего не записано.",
			"%s — examday ішіне қарай алмайтын дерекқор файлы (%v): бұл аудитория файлы немесе орталық жазба болуы мүмкін. Ештеңе жазылмады."},
		"cli.out.beside_unreadable": {"%s would be the key or the owner note of %s, a database file examday cannot look into (%v): it may be a hall file or the central record. Nothing was written.",
			"%s стал бы ключом или заметкой о владельце для %s — файла базы данных, в который examday не может заглянуть (%v): возможно, это файл аудитории или центральной записи. Ничего не записано.",
			"%s — %s дерекқор файлының кілті немесе иесі туралы жазбасы болар еді, ал examday ол файлдың ішіне қарай алмайды (%v): бұл аудитория файлы немесе орталық жазба болуы мүмкін. Ештеңе жазылмады."},

		"cli.demo.not_demo": {"%s holds the hall “%s”, not a demo hall: the demo never opens, replaces or deletes a real hall's file. Nothing was changed; run the demo without --db, or with --db naming a file of its own.",
			"В %s — аудитория «%s», а не демо-аудитория: демо никогда не открывает, не заменяет и не удаляет файл настоящей аудитории. Ничего не изменено; запустите демо без --db или с --db, указывающим на отдельный файл.",
			"%s ішінде демо аудитория емес, «%s» аудиториясы бар: демо нақты аудитория файлын ешқашан ашпайды, алмастырмайды және өшірмейді. Ештеңе өзгертілмеді; демоны --db-сыз немесе бөлек файлды көрсететін --db-мен іске қосыңыз."},
		"cli.demo.unreadable": {"%s cannot be read as a hall file, so it is not known to be a demo hall: it was not deleted. If it is only the demo's, delete it yourself.\n  (%v)",
			"%s не читается как файл аудитории, поэтому неизвестно, демо ли это: он не удалён. Если это только файл демо, удалите его сами.\n  (%v)",
			"%s аудитория файлы ретінде оқылмайды, сондықтан оның демо екені белгісіз: ол өшірілмеді. Егер бұл тек демо файлы болса, оны өзіңіз өшіріңіз.\n  (%v)"},

		"cli.hall.left_temporary": {"Removed what an interrupted set-up of %s left: %s.",
			"Удалено то, что оставила прерванная подготовка %s: %s.",
			"%s файлының үзілген дайындығы қалдырған файлдар өшірілді: %s."},
		"cli.hall.left_key": {"Removed the signing key %s, which an interrupted set-up left without its hall file.",
			"Удалён ключ подписи %s: его оставила без файла аудитории прерванная подготовка.",
			"%s қолтаңба кілті өшірілді: оны үзілген дайындық аудитория файлынсыз қалдырған."},
		"cli.hall.left_aside": {"The signing key %s was there without its hall file, and no hall file beside it is signed with it: it was moved to %s and kept. If it is the key of a hall file moved elsewhere, put it back beside that file, named as that file with .key.",
			"Ключ подписи %s лежал без своего файла аудитории, и ни один файл аудитории рядом им не подписан: он перемещён в %s и сохранён. Если это ключ файла аудитории, перенесённого в другое место, положите его рядом с тем файлом под его именем с .key.",
			"%s қолтаңба кілті өз аудитория файлынсыз жатқан, ал жанындағы бірде-бір аудитория файлына ол арқылы қол қойылмаған: ол %s жолына жылжытылып, сақталды. Егер бұл басқа жерге көшірілген аудитория файлының кілті болса, оны сол файлдың жанына, сол файлдың атымен .key қосып қойыңыз."},
		"cli.hall.left_empty": {"%s held no hall — what an interrupted set-up of an earlier examday left — and was removed with its key.",
			"В %s не было аудитории — это осталось от прерванной подготовки в прежней версии examday, — и он удалён вместе с ключом.",
			"%s ішінде аудитория болмады — бұл examday-дің бұрынғы нұсқасындағы үзілген дайындықтан қалған — және ол кілтімен бірге өшірілді."},
		"cli.hall.key_of_other": {"A signing key file %s is already where the new hall's key would go, and it is the key of the hall file %s beside it. Nothing was made: put that key back beside its hall file (named as it, with .key), or choose another file with --db.",
			"На месте ключа новой аудитории уже лежит файл ключа %s, и это ключ файла аудитории %s рядом. Ничего не создано: положите ключ рядом с его файлом аудитории (под его именем с .key) или выберите другой файл (--db).",
			"Жаңа аудитория кілтінің орнында %s кілт файлы бар, және ол жанындағы %s аудитория файлының кілті. Ештеңе жасалмады: кілтті өз аудитория файлының жанына (сол атпен, .key қосып) қойыңыз немесе --db арқылы басқа файлды таңдаңыз."},
	})
}
