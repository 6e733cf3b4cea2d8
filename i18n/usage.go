package i18n

// The frame of every help page and the commands cobra adds itself (help,
// completion): in the officer's language like every other word.
func init() {
	register(map[string]Text{
		"cli.usage.usage":        {"Usage", "Использование", "Қолданылуы"},
		"cli.usage.aliases":      {"Aliases", "Другие имена", "Басқа атаулары"},
		"cli.usage.examples":     {"Examples", "Примеры", "Мысалдар"},
		"cli.usage.commands":     {"Commands", "Команды", "Командалар"},
		"cli.usage.flags":        {"Flags", "Флаги", "Жалаушалар"},
		"cli.usage.global_flags": {"Flags of every command", "Флаги всех команд", "Барлық команданың жалаушалары"},
		"cli.usage.more":         {"Run \"%s\" for more about a command.", "Подробнее о команде: \"%s\".", "Команда туралы толығырақ: \"%s\"."},
		"cli.usage.help_flag":    {"this help", "эта справка", "осы анықтама"},
		"cli.usage.help_short":   {"Help on any command", "Справка о любой команде", "Кез келген команда туралы анықтама"},
		"cli.usage.help_long": {"Prints the help of the command named after it: examday help sheets print.",
			"Выводит справку о названной после неё команде: examday help sheets print.",
			"Одан кейін аталған команданың анықтамасын шығарады: examday help sheets print."},
		"cli.usage.completion_short": {"Print the shell completion script", "Вывести скрипт автодополнения для оболочки", "Қабықша үшін автотолықтыру скриптін шығару"},
		"cli.usage.completion_long": {"Prints a script that lets the shell complete examday's commands and flags with the Tab key. Choose the shell: bash, zsh, fish or powershell.",
			"Выводит скрипт, с которым оболочка дополняет команды и флаги examday по клавише Tab. Выберите оболочку: bash, zsh, fish или powershell.",
			"Қабықша examday командалары мен жалаушаларын Tab пернесімен толықтыратын скриптті шығарады. Қабықшаны таңдаңыз: bash, zsh, fish немесе powershell."},
		"cli.usage.completion_shell": {"The completion script for %s", "Скрипт автодополнения для %s", "%s үшін автотолықтыру скрипті"},
		"cli.usage.completion_shell_long": {"Prints the completion script for %s on standard output. Load it in the shell's start-up file, as the shell's own documentation says for completion scripts.",
			"Выводит скрипт автодополнения для %s в стандартный вывод. Подключите его в файле запуска оболочки, как описано в документации оболочки для скриптов автодополнения.",
			"%s үшін автотолықтыру скриптін стандартты шығысқа шығарады. Оны қабықшаның іске қосу файлында қабықша құжаттамасында автотолықтыру скриптері үшін жазылғандай қосыңыз."},
		"cli.usage.no_descriptions": {"leave out the descriptions of the completions", "без описаний вариантов дополнения", "толықтыру нұсқаларының сипаттамасынсыз"},
	})
}
