package i18n

// The words of what examday refuses so that nothing a user types destroys
// a record: an output over a file examday keeps, the demo over a real
// hall.
func init() {
	register(map[string]Text{
		"cli.out.hall_file": {"%s is the hall file %s: examday keeps the hall's record in it. Nothing was written; give --out another name.",
			"%s — это файл аудитории %s: в нём examday хранит запись аудитории. Ничего не записано; укажите в --out другое имя.",
			"%s — %s аудитория файлы: examday аудитория жазбасын осында сақтайды. Ештеңе жазылмады; --out үшін басқа атау беріңіз."},
		"cli.out.hall_key": {"%s is the signing key of hall file %s: without it nothing more can be recorded in that hall. Nothing was written; give --out another name.",
			"%s — это ключ подписи файла аудитории %s: без него в эту аудиторию больше ничего нельзя записать. Ничего не записано; укажите в --out другое имя.",
			"%s — %s аудитория файлының қолтаңба кілті: онсыз ол аудиторияға енді ештеңе жазу мүмкін емес. Ештеңе жазылмады; --out үшін басқа атау беріңіз."},
		"cli.out.hall_owner": {"%s is the owner note of hall file %s, which says which program has it open. Nothing was written; give --out another name.",
			"%s — это заметка о владельце файла аудитории %s: она говорит, какая программа его открыла. Ничего не записано; укажите в --out другое имя.",
			"%s — %s аудитория файлының иесі туралы жазба: ол файлды қай бағдарлама ашқанын айтады. Ештеңе жазылмады; --out үшін басқа атау беріңіз."},
		"cli.out.central_file": {"%s is the central record's file %s. Nothing was written; give --out another name.",
			"%s — это файл центральной записи %s. Ничего не записано; укажите в --out другое имя.",
			"%s — %s орталық жазба файлы. Ештеңе жазылмады; --out үшін басқа атау беріңіз."},
		"cli.out.central_key": {"%s is the signing key of the central record %s: without it no receipt can be signed. Nothing was written; give --out another name.",
			"%s — это ключ подписи центральной записи %s: без него нельзя подписать ни одной квитанции. Ничего не записано; укажите в --out другое имя.",
			"%s — %s орталық жазбасының қолтаңба кілті: онсыз бірде-бір түбіртекке қол қою мүмкін емес. Ештеңе жазылмады; --out үшін басқа атау беріңіз."},
		"cli.out.central_owner": {"%s is the owner note of the central record %s, which says which program has it open. Nothing was written; give --out another name.",
			"%s — это заметка о владельце центральной записи %s: она говорит, какая программа её открыла. Ничего не записано; укажите в --out другое имя.",
			"%s — %s орталық жазбасының иесі туралы жазба: ол файлды қай бағдарлама ашқанын айтады. Ештеңе жазылмады; --out үшін басқа атау беріңіз."},
		"cli.out.unreadable": {"%s is a database file examday cannot look into (%v): it may be a hall file or the central record. Nothing was written; give --out another name.",
			"%s — файл базы данных, в который examday не может заглянуть (%v): возможно, это файл аудитории или центральной записи. Ничего не записано; укажите в --out другое имя.",
			"%s — examday ішіне қарай алмайтын дерекқор файлы (%v): бұл аудитория файлы немесе орталық жазба болуы мүмкін. Ештеңе жазылмады; --out үшін басқа атау беріңіз."},
		"cli.out.beside_unreadable": {"%s would be the key or the owner note of %s, a database file examday cannot look into (%v): it may be a hall file or the central record. Nothing was written; give --out another name.",
			"%s стал бы ключом или заметкой о владельце для %s — файла базы данных, в который examday не может заглянуть (%v): возможно, это файл аудитории или центральной записи. Ничего не записано; укажите в --out другое имя.",
			"%s — %s дерекқор файлының кілті немесе иесі туралы жазбасы болар еді, ал examday ол файлдың ішіне қарай алмайды (%v): бұл аудитория файлы немесе орталық жазба болуы мүмкін. Ештеңе жазылмады; --out үшін басқа атау беріңіз."},

		"cli.demo.not_demo": {"%s holds the hall “%s”, not a demo hall: the demo never opens, replaces or deletes a real hall's file. Nothing was changed; run the demo without --db, or with --db naming a file of its own.",
			"В %s — аудитория «%s», а не демо-аудитория: демо никогда не открывает, не заменяет и не удаляет файл настоящей аудитории. Ничего не изменено; запустите демо без --db или с --db, указывающим на отдельный файл.",
			"%s ішінде демо аудитория емес, «%s» аудиториясы бар: демо нақты аудитория файлын ешқашан ашпайды, алмастырмайды және өшірмейді. Ештеңе өзгертілмеді; демоны --db-сыз немесе бөлек файлды көрсететін --db-мен іске қосыңыз."},
		"cli.demo.unreadable": {"%s cannot be read as a hall file, so it is not known to be a demo hall: it was not deleted. If it is only the demo's, delete it yourself.\n  (%v)",
			"%s не читается как файл аудитории, поэтому неизвестно, демо ли это: он не удалён. Если это только файл демо, удалите его сами.\n  (%v)",
			"%s аудитория файлы ретінде оқылмайды, сондықтан оның демо екені белгісіз: ол өшірілмеді. Егер бұл тек демо файлы болса, оны өзіңіз өшіріңіз.\n  (%v)"},
	})
}
