package i18n

// The words of the laptop's signed record: its signing key and the check
// of the whole record (`examday verify-log`).
func init() {
	register(map[string]Text{
		"cli.open.key_exists": {"A signing key file is already where the key of %s would go, but there is no hall file: it may be the key of a hall file that was moved. Nothing was made; put that hall file back, or move the key file away.",
			"На месте ключа подписи для %s уже лежит файл ключа, а файла аудитории нет: возможно, это ключ перенесённого файла аудитории. Ничего не создано; верните тот файл аудитории или уберите файл ключа.",
			"%s үшін қолтаңба кілтінің орнында кілт файлы бар, бірақ аудитория файлы жоқ: бұл басқа жерге көшірілген аудитория файлының кілті болуы мүмкін. Ештеңе жасалмады; сол аудитория файлын қайтарыңыз немесе кілт файлын алып тастаңыз."},

		"cli.open.key_exposed": {"WARNING: the signing key %s can be read or changed by other users of this computer (mode %04o). Whoever can read it can sign events as this hall. Make it yours alone: chmod 600 %s",
			"ВНИМАНИЕ: ключ подписи %s могут читать или изменять другие пользователи этого компьютера (права %04o). Кто может его прочитать, может подписывать события от имени этой аудитории. Оставьте доступ только себе: chmod 600 %s",
			"НАЗАР АУДАРЫҢЫЗ: %s қолтаңба кілтін осы компьютердің басқа пайдаланушылары оқи немесе өзгерте алады (рұқсаттар %04o). Оны оқи алған адам осы аудитория атынан оқиғаларға қол қоя алады. Рұқсатты тек өзіңізге қалдырыңыз: chmod 600 %s"},
		"cli.verifylog.pin_unbound": {"Note: this hall was created before the log committed to the chairman's PIN record, so a PIN record swapped in this file cannot be told from its own.",
			"Примечание: аудитория создана до того, как журнал стал фиксировать запись PIN председателя, поэтому подмену записи PIN в этом файле отличить нельзя.",
			"Ескерту: бұл аудитория журнал төрағаның PIN жазбасын бекітпей тұрғанда жасалған, сондықтан осы файлдағы PIN жазбасының ауыстырылғанын ажырату мүмкін емес."},
		"cli.verifylog.old_schema": {"Note: %s", "Примечание: %s", "Ескерту: %s"},
		"cli.verifylog.short": {"Check the hall's whole record: chain, tree, every signature",
			"Проверить всю запись аудитории: цепочку, дерево, все подписи",
			"Аудиторияның бүкіл жазбасын тексеру: тізбек, ағаш, барлық қолтаңба"},
		"cli.verifylog.long": {"Checks everything the hall file holds, as the central record will: every event's hash and its link to the one before, its place in the Merkle tree, the signed checkpoint, every event's signature with this laptop's key (opening the file checks only the latest: all of them take a second or two on a big hall), and that the hall's state is the projection of its log. Prints the log's size and root, the device and the signed checkpoint. The exit status is 0 only if everything verifies.",
			"Проверяет всё, что хранит файл аудитории, так же, как это сделает центральная запись: хеш каждого события и его связь с предыдущим, его место в дереве Меркла, подписанную контрольную точку, подпись каждого события ключом этого ноутбука (при открытии файла проверяются только последние: все вместе занимают секунду-две на большой аудитории) и то, что состояние аудитории есть проекция её журнала. Выводит размер и корень журнала, устройство и подписанную контрольную точку. Код выхода 0, только если всё проверено.",
			"Аудитория файлындағының бәрін орталық жазба тексеретіндей тексереді: әр оқиғаның хешін және оның алдыңғымен байланысын, Меркл ағашындағы орнын, қол қойылған бақылау нүктесін, әр оқиғаның осы ноутбук кілтімен қойылған қолтаңбасын (файлды ашқанда тек соңғылары тексеріледі: үлкен аудиторияда барлығына бір-екі секунд кетеді) және аудитория күйі оның журналының проекциясы екенін. Журналдың өлшемі мен түбірін, құрылғыны және қол қойылған бақылау нүктесін шығарады. Барлығы тексерілгенде ғана шығу коды 0."},
		"cli.verifylog.flag.demo": {"the demo hall's record", "запись демо-аудитории", "демо аудитория жазбасы"},
		"cli.verifylog.failed":    {"The record of %s does NOT verify:", "Запись %s НЕ проходит проверку:", "%s жазбасы тексеруден ӨТПЕЙДІ:"},
		"cli.verifylog.problem":   {"  – %s", "  – %s", "  – %s"},
		"cli.verifylog.unsigned": {"the file was written before events were signed: its events carry no signatures, and no examday signs them now (a signature made long after an event proves nothing of it)",
			"файл записан до того, как события стали подписываться: у его событий нет подписей, и examday их теперь не подписывает (подпись, сделанная много позже события, ничего о нём не доказывает)",
			"файл оқиғаларға қол қойыла бастағанға дейін жазылған: оның оқиғаларында қолтаңба жоқ, және examday оларға енді қол қоймайды (оқиғадан көп кейін қойылған қолтаңба ол туралы ештеңе дәлелдемейді)"},
		"cli.verifylog.projection": {"the hall's state is not the projection of its log: %s", "состояние аудитории не есть проекция её журнала: %s", "аудитория күйі оның журналының проекциясы емес: %s"},
		"cli.verifylog.size":       {"Events in the log: %d", "Событий в журнале: %d", "Журналдағы оқиғалар саны: %d"},
		"cli.verifylog.root":       {"Root of the log's Merkle tree: %s (for the paper protocol: %s)", "Корень дерева Меркла журнала: %s (для бумажного протокола: %s)", "Журналдың Меркл ағашының түбірі: %s (қағаз хаттама үшін: %s)"},
		"cli.verifylog.device":     {"Device: %s, epoch of this file: %s", "Устройство: %s, эпоха этого файла: %s", "Құрылғы: %s, осы файлдың дәуірі: %s"},
		"cli.verifylog.verifier":   {"Verifier key: %s", "Ключ проверки: %s", "Тексеру кілті: %s"},
		"cli.verifylog.upgraded": {"Events 1–%d were signed when the file was upgraded to signed events, not when they were recorded; the hash chain vouches that they were not changed since.",
			"События 1–%d подписаны при обновлении файла до подписанных событий, а не в момент записи; что они с тех пор не изменены, удостоверяет хеш-цепочка.",
			"1–%d оқиғаларға жазылған кезде емес, файл қол қойылған оқиғаларға жаңартылғанда қол қойылды; содан бері өзгермегенін хеш тізбегі куәландырады."},
		"cli.verifylog.checkpoint": {"Signed checkpoint:", "Подписанная контрольная точка:", "Қол қойылған бақылау нүктесі:"},
	})

	// Where a number meets the words it counts (plural.go).
	registerPlural(map[string]Plural{
		"cli.verifylog.ok": {Text: Text{
			"The record of %s verifies: %d ${events}; the hash chain, the Merkle tree, the signed checkpoint and every event's signature hold, and the hall's state is the projection of its log.",
			"Запись %s проверена: %d ${events}; хеш-цепочка, дерево Меркла, подписанная контрольная точка и подпись каждого события верны, состояние аудитории есть проекция её журнала.",
			"%s жазбасы тексерілді: %d ${events}; хеш тізбегі, Меркл ағашы, қол қойылған бақылау нүктесі және әр оқиғаның қолтаңбасы дұрыс, аудитория күйі оның журналының проекциясы."},
			Words: map[string]Count{"events": eventsOf(2)}},
	})
}
