package i18n

// The words of the day's files made from the screen (tui/files.go): the
// menu, the path typed, the run and its end. What the actions themselves
// print are the command line's words (cli.*).
func init() {
	register(map[string]Text{
		"ui.key.files":         {"files: print, report, sync", "файлы: печать, протокол", "файлдар: басу, хаттама"},
		"ui.files.unavailable": {"Files cannot be made from this screen: use the commands (examday --help).", "С этого экрана файлы не создаются: используйте команды (examday --help).", "Бұл экраннан файлдар жасалмайды: командаларды пайдаланыңыз (examday --help)."},
		"ui.files.title":       {"The day's files", "Файлы дня", "Күннің файлдары"},
		"ui.files.how":         {"Made from the file this screen holds, as the commands make them; the exam goes on meanwhile.", "Создаются из файла, открытого на этом экране, так же, как командами; экзамен тем временем идёт.", "Осы экранда ашық файлдан командалар сияқты жасалады; емтихан осы уақытта жалғасады."},
		"ui.files.sheets":      {"Print the answer sheets (PDF)", "Напечатать листы ответов (PDF)", "Жауап парақтарын басып шығару (PDF)"},
		"ui.files.report":      {"The hall report for the commission (PDF or CSV)", "Протокол аудитории для комиссии (PDF или CSV)", "Комиссияға аудитория хаттамасы (PDF немесе CSV)"},
		"ui.files.graders":     {"The graders' list of codes (CSV or TXT)", "Список кодов для проверяющих (CSV или TXT)", "Тексерушілерге кодтар тізімі (CSV немесе TXT)"},
		"ui.files.export":      {"Export the record for a USB stick (bundle)", "Экспорт записи на USB-накопитель (пакет)", "Жазбаны USB жинақтағышқа экспорттау (пакет)"},
		"ui.files.sync":        {"Hand over to the central record (sync)", "Передать в центральную запись (синхронизация)", "Орталық жазбаға тапсыру (синхрондау)"},

		"ui.files.title_sheets":  {"Print the answer sheets", "Печать листов ответов", "Жауап парақтарын басып шығару"},
		"ui.files.title_report":  {"The hall report", "Протокол аудитории", "Аудитория хаттамасы"},
		"ui.files.title_graders": {"The graders' list", "Список для проверяющих", "Тексерушілер тізімі"},
		"ui.files.title_export":  {"Export for a USB stick", "Экспорт на USB-накопитель", "USB жинақтағышқа экспорт"},
		"ui.files.title_sync":    {"Hand over to the central record", "Передача в центральную запись", "Орталық жазбаға тапсыру"},

		"ui.files.about.sheets":  {"The print is recorded first, then the PDF of every sheet not given out is written (as examday sheets print).", "Сначала записывается печать, затем PDF всех ещё не выданных листов (как examday sheets print).", "Алдымен басып шығару жазылады, содан кейін әлі берілмеген барлық парақтардың PDF-і жазылады (examday sheets print сияқты)."},
		"ui.files.about.report":  {"Read from the log as it is now; .pdf or .csv by the name (as examday report).", "Читается из журнала в его нынешнем виде; .pdf или .csv по имени файла (как examday report).", "Журналдан қазіргі күйінде оқылады; файл атына қарай .pdf немесе .csv (examday report сияқты)."},
		"ui.files.about.graders": {"The codes of the sheets to mark, with no names; .csv or .txt by the name (as examday sheets graders).", "Коды листов для проверки, без фамилий; .csv или .txt по имени файла (как examday sheets graders).", "Тексерілетін парақтардың кодтары, аты-жөнсіз; файл атына қарай .csv немесе .txt (examday sheets graders сияқты)."},
		"ui.files.about.export":  {"A folder (the bundle is named there) or a file; written, then read back and verified (as examday export).", "Папка (пакет получит в ней имя) или файл; записывается, затем читается обратно и проверяется (как examday export).", "Бума (пакетке онда ат беріледі) немесе файл; жазылады, содан кейін қайта оқылып тексеріледі (examday export сияқты)."},
		"ui.files.about.sync":    {"The events the central record does not hold yet are sent, and its receipt is checked and kept (as examday sync). Enter starts; Esc stops a sync that waits.", "Отправляются события, которых ещё нет в центральной записи; её квитанция проверяется и сохраняется (как examday sync). Enter — начать; Esc — остановить ожидающую синхронизацию.", "Орталық жазбада әлі жоқ оқиғалар жіберіледі; оның түбіртегі тексеріліп сақталады (examday sync сияқты). Enter — бастау; Esc — күтіп тұрған синхрондауды тоқтату."},

		"ui.files.out_advice": {"Type another name.", "Введите другое имя.", "Басқа атау енгізіңіз."},
		"ui.files.path":       {"File:", "Файл:", "Файл:"},
		"ui.files.protocol":   {"Protocol No.:", "Протокол №:", "Хаттама №:"},
		"ui.files.place":      {"Place:", "Место:", "Орны:"},
		"ui.files.running":    {"Working… %s", "Выполняется… %s", "Орындалуда… %s"},
		"ui.files.done":       {"Done.", "Готово.", "Дайын."},
		"ui.files.failed":     {"Not done: why is below.", "Не выполнено: причина ниже.", "Орындалмады: себебі төменде."},
	})
}
