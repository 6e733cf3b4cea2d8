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

		"cli.migrate.short": {"Write a hall file of an older examday again, as a new file in this version's layout",
			"Переписать файл аудитории старой версии examday в новый файл в формате этой версии",
			"examday-дің ескі нұсқасының аудитория файлын осы нұсқаның пішімінде жаңа файл етіп қайта жазу"},
		"cli.migrate.long": {"Reads the hall file --db names, written by the examday of schema 4 (which opens read-only here), checks its whole record, and writes the same record — every event's bytes, signature and place in the Merkle tree moved, nothing signed again — as a new file at --out, in this version's layout, with a copy of its signing key beside it. The new file is checked whole before it is given its name. The old file is left exactly as it was; keep it. Refused if --out or its key file is there already.",
			"Читает файл аудитории, указанный в --db и записанный examday схемы 4 (здесь он открывается только для чтения), проверяет всю его запись и записывает ту же запись — байты, подпись и место в дереве Меркла каждого события перенесены, ничего не подписано заново — в новый файл --out в формате этой версии, с копией ключа подписи рядом. Новый файл целиком проверяется, прежде чем получить своё имя. Старый файл остаётся в точности каким был; сохраните его. Отказ, если --out или его файл ключа уже существует.",
			"--db көрсеткен, 4-схемалы examday жазған аудитория файлын (мұнда ол тек оқу үшін ашылады) оқиды, оның бүкіл жазбасын тексереді және сол жазбаны — әр оқиғаның байттары, қолтаңбасы және Меркл ағашындағы орны көшіріледі, ештеңеге қайта қол қойылмайды — осы нұсқаның пішімінде --out жаңа файлына, қасына қолтаңба кілтінің көшірмесімен жазады. Жаңа файл өз атын алмас бұрын толық тексеріледі. Ескі файл дәл бұрынғыдай қалады; оны сақтаңыз. --out немесе оның кілт файлы бар болса, бас тартылады."},
		"cli.migrate.flag.out": {"the new hall file to write (must not exist)", "новый файл аудитории (не должен существовать)", "жазылатын жаңа аудитория файлы (болмауы керек)"},
		"cli.migrate.no_out":   {"Say where the new file goes: --out NEW", "Укажите, куда записать новый файл: --out НОВЫЙ", "Жаңа файлдың орнын көрсетіңіз: --out ЖАҢА"},
		"cli.migrate.refused":  {"%s was not migrated: %s", "%s не перенесён: %s", "%s көшірілмеді: %s"},
		"cli.migrate.done": {"%s migrated to %s (its key: %s); the record verifies and is the same log. The old file is as it was: keep it.",
			"%s перенесён в %s (его ключ: %s); запись проверена и это тот же журнал. Старый файл остался как был: сохраните его.",
			"%s файлы %s файлына көшірілді (оның кілті: %s); жазба тексерілді және бұл сол журнал. Ескі файл бұрынғыдай қалды: оны сақтаңыз."},
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
