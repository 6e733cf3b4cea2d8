package i18n

// The words of what can go wrong on the way to the central record, as
// `examday enroll` and `examday sync` meet it (package central's client:
// its errors' ErrorCode). Each reads as the cause inside a sentence of the
// sync's own words (cli.sync.retry, cli.sync.gave_up …).
func init() {
	register(map[string]Text{
		"central.not_enrolled": {"this hall file is not enrolled with a central record", "этот файл аудитории не зарегистрирован в центральной записи", "бұл аудитория файлы орталық жазбада тіркелмеген"},
		"central.answer_lost":  {"the central record's answer was lost", "ответ центральной записи потерян", "орталық жазбаның жауабы жоғалды"},
		"central.refused":      {"the central record refused it (HTTP %d)", "центральная запись отказала (HTTP %d)", "орталық жазба бас тартты (HTTP %d)"},
		"central.busy":         {"the central record is busy (HTTP %d)", "центральная запись занята (HTTP %d)", "орталық жазба бос емес (HTTP %d)"},
		"central.too_slow":     {"the central record cut the request off as too slow (HTTP %d)", "центральная запись оборвала слишком медленный запрос (HTTP %d)", "орталық жазба тым баяу сұрауды үзді (HTTP %d)"},
		"central.failed":       {"the central record failed (HTTP %d)", "сбой центральной записи (HTTP %d)", "орталық жазбада іркіліс болды (HTTP %d)"},
		"central.bad_answer":   {"the central record's answer is not readable", "ответ центральной записи не читается", "орталық жазбаның жауабы оқылмайды"},
		"central.bad_key": {"the central record answered with a key that is not a verifier key",
			"центральная запись ответила ключом, который не является ключом проверки",
			"орталық жазба тексеру кілті емес кілтпен жауап берді"},
		"central.address": {"the central record's address %q cannot be used", "адрес центральной записи %q использовать нельзя", "орталық жазбаның %q мекенжайын қолдануға болмайды"},
		"central.tls": {"the central record's TLS certificate does not verify (give the commission's certificate with --ca-cert)",
			"TLS-сертификат центральной записи не проходит проверку (укажите сертификат комиссии через --ca-cert)",
			"орталық жазбаның TLS сертификаты тексеруден өтпейді (комиссия сертификатын --ca-cert арқылы беріңіз)"},

		"central.net.unknown_host": {"the name %s is not known on this network", "имя %s в этой сети неизвестно", "%s атауы бұл желіде белгісіз"},
		"central.net.timeout":      {"no answer came in time", "ответ не пришёл вовремя", "жауап уақытында келмеді"},
		"central.net.refused":      {"nothing answers at that address (the connection was refused)", "по этому адресу никто не отвечает (в соединении отказано)", "бұл мекенжайда ешкім жауап бермейді (қосылудан бас тартылды)"},
		"central.net.cut_off":      {"the connection was cut off", "соединение оборвалось", "байланыс үзілді"},
		"central.net.other":        {"the network failed", "сбой сети", "желіде іркіліс болды"},

		"central.receipt.unverified": {"the receipt's signature does not verify with the central record's key, or it is not a receipt",
			"подпись квитанции не проходит проверку ключом центральной записи, или это не квитанция",
			"түбіртектің қолтаңбасы орталық жазбаның кілтімен тексеруден өтпейді немесе бұл түбіртек емес"},
		"central.receipt.none": {"there is no receipt", "квитанции нет", "түбіртек жоқ"},
		"central.receipt.origin": {"the receipt is of the log %q, not of this file's %q",
			"квитанция относится к журналу %q, а не к журналу этого файла %q",
			"түбіртек %q журналына қатысты, осы файлдың %q журналына емес"},
	})

	// Where a number meets the words it counts (plural.go).
	registerPlural(map[string]Plural{
		"central.gave_up": {Text: Text{"no success after %d ${tries} in %s: %s", "не удалось после %d ${tries} за %s: %s", "%d ${tries} кейін (%s ішінде) сәтсіз: %s"},
			Words: map[string]Count{"tries": {Arg: 1,
				EN: Forms{One: "try", Other: "tries"},
				RU: Forms{One: "попытки", Few: "попыток", Many: "попыток", Other: "попытки"},
				KK: Forms{One: "әрекеттен", Other: "әрекеттен"}}}},
		"central.receipt.size_said": {Text: Text{
			"the receipt is for %d ${events}, not the %d the central record says it holds",
			"квитанция выдана на %d ${events}, а центральная запись говорит, что хранит %d",
			"түбіртек %d ${events} берілген, ал орталық жазба %d сақтайтынын айтады"},
			Words: map[string]Count{"events": receiptEventsOf(1)}},
		"central.receipt.size_file": {Text: Text{
			"the receipt is for %d ${events}, and this file holds %d",
			"квитанция выдана на %d ${events}, а в этом файле их %d",
			"түбіртек %d ${events} берілген, ал бұл файлда %d"},
			Words: map[string]Count{"events": receiptEventsOf(1)}},
		"central.receipt.root": {Text: Text{
			"the receipt signs the root %s for %d ${events}, this file's root there is %s",
			"квитанция подписывает корень %s для %d ${events}, а корень этого файла там — %s",
			"түбіртек %s түбіріне %d ${events} үшін қол қояды, ал бұл файлдың ондағы түбірі — %s"},
			Words: map[string]Count{"events": {Arg: 2,
				EN: Forms{One: "event", Other: "events"},
				RU: Forms{One: "события", Few: "событий", Many: "событий", Other: "события"},
				KK: Forms{One: "оқиға", Other: "оқиға"}}}},
		"central.receipt_not_kept": {Text: Text{
			"the central record holds %d ${events} of this log, but its receipt could not be kept in this file: %s",
			"центральная запись хранит %d ${events} этого журнала, но её квитанцию не удалось сохранить в этом файле: %s",
			"орталық жазба бұл журналдың %d ${events} сақтайды, бірақ оның түбіртегін осы файлда сақтау мүмкін болмады: %s"},
			Words: map[string]Count{"events": {Arg: 1,
				EN: Forms{One: "event", Other: "events"},
				RU: Forms{One: "событие", Few: "события", Many: "событий", Other: "события"},
				KK: Forms{One: "оқиғасын", Other: "оқиғасын"}}}},
	})
}

// receiptEventsOf is "a receipt for N events": «на N событий», «N оқиғаға».
func receiptEventsOf(arg int) Count {
	return Count{Arg: arg,
		EN: Forms{One: "event", Other: "events"},
		RU: Forms{One: "событие", Few: "события", Many: "событий", Other: "события"},
		KK: Forms{One: "оқиғаға", Other: "оқиғаға"}}
}
