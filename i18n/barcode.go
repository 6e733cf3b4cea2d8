package i18n

// The words of a scan or a typed code that is not a code of this hall
// (package barcode's Error codes), in the order Parse checks them.
func init() {
	register(map[string]Text{
		"barcode.not_digits": {
			"%q is not a digit: a code has digits only. Scan again, or type the digits.",
			"%q — не цифра: код состоит только из цифр. Отсканируйте ещё раз или наберите цифры.",
			"%q — цифр емес: код тек цифрлардан тұрады. Қайта сканерлеңіз немесе цифрларды теріңіз."},
		"barcode.check_digit": {
			"%s: the check digit does not match — a digit was misread or mistyped. Scan again, or retype the code.",
			"%s: контрольная цифра не сходится — цифра прочитана или набрана с ошибкой. Отсканируйте ещё раз или наберите код заново.",
			"%s: бақылау цифры сәйкес келмейді — бір цифр қате оқылған немесе терілген. Қайта сканерлеңіз немесе кодты қайта теріңіз."},
		"barcode.session": {
			"This sheet belongs to session %s, not to this hall's session %s: it comes from another hall or another day.",
			"Этот лист относится к сессии %s, а не к сессии этой аудитории %s: он из другой аудитории или другого дня.",
			"Бұл парақ %s сессиясына жатады, осы аудиторияның %s сессиясына емес: ол басқа аудиториядан немесе басқа күннен."},
	})

	// Where a number meets the words it counts (plural.go).
	registerPlural(map[string]Plural{
		"barcode.length": {Text: Text{
			"%d ${digits} read, but a code has %d. Scan again, or type all the digits.",
			"Прочитано цифр: %d, а в коде их %d. Отсканируйте ещё раз или наберите все цифры.",
			"Оқылған цифрлар: %d, ал кодта %d ${code_digits} болады. Қайта сканерлеңіз немесе барлық цифрды теріңіз."},
			Words: map[string]Count{
				"digits":      {Arg: 1, EN: Forms{One: "digit", Other: "digits"}},
				"code_digits": {Arg: 2, KK: Forms{One: "цифр", Other: "цифр"}}}},
	})
}
