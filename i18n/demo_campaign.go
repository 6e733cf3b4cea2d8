package i18n

// The words of the demo of a whole campaign (`examday demo --campaign`).
func init() {
	register(map[string]Text{
		"cli.demo.flag.campaign": {"make, in this directory, a finished demo campaign: the central record, two halls delivered, two marking stations",
			"создать в этом каталоге демо-кампанию после экзамена: центральная запись, две сданные аудитории, две станции проверки",
			"осы каталогта емтиханнан кейінгі демо-науқанды құру: орталық жазба, тапсырылған екі аудитория, екі тексеру станциясы"},
		"cli.demo_campaign.exists": {"%s exists already: the demo campaign is made only where none of its files is, and writes over nothing. Nothing was made.",
			"%s уже существует: демо-кампания создаётся только там, где нет ни одного её файла, и ничего не перезаписывает. Ничего не создано.",
			"%s бар: демо-науқан оның бірде-бір файлы жоқ жерде ғана құрылады және ештеңені қайта жазбайды. Ештеңе құрылмады."},
		"cli.demo_campaign.made": {"The demo campaign is made in %s. Every chair's PIN is %s.",
			"Демо-кампания создана в %s. PIN каждого председателя: %s.",
			"Демо-науқан %s ішінде құрылды. Әр төрағаның PIN-коды: %s."},
		"cli.demo_campaign.central": {"  the central record: %s (the campaign, the applicants, both halls' logs)",
			"  центральная запись: %s (кампания, поступающие, журналы обеих аудиторий)",
			"  орталық жазба: %s (науқан, талапкерлер, екі аудиторияның журналдары)"},
		"cli.demo_campaign.hall": {"  %s: %s, programme %s, %d examinees, closed and delivered",
			"  %s: %s, программа %s, экзаменуемых: %d, закрыта и сдана",
			"  %s: %s, %s бағдарламасы, емтихан тапсырушылар: %d, жабылған және тапсырылған"},
		"cli.demo_campaign.next": {"Next: examday central status --db %s/central.db (the README walks on from there).",
			"Дальше: examday central status --db %s/central.db (README ведёт дальше).",
			"Әрі қарай: examday central status --db %s/central.db (README әрі қарай көрсетеді)."},
	})
}
