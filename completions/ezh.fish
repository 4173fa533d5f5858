# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_ezh_global_optspecs
    string join \n db= config= h/help V/version
end

function __fish_ezh_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_ezh_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_ezh_using_subcommand
    set -l cmd (__fish_ezh_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c ezh -n "__fish_ezh_needs_command" -l db -d 'Адрес базы данных: путь к файлу SQLite, sqlite://ПУТЬ или postgres://…' -r
complete -c ezh -n "__fish_ezh_needs_command" -l config -d 'Файл настроек (TOML) вместо ~/.config/ezh/config.toml [переменная окружения: EZH_CONFIG]' -r -F
complete -c ezh -n "__fish_ezh_needs_command" -s h -l help -d 'Показать эту справку'
complete -c ezh -n "__fish_ezh_needs_command" -s V -l version -d 'Показать версию'
complete -c ezh -n "__fish_ezh_needs_command" -f -a "init" -d 'Создать базу данных журнала и первого администратора'
complete -c ezh -n "__fish_ezh_needs_command" -f -a "demo" -d 'Создать демонстрационный техникум (группы, студенты, расписание, оценки)'
complete -c ezh -n "__fish_ezh_needs_command" -f -a "db" -d 'Обслуживание базы данных: миграции, резервные копии'
complete -c ezh -n "__fish_ezh_needs_command" -f -a "login" -d 'Войти в журнал (сеанс для следующих команд)'
complete -c ezh -n "__fish_ezh_needs_command" -f -a "logout" -d 'Завершить сеанс'
complete -c ezh -n "__fish_ezh_needs_command" -f -a "whoami" -d 'Кто вошёл'
complete -c ezh -n "__fish_ezh_needs_command" -f -a "activate" -d 'Установить пароль по одноразовому коду доступа'
complete -c ezh -n "__fish_ezh_needs_command" -f -a "college" -d 'Настройки техникума: названия в ведомостях, сроки, варианты формул, блокировки'
complete -c ezh -n "__fish_ezh_needs_command" -f -a "year" -d 'Учебный год: семестры, праздники и каникулы'
complete -c ezh -n "__fish_ezh_needs_command" -f -a "term" -d 'Закрыть или вновь открыть семестр'
complete -c ezh -n "__fish_ezh_needs_command" -f -a "group" -d 'Группы и кураторы'
complete -c ezh -n "__fish_ezh_needs_command" -f -a "student" -d 'Обучающиеся: движение по приказам, карточка, персональные данные, родители, достижения'
complete -c ezh -n "__fish_ezh_needs_command" -f -a "timetable" -d 'Расписание на неделю и замены'
complete -c ezh -n "__fish_ezh_needs_command" -f -a "import" -d 'Импорт списков из CSV: обучающиеся, преподаватели, отметки…'
complete -c ezh -n "__fish_ezh_needs_command" -f -a "export" -d 'Выгрузка списка обучающихся: csv, xlsx, json'
complete -c ezh -n "__fish_ezh_needs_command" -f -a "user" -d 'Пользователи и коды доступа'
complete -c ezh -n "__fish_ezh_needs_command" -f -a "passwd" -d 'Сменить свой пароль'
complete -c ezh -n "__fish_ezh_needs_command" -f -a "mark" -d 'Отметка без экрана журнала: поставить, изменить (с причиной после срока), удалить'
complete -c ezh -n "__fish_ezh_needs_command" -f -a "diary" -d 'Дневник обучающегося: отметки, средние баллы, пропуски'
complete -c ezh -n "__fish_ezh_needs_command" -f -a "mail" -d 'Внутренняя почта: написать, входящие, прочитать'
complete -c ezh -n "__fish_ezh_needs_command" -f -a "notify" -d 'Уведомления семьям и сотрудникам по почте: рассылка (cron), очередь, свои настройки'
complete -c ezh -n "__fish_ezh_needs_command" -f -a "announce" -d 'Опубликовать объявление для группы или всего техникума'
complete -c ezh -n "__fish_ezh_needs_command" -f -a "report" -d 'Отчёты и ведомости: таблица, CSV, XLSX, PDF, JSON; batch — все за месяц'
complete -c ezh -n "__fish_ezh_needs_command" -f -a "audit" -d 'Журнал изменений: просмотр и проверка целостности'
complete -c ezh -n "__fish_ezh_needs_command" -f -a "tui" -d 'Открыть журнал (экранный режим)'
complete -c ezh -n "__fish_ezh_needs_command" -f -a "help" -d 'Справка по команде: ezh help, ezh help report, ezh help user issue-codes'
complete -c ezh -n "__fish_ezh_needs_command" -f -a "completions" -d 'Вывести сценарий автодополнения для оболочки'
complete -c ezh -n "__fish_ezh_needs_command" -f -a "man" -d 'Вывести страницу руководства man (её копия — docs/man/ezh.1)'
complete -c ezh -n "__fish_ezh_using_subcommand init" -l college -d 'Полное название техникума (для шапок ведомостей) [по умолчанию: Техникум]' -r
complete -c ezh -n "__fish_ezh_using_subcommand init" -l short-name -d 'Краткое название [по умолчанию: ""]' -r
complete -c ezh -n "__fish_ezh_using_subcommand init" -l city -d 'Город [по умолчанию: ""]' -r
complete -c ezh -n "__fish_ezh_using_subcommand init" -l login -d 'Логин администратора [по умолчанию: admin]' -r
complete -c ezh -n "__fish_ezh_using_subcommand init" -l last-name -d 'Фамилия администратора [по умолчанию: Администратор]' -r
complete -c ezh -n "__fish_ezh_using_subcommand init" -l first-name -d 'Имя администратора [по умолчанию: ЭЖ]' -r
complete -c ezh -n "__fish_ezh_using_subcommand init" -l db -d 'Адрес базы данных: путь к файлу SQLite, sqlite://ПУТЬ или postgres://…' -r
complete -c ezh -n "__fish_ezh_using_subcommand init" -l config -d 'Файл настроек (TOML) вместо ~/.config/ezh/config.toml [переменная окружения: EZH_CONFIG]' -r -F
complete -c ezh -n "__fish_ezh_using_subcommand init" -l password-stdin -d 'Прочитать пароль администратора со стандартного ввода (одна строка)'
complete -c ezh -n "__fish_ezh_using_subcommand init" -s h -l help -d 'Показать эту справку'
complete -c ezh -n "__fish_ezh_using_subcommand demo" -l size -d 'Размер: small (4 группы, секунды) или large (120 групп, 3000 обучающихся — для замеров) [варианты: small, large] [по умолчанию: small]' -r -f -a "small\t'4 группы и около 100 обучающихся, занятия с сентября по сегодня: секунды'
large\t'120 групп, 3000 обучающихся и 300 преподавателей: для замеров (весь учебный год — с --full-year)'"
complete -c ezh -n "__fish_ezh_using_subcommand demo" -l today -d '«Сегодняшняя» дата демо (ДД.ММ.ГГГГ или ГГГГ-ММ-ДД); по умолчанию — сегодня' -r
complete -c ezh -n "__fish_ezh_using_subcommand demo" -l seed -d 'Зерно генератора случайных чисел [по умолчанию: 2026]' -r
complete -c ezh -n "__fish_ezh_using_subcommand demo" -l db -d 'Адрес базы данных: путь к файлу SQLite, sqlite://ПУТЬ или postgres://…' -r
complete -c ezh -n "__fish_ezh_using_subcommand demo" -l config -d 'Файл настроек (TOML) вместо ~/.config/ezh/config.toml [переменная окружения: EZH_CONFIG]' -r -F
complete -c ezh -n "__fish_ezh_using_subcommand demo" -l force -d 'Заменить уже существующий журнал в этой базе данных'
complete -c ezh -n "__fish_ezh_using_subcommand demo" -l full-year -d 'Весь учебный год: занятия, отметки, пропуски и итоговые оценки и после «сегодня» (для замеров); без него после «сегодня» ничего нет'
complete -c ezh -n "__fish_ezh_using_subcommand demo" -l open -d 'После создания открыть журнал'
complete -c ezh -n "__fish_ezh_using_subcommand demo" -s h -l help -d 'Показать эту справку'
complete -c ezh -n "__fish_ezh_using_subcommand db; and not __fish_seen_subcommand_from migrate status backup restore" -l db -d 'Адрес базы данных: путь к файлу SQLite, sqlite://ПУТЬ или postgres://…' -r
complete -c ezh -n "__fish_ezh_using_subcommand db; and not __fish_seen_subcommand_from migrate status backup restore" -l config -d 'Файл настроек (TOML) вместо ~/.config/ezh/config.toml [переменная окружения: EZH_CONFIG]' -r -F
complete -c ezh -n "__fish_ezh_using_subcommand db; and not __fish_seen_subcommand_from migrate status backup restore" -s h -l help -d 'Показать эту справку'
complete -c ezh -n "__fish_ezh_using_subcommand db; and not __fish_seen_subcommand_from migrate status backup restore" -f -a "migrate" -d 'Применить новые миграции схемы (и запечатать журнал изменений ключом техникума)'
complete -c ezh -n "__fish_ezh_using_subcommand db; and not __fish_seen_subcommand_from migrate status backup restore" -f -a "status" -d 'Показать миграции и применены ли они'
complete -c ezh -n "__fish_ezh_using_subcommand db; and not __fish_seen_subcommand_from migrate status backup restore" -f -a "backup" -d 'Сделать согласованную резервную копию (можно во время работы других)'
complete -c ezh -n "__fish_ezh_using_subcommand db; and not __fish_seen_subcommand_from migrate status backup restore" -f -a "restore" -d 'Восстановить базу из резервной копии (все пользователи должны выйти из журнала)'
complete -c ezh -n "__fish_ezh_using_subcommand db; and __fish_seen_subcommand_from migrate" -l app-role -d 'PostgreSQL: выдать роли приложения права на таблицы журнала — журнал изменений только для чтения и добавления (запускает владелец базы)' -r
complete -c ezh -n "__fish_ezh_using_subcommand db; and __fish_seen_subcommand_from migrate" -l backup -d 'Сначала записать резервную копию базы в этот файл (0600), как «ezh db backup»' -r -F
complete -c ezh -n "__fish_ezh_using_subcommand db; and __fish_seen_subcommand_from migrate" -l db -d 'Адрес базы данных: путь к файлу SQLite, sqlite://ПУТЬ или postgres://…' -r
complete -c ezh -n "__fish_ezh_using_subcommand db; and __fish_seen_subcommand_from migrate" -l config -d 'Файл настроек (TOML) вместо ~/.config/ezh/config.toml [переменная окружения: EZH_CONFIG]' -r -F
complete -c ezh -n "__fish_ezh_using_subcommand db; and __fish_seen_subcommand_from migrate" -s h -l help -d 'Показать эту справку'
complete -c ezh -n "__fish_ezh_using_subcommand db; and __fish_seen_subcommand_from status" -l db -d 'Адрес базы данных: путь к файлу SQLite, sqlite://ПУТЬ или postgres://…' -r
complete -c ezh -n "__fish_ezh_using_subcommand db; and __fish_seen_subcommand_from status" -l config -d 'Файл настроек (TOML) вместо ~/.config/ezh/config.toml [переменная окружения: EZH_CONFIG]' -r -F
complete -c ezh -n "__fish_ezh_using_subcommand db; and __fish_seen_subcommand_from status" -s h -l help -d 'Показать эту справку'
complete -c ezh -n "__fish_ezh_using_subcommand db; and __fish_seen_subcommand_from backup" -l db -d 'Адрес базы данных: путь к файлу SQLite, sqlite://ПУТЬ или postgres://…' -r
complete -c ezh -n "__fish_ezh_using_subcommand db; and __fish_seen_subcommand_from backup" -l config -d 'Файл настроек (TOML) вместо ~/.config/ezh/config.toml [переменная окружения: EZH_CONFIG]' -r -F
complete -c ezh -n "__fish_ezh_using_subcommand db; and __fish_seen_subcommand_from backup" -s h -l help -d 'Показать эту справку'
complete -c ezh -n "__fish_ezh_using_subcommand db; and __fish_seen_subcommand_from restore" -l db -d 'Адрес базы данных: путь к файлу SQLite, sqlite://ПУТЬ или postgres://…' -r
complete -c ezh -n "__fish_ezh_using_subcommand db; and __fish_seen_subcommand_from restore" -l config -d 'Файл настроек (TOML) вместо ~/.config/ezh/config.toml [переменная окружения: EZH_CONFIG]' -r -F
complete -c ezh -n "__fish_ezh_using_subcommand db; and __fish_seen_subcommand_from restore" -l yes -d 'Не спрашивать подтверждения'
complete -c ezh -n "__fish_ezh_using_subcommand db; and __fish_seen_subcommand_from restore" -l force -d 'Восстановить, даже если другие работали в журнале в последние минуты'
complete -c ezh -n "__fish_ezh_using_subcommand db; and __fish_seen_subcommand_from restore" -s h -l help -d 'Показать эту справку'
complete -c ezh -n "__fish_ezh_using_subcommand login" -l login -d 'Логин (если не указан, будет спрошен)' -r
complete -c ezh -n "__fish_ezh_using_subcommand login" -l db -d 'Адрес базы данных: путь к файлу SQLite, sqlite://ПУТЬ или postgres://…' -r
complete -c ezh -n "__fish_ezh_using_subcommand login" -l config -d 'Файл настроек (TOML) вместо ~/.config/ezh/config.toml [переменная окружения: EZH_CONFIG]' -r -F
complete -c ezh -n "__fish_ezh_using_subcommand login" -l password-stdin -d 'Прочитать пароль со стандартного ввода (одна строка)'
complete -c ezh -n "__fish_ezh_using_subcommand login" -s h -l help -d 'Показать эту справку'
complete -c ezh -n "__fish_ezh_using_subcommand logout" -l db -d 'Адрес базы данных: путь к файлу SQLite, sqlite://ПУТЬ или postgres://…' -r
complete -c ezh -n "__fish_ezh_using_subcommand logout" -l config -d 'Файл настроек (TOML) вместо ~/.config/ezh/config.toml [переменная окружения: EZH_CONFIG]' -r -F
complete -c ezh -n "__fish_ezh_using_subcommand logout" -s h -l help -d 'Показать эту справку'
complete -c ezh -n "__fish_ezh_using_subcommand whoami" -l db -d 'Адрес базы данных: путь к файлу SQLite, sqlite://ПУТЬ или postgres://…' -r
complete -c ezh -n "__fish_ezh_using_subcommand whoami" -l config -d 'Файл настроек (TOML) вместо ~/.config/ezh/config.toml [переменная окружения: EZH_CONFIG]' -r -F
complete -c ezh -n "__fish_ezh_using_subcommand whoami" -s h -l help -d 'Показать эту справку'
complete -c ezh -n "__fish_ezh_using_subcommand activate" -l login -d 'Логин из листа выдачи кодов' -r
complete -c ezh -n "__fish_ezh_using_subcommand activate" -l db -d 'Адрес базы данных: путь к файлу SQLite, sqlite://ПУТЬ или postgres://…' -r
complete -c ezh -n "__fish_ezh_using_subcommand activate" -l config -d 'Файл настроек (TOML) вместо ~/.config/ezh/config.toml [переменная окружения: EZH_CONFIG]' -r -F
complete -c ezh -n "__fish_ezh_using_subcommand activate" -l stdin -d 'Прочитать код и новый пароль со стандартного ввода (две строки)'
complete -c ezh -n "__fish_ezh_using_subcommand activate" -s h -l help -d 'Показать эту справку'
complete -c ezh -n "__fish_ezh_using_subcommand college; and not __fish_seen_subcommand_from show set" -l db -d 'Адрес базы данных: путь к файлу SQLite, sqlite://ПУТЬ или postgres://…' -r
complete -c ezh -n "__fish_ezh_using_subcommand college; and not __fish_seen_subcommand_from show set" -l config -d 'Файл настроек (TOML) вместо ~/.config/ezh/config.toml [переменная окружения: EZH_CONFIG]' -r -F
complete -c ezh -n "__fish_ezh_using_subcommand college; and not __fish_seen_subcommand_from show set" -s h -l help -d 'Показать эту справку'
complete -c ezh -n "__fish_ezh_using_subcommand college; and not __fish_seen_subcommand_from show set" -f -a "show" -d 'Все настройки техникума с их значениями и допустимыми значениями'
complete -c ezh -n "__fish_ezh_using_subcommand college; and not __fish_seen_subcommand_from show set" -f -a "set" -d 'Изменить одну настройку (администратор; записывается в журнал изменений)'
complete -c ezh -n "__fish_ezh_using_subcommand college; and __fish_seen_subcommand_from show" -l db -d 'Адрес базы данных: путь к файлу SQLite, sqlite://ПУТЬ или postgres://…' -r
complete -c ezh -n "__fish_ezh_using_subcommand college; and __fish_seen_subcommand_from show" -l config -d 'Файл настроек (TOML) вместо ~/.config/ezh/config.toml [переменная окружения: EZH_CONFIG]' -r -F
complete -c ezh -n "__fish_ezh_using_subcommand college; and __fish_seen_subcommand_from show" -s h -l help -d 'Показать эту справку'
complete -c ezh -n "__fish_ezh_using_subcommand college; and __fish_seen_subcommand_from set" -l db -d 'Адрес базы данных: путь к файлу SQLite, sqlite://ПУТЬ или postgres://…' -r
complete -c ezh -n "__fish_ezh_using_subcommand college; and __fish_seen_subcommand_from set" -l config -d 'Файл настроек (TOML) вместо ~/.config/ezh/config.toml [переменная окружения: EZH_CONFIG]' -r -F
complete -c ezh -n "__fish_ezh_using_subcommand college; and __fish_seen_subcommand_from set" -s h -l help -d 'Показать эту справку'
complete -c ezh -n "__fish_ezh_using_subcommand year; and not __fish_seen_subcommand_from create list show" -l db -d 'Адрес базы данных: путь к файлу SQLite, sqlite://ПУТЬ или postgres://…' -r
complete -c ezh -n "__fish_ezh_using_subcommand year; and not __fish_seen_subcommand_from create list show" -l config -d 'Файл настроек (TOML) вместо ~/.config/ezh/config.toml [переменная окружения: EZH_CONFIG]' -r -F
complete -c ezh -n "__fish_ezh_using_subcommand year; and not __fish_seen_subcommand_from create list show" -s h -l help -d 'Показать эту справку'
complete -c ezh -n "__fish_ezh_using_subcommand year; and not __fish_seen_subcommand_from create list show" -f -a "create" -d 'Создать учебный год с семестрами и каникулами (заместитель директора, администратор)'
complete -c ezh -n "__fish_ezh_using_subcommand year; and not __fish_seen_subcommand_from create list show" -f -a "list" -d 'Все учебные годы'
complete -c ezh -n "__fish_ezh_using_subcommand year; and not __fish_seen_subcommand_from create list show" -f -a "show" -d 'Учебный год: семестры, закрыты ли они, каникулы (без названия — текущий)'
complete -c ezh -n "__fish_ezh_using_subcommand year; and __fish_seen_subcommand_from create" -l term -d 'Семестр: ДД.ММ.ГГГГ-ДД.ММ.ГГГГ (по порядку; повторите для каждого)' -r
complete -c ezh -n "__fish_ezh_using_subcommand year; and __fish_seen_subcommand_from create" -l holiday -d 'Праздник или каникулы: ДД.ММ.ГГГГ или ДД.ММ.ГГГГ-ДД.ММ.ГГГГ (можно повторять)' -r
complete -c ezh -n "__fish_ezh_using_subcommand year; and __fish_seen_subcommand_from create" -l db -d 'Адрес базы данных: путь к файлу SQLite, sqlite://ПУТЬ или postgres://…' -r
complete -c ezh -n "__fish_ezh_using_subcommand year; and __fish_seen_subcommand_from create" -l config -d 'Файл настроек (TOML) вместо ~/.config/ezh/config.toml [переменная окружения: EZH_CONFIG]' -r -F
complete -c ezh -n "__fish_ezh_using_subcommand year; and __fish_seen_subcommand_from create" -s h -l help -d 'Показать эту справку'
complete -c ezh -n "__fish_ezh_using_subcommand year; and __fish_seen_subcommand_from list" -l db -d 'Адрес базы данных: путь к файлу SQLite, sqlite://ПУТЬ или postgres://…' -r
complete -c ezh -n "__fish_ezh_using_subcommand year; and __fish_seen_subcommand_from list" -l config -d 'Файл настроек (TOML) вместо ~/.config/ezh/config.toml [переменная окружения: EZH_CONFIG]' -r -F
complete -c ezh -n "__fish_ezh_using_subcommand year; and __fish_seen_subcommand_from list" -s h -l help -d 'Показать эту справку'
complete -c ezh -n "__fish_ezh_using_subcommand year; and __fish_seen_subcommand_from show" -l db -d 'Адрес базы данных: путь к файлу SQLite, sqlite://ПУТЬ или postgres://…' -r
complete -c ezh -n "__fish_ezh_using_subcommand year; and __fish_seen_subcommand_from show" -l config -d 'Файл настроек (TOML) вместо ~/.config/ezh/config.toml [переменная окружения: EZH_CONFIG]' -r -F
complete -c ezh -n "__fish_ezh_using_subcommand year; and __fish_seen_subcommand_from show" -s h -l help -d 'Показать эту справку'
complete -c ezh -n "__fish_ezh_using_subcommand term; and not __fish_seen_subcommand_from close reopen" -l db -d 'Адрес базы данных: путь к файлу SQLite, sqlite://ПУТЬ или postgres://…' -r
complete -c ezh -n "__fish_ezh_using_subcommand term; and not __fish_seen_subcommand_from close reopen" -l config -d 'Файл настроек (TOML) вместо ~/.config/ezh/config.toml [переменная окружения: EZH_CONFIG]' -r -F
complete -c ezh -n "__fish_ezh_using_subcommand term; and not __fish_seen_subcommand_from close reopen" -s h -l help -d 'Показать эту справку'
complete -c ezh -n "__fish_ezh_using_subcommand term; and not __fish_seen_subcommand_from close reopen" -f -a "close" -d 'Закрыть семестр: дальше изменения только у заместителя директора с причиной'
complete -c ezh -n "__fish_ezh_using_subcommand term; and not __fish_seen_subcommand_from close reopen" -f -a "reopen" -d 'Открыть закрытый семестр вновь (с причиной)'
complete -c ezh -n "__fish_ezh_using_subcommand term; and __fish_seen_subcommand_from close" -l year -d 'Учебный год (без него — текущий)' -r
complete -c ezh -n "__fish_ezh_using_subcommand term; and __fish_seen_subcommand_from close" -l db -d 'Адрес базы данных: путь к файлу SQLite, sqlite://ПУТЬ или postgres://…' -r
complete -c ezh -n "__fish_ezh_using_subcommand term; and __fish_seen_subcommand_from close" -l config -d 'Файл настроек (TOML) вместо ~/.config/ezh/config.toml [переменная окружения: EZH_CONFIG]' -r -F
complete -c ezh -n "__fish_ezh_using_subcommand term; and __fish_seen_subcommand_from close" -s h -l help -d 'Показать эту справку'
complete -c ezh -n "__fish_ezh_using_subcommand term; and __fish_seen_subcommand_from reopen" -l year -d 'Учебный год (без него — текущий)' -r
complete -c ezh -n "__fish_ezh_using_subcommand term; and __fish_seen_subcommand_from reopen" -l reason -d 'Почему семестр открывается вновь (записывается в журнал изменений)' -r
complete -c ezh -n "__fish_ezh_using_subcommand term; and __fish_seen_subcommand_from reopen" -l db -d 'Адрес базы данных: путь к файлу SQLite, sqlite://ПУТЬ или postgres://…' -r
complete -c ezh -n "__fish_ezh_using_subcommand term; and __fish_seen_subcommand_from reopen" -l config -d 'Файл настроек (TOML) вместо ~/.config/ezh/config.toml [переменная окружения: EZH_CONFIG]' -r -F
complete -c ezh -n "__fish_ezh_using_subcommand term; and __fish_seen_subcommand_from reopen" -s h -l help -d 'Показать эту справку'
complete -c ezh -n "__fish_ezh_using_subcommand group; and not __fish_seen_subcommand_from create list show split move-student set-tutor" -l db -d 'Адрес базы данных: путь к файлу SQLite, sqlite://ПУТЬ или postgres://…' -r
complete -c ezh -n "__fish_ezh_using_subcommand group; and not __fish_seen_subcommand_from create list show split move-student set-tutor" -l config -d 'Файл настроек (TOML) вместо ~/.config/ezh/config.toml [переменная окружения: EZH_CONFIG]' -r -F
complete -c ezh -n "__fish_ezh_using_subcommand group; and not __fish_seen_subcommand_from create list show split move-student set-tutor" -s h -l help -d 'Показать эту справку'
complete -c ezh -n "__fish_ezh_using_subcommand group; and not __fish_seen_subcommand_from create list show split move-student set-tutor" -f -a "create" -d 'Создать группу (администратор)'
complete -c ezh -n "__fish_ezh_using_subcommand group; and not __fish_seen_subcommand_from create list show split move-student set-tutor" -f -a "list" -d 'Группы, которые вы можете видеть'
complete -c ezh -n "__fish_ezh_using_subcommand group; and not __fish_seen_subcommand_from create list show split move-student set-tutor" -f -a "show" -d 'Карточка группы: куратор, специальность, обучающиеся с подгруппами, нагрузка'
complete -c ezh -n "__fish_ezh_using_subcommand group; and not __fish_seen_subcommand_from create list show split move-student set-tutor" -f -a "split" -d 'Разделить группу на подгруппы по дисциплине (по алфавиту)'
complete -c ezh -n "__fish_ezh_using_subcommand group; and not __fish_seen_subcommand_from create list show split move-student set-tutor" -f -a "move-student" -d 'Перевести обучающегося в другую подгруппу по дисциплине'
complete -c ezh -n "__fish_ezh_using_subcommand group; and not __fish_seen_subcommand_from create list show split move-student set-tutor" -f -a "set-tutor" -d 'Назначить куратора группы (администратор)'
complete -c ezh -n "__fish_ezh_using_subcommand group; and __fish_seen_subcommand_from create" -l course -d 'Курс' -r
complete -c ezh -n "__fish_ezh_using_subcommand group; and __fish_seen_subcommand_from create" -l admission-year -d 'Год набора' -r
complete -c ezh -n "__fish_ezh_using_subcommand group; and __fish_seen_subcommand_from create" -l specialty -d 'Код специальности по ФГОС, например 15.02.16' -r
complete -c ezh -n "__fish_ezh_using_subcommand group; and __fish_seen_subcommand_from create" -l capacity -d 'Наполняемость [по умолчанию: 25]' -r
complete -c ezh -n "__fish_ezh_using_subcommand group; and __fish_seen_subcommand_from create" -l db -d 'Адрес базы данных: путь к файлу SQLite, sqlite://ПУТЬ или postgres://…' -r
complete -c ezh -n "__fish_ezh_using_subcommand group; and __fish_seen_subcommand_from create" -l config -d 'Файл настроек (TOML) вместо ~/.config/ezh/config.toml [переменная окружения: EZH_CONFIG]' -r -F
complete -c ezh -n "__fish_ezh_using_subcommand group; and __fish_seen_subcommand_from create" -s h -l help -d 'Показать эту справку'
complete -c ezh -n "__fish_ezh_using_subcommand group; and __fish_seen_subcommand_from list" -l format -d 'Формат: table, csv или json [варианты: table, csv, json] [по умолчанию: table]' -r -f -a "table\t'Таблица в терминале'
csv\t'CSV для Excel (UTF-8 с BOM, «;»)'
json\t'JSON: массив объектов'"
complete -c ezh -n "__fish_ezh_using_subcommand group; and __fish_seen_subcommand_from list" -l db -d 'Адрес базы данных: путь к файлу SQLite, sqlite://ПУТЬ или postgres://…' -r
complete -c ezh -n "__fish_ezh_using_subcommand group; and __fish_seen_subcommand_from list" -l config -d 'Файл настроек (TOML) вместо ~/.config/ezh/config.toml [переменная окружения: EZH_CONFIG]' -r -F
complete -c ezh -n "__fish_ezh_using_subcommand group; and __fish_seen_subcommand_from list" -s h -l help -d 'Показать эту справку'
complete -c ezh -n "__fish_ezh_using_subcommand group; and __fish_seen_subcommand_from show" -l db -d 'Адрес базы данных: путь к файлу SQLite, sqlite://ПУТЬ или postgres://…' -r
complete -c ezh -n "__fish_ezh_using_subcommand group; and __fish_seen_subcommand_from show" -l config -d 'Файл настроек (TOML) вместо ~/.config/ezh/config.toml [переменная окружения: EZH_CONFIG]' -r -F
complete -c ezh -n "__fish_ezh_using_subcommand group; and __fish_seen_subcommand_from show" -s h -l help -d 'Показать эту справку'
complete -c ezh -n "__fish_ezh_using_subcommand group; and __fish_seen_subcommand_from split" -l subject -d 'Дисциплина' -r
complete -c ezh -n "__fish_ezh_using_subcommand group; and __fish_seen_subcommand_from split" -l into -d 'Число подгрупп' -r
complete -c ezh -n "__fish_ezh_using_subcommand group; and __fish_seen_subcommand_from split" -l db -d 'Адрес базы данных: путь к файлу SQLite, sqlite://ПУТЬ или postgres://…' -r
complete -c ezh -n "__fish_ezh_using_subcommand group; and __fish_seen_subcommand_from split" -l config -d 'Файл настроек (TOML) вместо ~/.config/ezh/config.toml [переменная окружения: EZH_CONFIG]' -r -F
complete -c ezh -n "__fish_ezh_using_subcommand group; and __fish_seen_subcommand_from split" -s h -l help -d 'Показать эту справку'
complete -c ezh -n "__fish_ezh_using_subcommand group; and __fish_seen_subcommand_from move-student" -l subject -d 'Дисциплина' -r
complete -c ezh -n "__fish_ezh_using_subcommand group; and __fish_seen_subcommand_from move-student" -l student -d 'Обучающийся: номер, № зачётной книжки или «Фамилия Имя Отчество»' -r
complete -c ezh -n "__fish_ezh_using_subcommand group; and __fish_seen_subcommand_from move-student" -l to -d 'Подгруппа, в которую переводится' -r
complete -c ezh -n "__fish_ezh_using_subcommand group; and __fish_seen_subcommand_from move-student" -l db -d 'Адрес базы данных: путь к файлу SQLite, sqlite://ПУТЬ или postgres://…' -r
complete -c ezh -n "__fish_ezh_using_subcommand group; and __fish_seen_subcommand_from move-student" -l config -d 'Файл настроек (TOML) вместо ~/.config/ezh/config.toml [переменная окружения: EZH_CONFIG]' -r -F
complete -c ezh -n "__fish_ezh_using_subcommand group; and __fish_seen_subcommand_from move-student" -s h -l help -d 'Показать эту справку'
complete -c ezh -n "__fish_ezh_using_subcommand group; and __fish_seen_subcommand_from set-tutor" -l db -d 'Адрес базы данных: путь к файлу SQLite, sqlite://ПУТЬ или postgres://…' -r
complete -c ezh -n "__fish_ezh_using_subcommand group; and __fish_seen_subcommand_from set-tutor" -l config -d 'Файл настроек (TOML) вместо ~/.config/ezh/config.toml [переменная окружения: EZH_CONFIG]' -r -F
complete -c ezh -n "__fish_ezh_using_subcommand group; and __fish_seen_subcommand_from set-tutor" -s h -l help -d 'Показать эту справку'
complete -c ezh -n "__fish_ezh_using_subcommand student; and not __fish_seen_subcommand_from enrol transfer leave return expel graduate show edit guardian achievement" -l db -d 'Адрес базы данных: путь к файлу SQLite, sqlite://ПУТЬ или postgres://…' -r
complete -c ezh -n "__fish_ezh_using_subcommand student; and not __fish_seen_subcommand_from enrol transfer leave return expel graduate show edit guardian achievement" -l config -d 'Файл настроек (TOML) вместо ~/.config/ezh/config.toml [переменная окружения: EZH_CONFIG]' -r -F
complete -c ezh -n "__fish_ezh_using_subcommand student; and not __fish_seen_subcommand_from enrol transfer leave return expel graduate show edit guardian achievement" -s h -l help -d 'Показать эту справку'
complete -c ezh -n "__fish_ezh_using_subcommand student; and not __fish_seen_subcommand_from enrol transfer leave return expel graduate show edit guardian achievement" -f -a "enrol" -d 'Зачислить в группу по приказу (с --birth-date создаёт нового обучающегося)'
complete -c ezh -n "__fish_ezh_using_subcommand student; and not __fish_seen_subcommand_from enrol transfer leave return expel graduate show edit guardian achievement" -f -a "transfer" -d 'Перевести в другую группу по приказу'
complete -c ezh -n "__fish_ezh_using_subcommand student; and not __fish_seen_subcommand_from enrol transfer leave return expel graduate show edit guardian achievement" -f -a "leave" -d 'Предоставить академический отпуск по приказу'
complete -c ezh -n "__fish_ezh_using_subcommand student; and not __fish_seen_subcommand_from enrol transfer leave return expel graduate show edit guardian achievement" -f -a "return" -d 'Выход из академического отпуска по приказу'
complete -c ezh -n "__fish_ezh_using_subcommand student; and not __fish_seen_subcommand_from enrol transfer leave return expel graduate show edit guardian achievement" -f -a "expel" -d 'Отчислить по приказу'
complete -c ezh -n "__fish_ezh_using_subcommand student; and not __fish_seen_subcommand_from enrol transfer leave return expel graduate show edit guardian achievement" -f -a "graduate" -d 'Выпуск по приказу'
complete -c ezh -n "__fish_ezh_using_subcommand student; and not __fish_seen_subcommand_from enrol transfer leave return expel graduate show edit guardian achievement" -f -a "show" -d 'Карточка обучающегося: данные, движение, родители, достижения'
complete -c ezh -n "__fish_ezh_using_subcommand student; and not __fish_seen_subcommand_from enrol transfer leave return expel graduate show edit guardian achievement" -f -a "edit" -d 'Изменить персональные данные (каждое изменение записывается в журнал изменений)'
complete -c ezh -n "__fish_ezh_using_subcommand student; and not __fish_seen_subcommand_from enrol transfer leave return expel graduate show edit guardian achievement" -f -a "guardian" -d 'Родители (законные представители)'
complete -c ezh -n "__fish_ezh_using_subcommand student; and not __fish_seen_subcommand_from enrol transfer leave return expel graduate show edit guardian achievement" -f -a "achievement" -d 'Достижения: грамоты, дипломы, благодарственные письма'
complete -c ezh -n "__fish_ezh_using_subcommand student; and __fish_seen_subcommand_from enrol" -l order -d 'Номер приказа' -r
complete -c ezh -n "__fish_ezh_using_subcommand student; and __fish_seen_subcommand_from enrol" -l date -d 'Дата движения — первый день в новом положении (ДД.ММ.ГГГГ или ГГГГ-ММ-ДД)' -r
complete -c ezh -n "__fish_ezh_using_subcommand student; and __fish_seen_subcommand_from enrol" -l order-date -d 'Дата приказа (по умолчанию — дата движения)' -r
complete -c ezh -n "__fish_ezh_using_subcommand student; and __fish_seen_subcommand_from enrol" -l reason -d 'Основание, например «по заявлению» [по умолчанию: ""]' -r
complete -c ezh -n "__fish_ezh_using_subcommand student; and __fish_seen_subcommand_from enrol" -l group -d 'Группа' -r
complete -c ezh -n "__fish_ezh_using_subcommand student; and __fish_seen_subcommand_from enrol" -l birth-date -d 'Дата рождения нового обучающегося' -r
complete -c ezh -n "__fish_ezh_using_subcommand student; and __fish_seen_subcommand_from enrol" -l record-book -d '№ зачётной книжки нового обучающегося' -r
complete -c ezh -n "__fish_ezh_using_subcommand student; and __fish_seen_subcommand_from enrol" -l db -d 'Адрес базы данных: путь к файлу SQLite, sqlite://ПУТЬ или postgres://…' -r
complete -c ezh -n "__fish_ezh_using_subcommand student; and __fish_seen_subcommand_from enrol" -l config -d 'Файл настроек (TOML) вместо ~/.config/ezh/config.toml [переменная окружения: EZH_CONFIG]' -r -F
complete -c ezh -n "__fish_ezh_using_subcommand student; and __fish_seen_subcommand_from enrol" -s h -l help -d 'Показать эту справку'
complete -c ezh -n "__fish_ezh_using_subcommand student; and __fish_seen_subcommand_from transfer" -l order -d 'Номер приказа' -r
complete -c ezh -n "__fish_ezh_using_subcommand student; and __fish_seen_subcommand_from transfer" -l date -d 'Дата движения — первый день в новом положении (ДД.ММ.ГГГГ или ГГГГ-ММ-ДД)' -r
complete -c ezh -n "__fish_ezh_using_subcommand student; and __fish_seen_subcommand_from transfer" -l order-date -d 'Дата приказа (по умолчанию — дата движения)' -r
complete -c ezh -n "__fish_ezh_using_subcommand student; and __fish_seen_subcommand_from transfer" -l reason -d 'Основание, например «по заявлению» [по умолчанию: ""]' -r
complete -c ezh -n "__fish_ezh_using_subcommand student; and __fish_seen_subcommand_from transfer" -l group -d 'Группа, в которую переводится обучающийся' -r
complete -c ezh -n "__fish_ezh_using_subcommand student; and __fish_seen_subcommand_from transfer" -l db -d 'Адрес базы данных: путь к файлу SQLite, sqlite://ПУТЬ или postgres://…' -r
complete -c ezh -n "__fish_ezh_using_subcommand student; and __fish_seen_subcommand_from transfer" -l config -d 'Файл настроек (TOML) вместо ~/.config/ezh/config.toml [переменная окружения: EZH_CONFIG]' -r -F
complete -c ezh -n "__fish_ezh_using_subcommand student; and __fish_seen_subcommand_from transfer" -s h -l help -d 'Показать эту справку'
complete -c ezh -n "__fish_ezh_using_subcommand student; and __fish_seen_subcommand_from leave" -l order -d 'Номер приказа' -r
complete -c ezh -n "__fish_ezh_using_subcommand student; and __fish_seen_subcommand_from leave" -l date -d 'Дата движения — первый день в новом положении (ДД.ММ.ГГГГ или ГГГГ-ММ-ДД)' -r
complete -c ezh -n "__fish_ezh_using_subcommand student; and __fish_seen_subcommand_from leave" -l order-date -d 'Дата приказа (по умолчанию — дата движения)' -r
complete -c ezh -n "__fish_ezh_using_subcommand student; and __fish_seen_subcommand_from leave" -l reason -d 'Основание, например «по заявлению» [по умолчанию: ""]' -r
complete -c ezh -n "__fish_ezh_using_subcommand student; and __fish_seen_subcommand_from leave" -l db -d 'Адрес базы данных: путь к файлу SQLite, sqlite://ПУТЬ или postgres://…' -r
complete -c ezh -n "__fish_ezh_using_subcommand student; and __fish_seen_subcommand_from leave" -l config -d 'Файл настроек (TOML) вместо ~/.config/ezh/config.toml [переменная окружения: EZH_CONFIG]' -r -F
complete -c ezh -n "__fish_ezh_using_subcommand student; and __fish_seen_subcommand_from leave" -s h -l help -d 'Показать эту справку'
complete -c ezh -n "__fish_ezh_using_subcommand student; and __fish_seen_subcommand_from return" -l order -d 'Номер приказа' -r
complete -c ezh -n "__fish_ezh_using_subcommand student; and __fish_seen_subcommand_from return" -l date -d 'Дата движения — первый день в новом положении (ДД.ММ.ГГГГ или ГГГГ-ММ-ДД)' -r
complete -c ezh -n "__fish_ezh_using_subcommand student; and __fish_seen_subcommand_from return" -l order-date -d 'Дата приказа (по умолчанию — дата движения)' -r
complete -c ezh -n "__fish_ezh_using_subcommand student; and __fish_seen_subcommand_from return" -l reason -d 'Основание, например «по заявлению» [по умолчанию: ""]' -r
complete -c ezh -n "__fish_ezh_using_subcommand student; and __fish_seen_subcommand_from return" -l group -d 'Группа (по умолчанию — та, из которой ушёл в отпуск)' -r
complete -c ezh -n "__fish_ezh_using_subcommand student; and __fish_seen_subcommand_from return" -l db -d 'Адрес базы данных: путь к файлу SQLite, sqlite://ПУТЬ или postgres://…' -r
complete -c ezh -n "__fish_ezh_using_subcommand student; and __fish_seen_subcommand_from return" -l config -d 'Файл настроек (TOML) вместо ~/.config/ezh/config.toml [переменная окружения: EZH_CONFIG]' -r -F
complete -c ezh -n "__fish_ezh_using_subcommand student; and __fish_seen_subcommand_from return" -s h -l help -d 'Показать эту справку'
complete -c ezh -n "__fish_ezh_using_subcommand student; and __fish_seen_subcommand_from expel" -l order -d 'Номер приказа' -r
complete -c ezh -n "__fish_ezh_using_subcommand student; and __fish_seen_subcommand_from expel" -l date -d 'Дата движения — первый день в новом положении (ДД.ММ.ГГГГ или ГГГГ-ММ-ДД)' -r
complete -c ezh -n "__fish_ezh_using_subcommand student; and __fish_seen_subcommand_from expel" -l order-date -d 'Дата приказа (по умолчанию — дата движения)' -r
complete -c ezh -n "__fish_ezh_using_subcommand student; and __fish_seen_subcommand_from expel" -l reason -d 'Основание, например «по заявлению» [по умолчанию: ""]' -r
complete -c ezh -n "__fish_ezh_using_subcommand student; and __fish_seen_subcommand_from expel" -l db -d 'Адрес базы данных: путь к файлу SQLite, sqlite://ПУТЬ или postgres://…' -r
complete -c ezh -n "__fish_ezh_using_subcommand student; and __fish_seen_subcommand_from expel" -l config -d 'Файл настроек (TOML) вместо ~/.config/ezh/config.toml [переменная окружения: EZH_CONFIG]' -r -F
complete -c ezh -n "__fish_ezh_using_subcommand student; and __fish_seen_subcommand_from expel" -s h -l help -d 'Показать эту справку'
complete -c ezh -n "__fish_ezh_using_subcommand student; and __fish_seen_subcommand_from graduate" -l order -d 'Номер приказа' -r
complete -c ezh -n "__fish_ezh_using_subcommand student; and __fish_seen_subcommand_from graduate" -l date -d 'Дата движения — первый день в новом положении (ДД.ММ.ГГГГ или ГГГГ-ММ-ДД)' -r
complete -c ezh -n "__fish_ezh_using_subcommand student; and __fish_seen_subcommand_from graduate" -l order-date -d 'Дата приказа (по умолчанию — дата движения)' -r
complete -c ezh -n "__fish_ezh_using_subcommand student; and __fish_seen_subcommand_from graduate" -l reason -d 'Основание, например «по заявлению» [по умолчанию: ""]' -r
complete -c ezh -n "__fish_ezh_using_subcommand student; and __fish_seen_subcommand_from graduate" -l db -d 'Адрес базы данных: путь к файлу SQLite, sqlite://ПУТЬ или postgres://…' -r
complete -c ezh -n "__fish_ezh_using_subcommand student; and __fish_seen_subcommand_from graduate" -l config -d 'Файл настроек (TOML) вместо ~/.config/ezh/config.toml [переменная окружения: EZH_CONFIG]' -r -F
complete -c ezh -n "__fish_ezh_using_subcommand student; and __fish_seen_subcommand_from graduate" -s h -l help -d 'Показать эту справку'
complete -c ezh -n "__fish_ezh_using_subcommand student; and __fish_seen_subcommand_from show" -l db -d 'Адрес базы данных: путь к файлу SQLite, sqlite://ПУТЬ или postgres://…' -r
complete -c ezh -n "__fish_ezh_using_subcommand student; and __fish_seen_subcommand_from show" -l config -d 'Файл настроек (TOML) вместо ~/.config/ezh/config.toml [переменная окружения: EZH_CONFIG]' -r -F
complete -c ezh -n "__fish_ezh_using_subcommand student; and __fish_seen_subcommand_from show" -s h -l help -d 'Показать эту справку'
complete -c ezh -n "__fish_ezh_using_subcommand student; and __fish_seen_subcommand_from edit" -l last-name -r
complete -c ezh -n "__fish_ezh_using_subcommand student; and __fish_seen_subcommand_from edit" -l first-name -r
complete -c ezh -n "__fish_ezh_using_subcommand student; and __fish_seen_subcommand_from edit" -l patronymic -r
complete -c ezh -n "__fish_ezh_using_subcommand student; and __fish_seen_subcommand_from edit" -l birth-date -d 'Дата рождения' -r
complete -c ezh -n "__fish_ezh_using_subcommand student; and __fish_seen_subcommand_from edit" -l sex -d 'Пол: м или ж' -r
complete -c ezh -n "__fish_ezh_using_subcommand student; and __fish_seen_subcommand_from edit" -l record-book -d '№ зачётной книжки' -r
complete -c ezh -n "__fish_ezh_using_subcommand student; and __fish_seen_subcommand_from edit" -l phone -r
complete -c ezh -n "__fish_ezh_using_subcommand student; and __fish_seen_subcommand_from edit" -l email -r
complete -c ezh -n "__fish_ezh_using_subcommand student; and __fish_seen_subcommand_from edit" -l funding -d 'Основа обучения: бюджет или договор' -r
complete -c ezh -n "__fish_ezh_using_subcommand student; and __fish_seen_subcommand_from edit" -l address -d 'Адрес проживания' -r
complete -c ezh -n "__fish_ezh_using_subcommand student; and __fish_seen_subcommand_from edit" -l db -d 'Адрес базы данных: путь к файлу SQLite, sqlite://ПУТЬ или postgres://…' -r
complete -c ezh -n "__fish_ezh_using_subcommand student; and __fish_seen_subcommand_from edit" -l config -d 'Файл настроек (TOML) вместо ~/.config/ezh/config.toml [переменная окружения: EZH_CONFIG]' -r -F
complete -c ezh -n "__fish_ezh_using_subcommand student; and __fish_seen_subcommand_from edit" -s h -l help -d 'Показать эту справку'
complete -c ezh -n "__fish_ezh_using_subcommand student; and __fish_seen_subcommand_from guardian" -l db -d 'Адрес базы данных: путь к файлу SQLite, sqlite://ПУТЬ или postgres://…' -r
complete -c ezh -n "__fish_ezh_using_subcommand student; and __fish_seen_subcommand_from guardian" -l config -d 'Файл настроек (TOML) вместо ~/.config/ezh/config.toml [переменная окружения: EZH_CONFIG]' -r -F
complete -c ezh -n "__fish_ezh_using_subcommand student; and __fish_seen_subcommand_from guardian" -s h -l help -d 'Показать эту справку'
complete -c ezh -n "__fish_ezh_using_subcommand student; and __fish_seen_subcommand_from guardian" -f -a "link" -d 'Связать родителя с обучающимся (найдёт существующего или создаст)'
complete -c ezh -n "__fish_ezh_using_subcommand student; and __fish_seen_subcommand_from guardian" -f -a "unlink" -d 'Убрать связь родителя с обучающимся'
complete -c ezh -n "__fish_ezh_using_subcommand student; and __fish_seen_subcommand_from achievement" -l db -d 'Адрес базы данных: путь к файлу SQLite, sqlite://ПУТЬ или postgres://…' -r
complete -c ezh -n "__fish_ezh_using_subcommand student; and __fish_seen_subcommand_from achievement" -l config -d 'Файл настроек (TOML) вместо ~/.config/ezh/config.toml [переменная окружения: EZH_CONFIG]' -r -F
complete -c ezh -n "__fish_ezh_using_subcommand student; and __fish_seen_subcommand_from achievement" -s h -l help -d 'Показать эту справку'
complete -c ezh -n "__fish_ezh_using_subcommand student; and __fish_seen_subcommand_from achievement" -f -a "add" -d 'Добавить достижение'
complete -c ezh -n "__fish_ezh_using_subcommand student; and __fish_seen_subcommand_from achievement" -f -a "list" -d 'Достижения обучающегося'
complete -c ezh -n "__fish_ezh_using_subcommand timetable; and not __fish_seen_subcommand_from show substitute" -l db -d 'Адрес базы данных: путь к файлу SQLite, sqlite://ПУТЬ или postgres://…' -r
complete -c ezh -n "__fish_ezh_using_subcommand timetable; and not __fish_seen_subcommand_from show substitute" -l config -d 'Файл настроек (TOML) вместо ~/.config/ezh/config.toml [переменная окружения: EZH_CONFIG]' -r -F
complete -c ezh -n "__fish_ezh_using_subcommand timetable; and not __fish_seen_subcommand_from show substitute" -s h -l help -d 'Показать эту справку'
complete -c ezh -n "__fish_ezh_using_subcommand timetable; and not __fish_seen_subcommand_from show substitute" -f -a "show" -d 'Расписание на неделю: группы, преподавателя или кабинета, с заменами'
complete -c ezh -n "__fish_ezh_using_subcommand timetable; and not __fish_seen_subcommand_from show substitute" -f -a "substitute" -d 'Замена: другой преподаватель, дисциплина или кабинет на одну пару, либо отмена пары'
complete -c ezh -n "__fish_ezh_using_subcommand timetable; and __fish_seen_subcommand_from show" -l group -d 'Группа (без --group, --teacher и --room — своё: преподавателя, обучающегося, ребёнка)' -r
complete -c ezh -n "__fish_ezh_using_subcommand timetable; and __fish_seen_subcommand_from show" -l teacher -d 'Преподаватель: логин или «Фамилия И. О.»' -r
complete -c ezh -n "__fish_ezh_using_subcommand timetable; and __fish_seen_subcommand_from show" -l room -d 'Кабинет' -r
complete -c ezh -n "__fish_ezh_using_subcommand timetable; and __fish_seen_subcommand_from show" -l week -d 'Любой день нужной недели (по умолчанию сегодня)' -r
complete -c ezh -n "__fish_ezh_using_subcommand timetable; and __fish_seen_subcommand_from show" -l format -d 'Формат: table, csv или json [варианты: table, csv, json] [по умолчанию: table]' -r -f -a "table\t'Таблица в терминале'
csv\t'CSV для Excel (UTF-8 с BOM, «;»)'
json\t'JSON: массив объектов'"
complete -c ezh -n "__fish_ezh_using_subcommand timetable; and __fish_seen_subcommand_from show" -l db -d 'Адрес базы данных: путь к файлу SQLite, sqlite://ПУТЬ или postgres://…' -r
complete -c ezh -n "__fish_ezh_using_subcommand timetable; and __fish_seen_subcommand_from show" -l config -d 'Файл настроек (TOML) вместо ~/.config/ezh/config.toml [переменная окружения: EZH_CONFIG]' -r -F
complete -c ezh -n "__fish_ezh_using_subcommand timetable; and __fish_seen_subcommand_from show" -s h -l help -d 'Показать эту справку'
complete -c ezh -n "__fish_ezh_using_subcommand timetable; and __fish_seen_subcommand_from substitute" -l pair -d 'Номер пары' -r
complete -c ezh -n "__fish_ezh_using_subcommand timetable; and __fish_seen_subcommand_from substitute" -l group -d 'Группа' -r
complete -c ezh -n "__fish_ezh_using_subcommand timetable; and __fish_seen_subcommand_from substitute" -l subgroup -d 'Подгруппа, если у группы на этой паре занятия подгрупп' -r
complete -c ezh -n "__fish_ezh_using_subcommand timetable; and __fish_seen_subcommand_from substitute" -l teacher -d 'Заменяющий преподаватель: логин или «Фамилия И. О.»' -r
complete -c ezh -n "__fish_ezh_using_subcommand timetable; and __fish_seen_subcommand_from substitute" -l room -d 'Кабинет' -r
complete -c ezh -n "__fish_ezh_using_subcommand timetable; and __fish_seen_subcommand_from substitute" -l subject -d 'Дисциплина вместо запланированной' -r
complete -c ezh -n "__fish_ezh_using_subcommand timetable; and __fish_seen_subcommand_from substitute" -l db -d 'Адрес базы данных: путь к файлу SQLite, sqlite://ПУТЬ или postgres://…' -r
complete -c ezh -n "__fish_ezh_using_subcommand timetable; and __fish_seen_subcommand_from substitute" -l config -d 'Файл настроек (TOML) вместо ~/.config/ezh/config.toml [переменная окружения: EZH_CONFIG]' -r -F
complete -c ezh -n "__fish_ezh_using_subcommand timetable; and __fish_seen_subcommand_from substitute" -l cancel -d 'Отменить пару'
complete -c ezh -n "__fish_ezh_using_subcommand timetable; and __fish_seen_subcommand_from substitute" -s h -l help -d 'Показать эту справку'
complete -c ezh -n "__fish_ezh_using_subcommand import" -l encoding -d 'Кодировка файла вместо определения: utf-8, windows-1251' -r
complete -c ezh -n "__fish_ezh_using_subcommand import" -l delimiter -d 'Разделитель вместо определения: «;», «,» или tab' -r
complete -c ezh -n "__fish_ezh_using_subcommand import" -l sheet -d 'Лист книги .xlsx или .ods (без него — первый)' -r
complete -c ezh -n "__fish_ezh_using_subcommand import" -l reason -d 'Отметки: причина внесения после срока; заместителю директора — и изменения уже стоящих' -r
complete -c ezh -n "__fish_ezh_using_subcommand import" -l db -d 'Адрес базы данных: путь к файлу SQLite, sqlite://ПУТЬ или postgres://…' -r
complete -c ezh -n "__fish_ezh_using_subcommand import" -l config -d 'Файл настроек (TOML) вместо ~/.config/ezh/config.toml [переменная окружения: EZH_CONFIG]' -r -F
complete -c ezh -n "__fish_ezh_using_subcommand import" -l dry-run -d 'Показать, что изменится, и ничего не записывать'
complete -c ezh -n "__fish_ezh_using_subcommand import" -l strict -d 'Не создавать неизвестные группы, а считать их ошибкой'
complete -c ezh -n "__fish_ezh_using_subcommand import" -l clear-empty -d 'Пустая ячейка очищает поле (без флага пустые ячейки и отсутствующие столбцы его не меняют)'
complete -c ezh -n "__fish_ezh_using_subcommand import" -s h -l help -d 'Показать эту справку'
complete -c ezh -n "__fish_ezh_using_subcommand export" -l group -d 'Только эта группа' -r
complete -c ezh -n "__fish_ezh_using_subcommand export" -l format -d 'Формат: csv, xlsx, json [варианты: csv, xlsx, json]' -r -f -a "csv\t''
xlsx\t''
json\t''"
complete -c ezh -n "__fish_ezh_using_subcommand export" -s o -l output -d 'Файл; без него — стандартный вывод (xlsx требует файла)' -r -F
complete -c ezh -n "__fish_ezh_using_subcommand export" -l db -d 'Адрес базы данных: путь к файлу SQLite, sqlite://ПУТЬ или postgres://…' -r
complete -c ezh -n "__fish_ezh_using_subcommand export" -l config -d 'Файл настроек (TOML) вместо ~/.config/ezh/config.toml [переменная окружения: EZH_CONFIG]' -r -F
complete -c ezh -n "__fish_ezh_using_subcommand export" -s h -l help -d 'Показать эту справку'
complete -c ezh -n "__fish_ezh_using_subcommand user; and not __fish_seen_subcommand_from add list show disable enable roles reset unlock token issue-codes" -l db -d 'Адрес базы данных: путь к файлу SQLite, sqlite://ПУТЬ или postgres://…' -r
complete -c ezh -n "__fish_ezh_using_subcommand user; and not __fish_seen_subcommand_from add list show disable enable roles reset unlock token issue-codes" -l config -d 'Файл настроек (TOML) вместо ~/.config/ezh/config.toml [переменная окружения: EZH_CONFIG]' -r -F
complete -c ezh -n "__fish_ezh_using_subcommand user; and not __fish_seen_subcommand_from add list show disable enable roles reset unlock token issue-codes" -s h -l help -d 'Показать эту справку'
complete -c ezh -n "__fish_ezh_using_subcommand user; and not __fish_seen_subcommand_from add list show disable enable roles reset unlock token issue-codes" -f -a "add" -d 'Создать пользователя (пароль он задаст сам по коду доступа)'
complete -c ezh -n "__fish_ezh_using_subcommand user; and not __fish_seen_subcommand_from add list show disable enable roles reset unlock token issue-codes" -f -a "list" -d 'Список пользователей'
complete -c ezh -n "__fish_ezh_using_subcommand user; and not __fish_seen_subcommand_from add list show disable enable roles reset unlock token issue-codes" -f -a "show" -d 'Сведения о пользователе'
complete -c ezh -n "__fish_ezh_using_subcommand user; and not __fish_seen_subcommand_from add list show disable enable roles reset unlock token issue-codes" -f -a "disable" -d 'Отключить учётную запись (все её сеансы завершаются)'
complete -c ezh -n "__fish_ezh_using_subcommand user; and not __fish_seen_subcommand_from add list show disable enable roles reset unlock token issue-codes" -f -a "enable" -d 'Включить учётную запись'
complete -c ezh -n "__fish_ezh_using_subcommand user; and not __fish_seen_subcommand_from add list show disable enable roles reset unlock token issue-codes" -f -a "roles" -d 'Заменить роли пользователя'
complete -c ezh -n "__fish_ezh_using_subcommand user; and not __fish_seen_subcommand_from add list show disable enable roles reset unlock token issue-codes" -f -a "reset" -d 'Сбросить пароль сотрудника и выдать код доступа на 24 часа'
complete -c ezh -n "__fish_ezh_using_subcommand user; and not __fish_seen_subcommand_from add list show disable enable roles reset unlock token issue-codes" -f -a "unlock" -d 'Снять блокировку входа после неудачных попыток'
complete -c ezh -n "__fish_ezh_using_subcommand user; and not __fish_seen_subcommand_from add list show disable enable roles reset unlock token issue-codes" -f -a "token" -d 'Токены для отчётов по расписанию (cron)'
complete -c ezh -n "__fish_ezh_using_subcommand user; and not __fish_seen_subcommand_from add list show disable enable roles reset unlock token issue-codes" -f -a "issue-codes" -d 'Выдать одноразовые коды доступа: группе (куратор, администратор) или сотрудникам'
complete -c ezh -n "__fish_ezh_using_subcommand user; and __fish_seen_subcommand_from add" -l last-name -d 'Фамилия (для обучающегося и родителя берётся из их записи)' -r
complete -c ezh -n "__fish_ezh_using_subcommand user; and __fish_seen_subcommand_from add" -l first-name -d 'Имя' -r
complete -c ezh -n "__fish_ezh_using_subcommand user; and __fish_seen_subcommand_from add" -l patronymic -d 'Отчество [по умолчанию: ""]' -r
complete -c ezh -n "__fish_ezh_using_subcommand user; and __fish_seen_subcommand_from add" -l roles -d 'Роли через запятую: admin, director, deputy, secretary, teacher, student, guardian' -r
complete -c ezh -n "__fish_ezh_using_subcommand user; and __fish_seen_subcommand_from add" -l position -d 'Должность [по умолчанию: ""]' -r
complete -c ezh -n "__fish_ezh_using_subcommand user; and __fish_seen_subcommand_from add" -l student -d 'Обучающийся, чья это учётная запись: номер зачётной книжки или ФИО (с --roles student)' -r
complete -c ezh -n "__fish_ezh_using_subcommand user; and __fish_seen_subcommand_from add" -l guardian -d 'Родитель, чья это учётная запись: ФИО (с --roles guardian)' -r
complete -c ezh -n "__fish_ezh_using_subcommand user; and __fish_seen_subcommand_from add" -l db -d 'Адрес базы данных: путь к файлу SQLite, sqlite://ПУТЬ или postgres://…' -r
complete -c ezh -n "__fish_ezh_using_subcommand user; and __fish_seen_subcommand_from add" -l config -d 'Файл настроек (TOML) вместо ~/.config/ezh/config.toml [переменная окружения: EZH_CONFIG]' -r -F
complete -c ezh -n "__fish_ezh_using_subcommand user; and __fish_seen_subcommand_from add" -s h -l help -d 'Показать эту справку'
complete -c ezh -n "__fish_ezh_using_subcommand user; and __fish_seen_subcommand_from list" -l format -d 'Формат: table, csv или json [варианты: table, csv, json] [по умолчанию: table]' -r -f -a "table\t'Таблица в терминале'
csv\t'CSV для Excel (UTF-8 с BOM, «;»)'
json\t'JSON: массив объектов'"
complete -c ezh -n "__fish_ezh_using_subcommand user; and __fish_seen_subcommand_from list" -l db -d 'Адрес базы данных: путь к файлу SQLite, sqlite://ПУТЬ или postgres://…' -r
complete -c ezh -n "__fish_ezh_using_subcommand user; and __fish_seen_subcommand_from list" -l config -d 'Файл настроек (TOML) вместо ~/.config/ezh/config.toml [переменная окружения: EZH_CONFIG]' -r -F
complete -c ezh -n "__fish_ezh_using_subcommand user; and __fish_seen_subcommand_from list" -s h -l help -d 'Показать эту справку'
complete -c ezh -n "__fish_ezh_using_subcommand user; and __fish_seen_subcommand_from show" -l db -d 'Адрес базы данных: путь к файлу SQLite, sqlite://ПУТЬ или postgres://…' -r
complete -c ezh -n "__fish_ezh_using_subcommand user; and __fish_seen_subcommand_from show" -l config -d 'Файл настроек (TOML) вместо ~/.config/ezh/config.toml [переменная окружения: EZH_CONFIG]' -r -F
complete -c ezh -n "__fish_ezh_using_subcommand user; and __fish_seen_subcommand_from show" -s h -l help -d 'Показать эту справку'
complete -c ezh -n "__fish_ezh_using_subcommand user; and __fish_seen_subcommand_from disable" -l db -d 'Адрес базы данных: путь к файлу SQLite, sqlite://ПУТЬ или postgres://…' -r
complete -c ezh -n "__fish_ezh_using_subcommand user; and __fish_seen_subcommand_from disable" -l config -d 'Файл настроек (TOML) вместо ~/.config/ezh/config.toml [переменная окружения: EZH_CONFIG]' -r -F
complete -c ezh -n "__fish_ezh_using_subcommand user; and __fish_seen_subcommand_from disable" -l yes
complete -c ezh -n "__fish_ezh_using_subcommand user; and __fish_seen_subcommand_from disable" -s h -l help -d 'Показать эту справку'
complete -c ezh -n "__fish_ezh_using_subcommand user; and __fish_seen_subcommand_from enable" -l db -d 'Адрес базы данных: путь к файлу SQLite, sqlite://ПУТЬ или postgres://…' -r
complete -c ezh -n "__fish_ezh_using_subcommand user; and __fish_seen_subcommand_from enable" -l config -d 'Файл настроек (TOML) вместо ~/.config/ezh/config.toml [переменная окружения: EZH_CONFIG]' -r -F
complete -c ezh -n "__fish_ezh_using_subcommand user; and __fish_seen_subcommand_from enable" -s h -l help -d 'Показать эту справку'
complete -c ezh -n "__fish_ezh_using_subcommand user; and __fish_seen_subcommand_from roles" -l db -d 'Адрес базы данных: путь к файлу SQLite, sqlite://ПУТЬ или postgres://…' -r
complete -c ezh -n "__fish_ezh_using_subcommand user; and __fish_seen_subcommand_from roles" -l config -d 'Файл настроек (TOML) вместо ~/.config/ezh/config.toml [переменная окружения: EZH_CONFIG]' -r -F
complete -c ezh -n "__fish_ezh_using_subcommand user; and __fish_seen_subcommand_from roles" -s h -l help -d 'Показать эту справку'
complete -c ezh -n "__fish_ezh_using_subcommand user; and __fish_seen_subcommand_from reset" -l db -d 'Адрес базы данных: путь к файлу SQLite, sqlite://ПУТЬ или postgres://…' -r
complete -c ezh -n "__fish_ezh_using_subcommand user; and __fish_seen_subcommand_from reset" -l config -d 'Файл настроек (TOML) вместо ~/.config/ezh/config.toml [переменная окружения: EZH_CONFIG]' -r -F
complete -c ezh -n "__fish_ezh_using_subcommand user; and __fish_seen_subcommand_from reset" -l yes
complete -c ezh -n "__fish_ezh_using_subcommand user; and __fish_seen_subcommand_from reset" -s h -l help -d 'Показать эту справку'
complete -c ezh -n "__fish_ezh_using_subcommand user; and __fish_seen_subcommand_from unlock" -l db -d 'Адрес базы данных: путь к файлу SQLite, sqlite://ПУТЬ или postgres://…' -r
complete -c ezh -n "__fish_ezh_using_subcommand user; and __fish_seen_subcommand_from unlock" -l config -d 'Файл настроек (TOML) вместо ~/.config/ezh/config.toml [переменная окружения: EZH_CONFIG]' -r -F
complete -c ezh -n "__fish_ezh_using_subcommand user; and __fish_seen_subcommand_from unlock" -s h -l help -d 'Показать эту справку'
complete -c ezh -n "__fish_ezh_using_subcommand user; and __fish_seen_subcommand_from token" -l db -d 'Адрес базы данных: путь к файлу SQLite, sqlite://ПУТЬ или postgres://…' -r
complete -c ezh -n "__fish_ezh_using_subcommand user; and __fish_seen_subcommand_from token" -l config -d 'Файл настроек (TOML) вместо ~/.config/ezh/config.toml [переменная окружения: EZH_CONFIG]' -r -F
complete -c ezh -n "__fish_ezh_using_subcommand user; and __fish_seen_subcommand_from token" -s h -l help -d 'Показать эту справку'
complete -c ezh -n "__fish_ezh_using_subcommand user; and __fish_seen_subcommand_from token" -f -a "create" -d 'Создать токен (печатается один раз)'
complete -c ezh -n "__fish_ezh_using_subcommand user; and __fish_seen_subcommand_from issue-codes" -l group -d 'Группа, обучающимся и родителям которой выдаются коды' -r
complete -c ezh -n "__fish_ezh_using_subcommand user; and __fish_seen_subcommand_from issue-codes" -l user -d 'Один сотрудник по логину' -r
complete -c ezh -n "__fish_ezh_using_subcommand user; and __fish_seen_subcommand_from issue-codes" -l format -d 'Формат листа: table, csv, xlsx, pdf, json (как у ezh report access-codes) [варианты: table, csv, xlsx, pdf, json] [по умолчанию: table]' -r -f -a "table\t'Таблица в терминале'
csv\t'CSV (для Excel: UTF-8 с BOM и «;»)'
xlsx\t'Книга Excel'
pdf\t'PDF, A4'
json\t'JSON'"
complete -c ezh -n "__fish_ezh_using_subcommand user; and __fish_seen_subcommand_from issue-codes" -s o -l output -d 'Записать лист в файл' -r -F
complete -c ezh -n "__fish_ezh_using_subcommand user; and __fish_seen_subcommand_from issue-codes" -l db -d 'Адрес базы данных: путь к файлу SQLite, sqlite://ПУТЬ или postgres://…' -r
complete -c ezh -n "__fish_ezh_using_subcommand user; and __fish_seen_subcommand_from issue-codes" -l config -d 'Файл настроек (TOML) вместо ~/.config/ezh/config.toml [переменная окружения: EZH_CONFIG]' -r -F
complete -c ezh -n "__fish_ezh_using_subcommand user; and __fish_seen_subcommand_from issue-codes" -l students -d 'Только обучающимся группы'
complete -c ezh -n "__fish_ezh_using_subcommand user; and __fish_seen_subcommand_from issue-codes" -l guardians -d 'Только родителям'
complete -c ezh -n "__fish_ezh_using_subcommand user; and __fish_seen_subcommand_from issue-codes" -l staff -d 'Сотрудникам (администратор)'
complete -c ezh -n "__fish_ezh_using_subcommand user; and __fish_seen_subcommand_from issue-codes" -s h -l help -d 'Показать эту справку'
complete -c ezh -n "__fish_ezh_using_subcommand passwd" -l db -d 'Адрес базы данных: путь к файлу SQLite, sqlite://ПУТЬ или postgres://…' -r
complete -c ezh -n "__fish_ezh_using_subcommand passwd" -l config -d 'Файл настроек (TOML) вместо ~/.config/ezh/config.toml [переменная окружения: EZH_CONFIG]' -r -F
complete -c ezh -n "__fish_ezh_using_subcommand passwd" -l password-stdin -d 'Прочитать текущий и новый пароль со стандартного ввода (две строки)'
complete -c ezh -n "__fish_ezh_using_subcommand passwd" -s h -l help -d 'Показать эту справку'
complete -c ezh -n "__fish_ezh_using_subcommand mark; and not __fish_seen_subcommand_from set" -l db -d 'Адрес базы данных: путь к файлу SQLite, sqlite://ПУТЬ или postgres://…' -r
complete -c ezh -n "__fish_ezh_using_subcommand mark; and not __fish_seen_subcommand_from set" -l config -d 'Файл настроек (TOML) вместо ~/.config/ezh/config.toml [переменная окружения: EZH_CONFIG]' -r -F
complete -c ezh -n "__fish_ezh_using_subcommand mark; and not __fish_seen_subcommand_from set" -s h -l help -d 'Показать эту справку'
complete -c ezh -n "__fish_ezh_using_subcommand mark; and not __fish_seen_subcommand_from set" -f -a "set" -d 'Поставить, изменить или удалить отметку обучающегося за занятие'
complete -c ezh -n "__fish_ezh_using_subcommand mark; and __fish_seen_subcommand_from set" -l group -d 'Группа' -r
complete -c ezh -n "__fish_ezh_using_subcommand mark; and __fish_seen_subcommand_from set" -l subject -d 'Дисциплина' -r
complete -c ezh -n "__fish_ezh_using_subcommand mark; and __fish_seen_subcommand_from set" -l date -d 'Дата занятия: ДД.ММ.ГГГГ' -r
complete -c ezh -n "__fish_ezh_using_subcommand mark; and __fish_seen_subcommand_from set" -l pair -d 'Пара (если в этот день занятий несколько)' -r
complete -c ezh -n "__fish_ezh_using_subcommand mark; and __fish_seen_subcommand_from set" -l student -d 'Обучающийся: номер зачётной книжки или ФИО' -r
complete -c ezh -n "__fish_ezh_using_subcommand mark; and __fish_seen_subcommand_from set" -l kind -d 'Вид работы (ответ, контрольная работа…); без него — единственная отметка клетки' -r
complete -c ezh -n "__fish_ezh_using_subcommand mark; and __fish_seen_subcommand_from set" -l reason -d 'Причина: после срока внесения и в закрытом семестре обязательна' -r
complete -c ezh -n "__fish_ezh_using_subcommand mark; and __fish_seen_subcommand_from set" -l db -d 'Адрес базы данных: путь к файлу SQLite, sqlite://ПУТЬ или postgres://…' -r
complete -c ezh -n "__fish_ezh_using_subcommand mark; and __fish_seen_subcommand_from set" -l config -d 'Файл настроек (TOML) вместо ~/.config/ezh/config.toml [переменная окружения: EZH_CONFIG]' -r -F
complete -c ezh -n "__fish_ezh_using_subcommand mark; and __fish_seen_subcommand_from set" -s h -l help -d 'Показать эту справку'
complete -c ezh -n "__fish_ezh_using_subcommand diary" -l student -d 'Обучающийся: номер, номер зачётной книжки или «Фамилия Имя»' -r
complete -c ezh -n "__fish_ezh_using_subcommand diary" -l date -d 'Дата внутри учебного периода (по умолчанию сегодня)' -r
complete -c ezh -n "__fish_ezh_using_subcommand diary" -l db -d 'Адрес базы данных: путь к файлу SQLite, sqlite://ПУТЬ или postgres://…' -r
complete -c ezh -n "__fish_ezh_using_subcommand diary" -l config -d 'Файл настроек (TOML) вместо ~/.config/ezh/config.toml [переменная окружения: EZH_CONFIG]' -r -F
complete -c ezh -n "__fish_ezh_using_subcommand diary" -s h -l help -d 'Показать эту справку'
complete -c ezh -n "__fish_ezh_using_subcommand mail; and not __fish_seen_subcommand_from send inbox read" -l db -d 'Адрес базы данных: путь к файлу SQLite, sqlite://ПУТЬ или postgres://…' -r
complete -c ezh -n "__fish_ezh_using_subcommand mail; and not __fish_seen_subcommand_from send inbox read" -l config -d 'Файл настроек (TOML) вместо ~/.config/ezh/config.toml [переменная окружения: EZH_CONFIG]' -r -F
complete -c ezh -n "__fish_ezh_using_subcommand mail; and not __fish_seen_subcommand_from send inbox read" -s h -l help -d 'Показать эту справку'
complete -c ezh -n "__fish_ezh_using_subcommand mail; and not __fish_seen_subcommand_from send inbox read" -f -a "send" -d 'Написать письмо (текст — из --body или со стандартного ввода)'
complete -c ezh -n "__fish_ezh_using_subcommand mail; and not __fish_seen_subcommand_from send inbox read" -f -a "inbox" -d 'Входящие письма, новые отмечены «●»'
complete -c ezh -n "__fish_ezh_using_subcommand mail; and not __fish_seen_subcommand_from send inbox read" -f -a "read" -d 'Прочитать письмо (отмечается прочитанным)'
complete -c ezh -n "__fish_ezh_using_subcommand mail; and __fish_seen_subcommand_from send" -l to -d 'Логины получателей через запятую' -r
complete -c ezh -n "__fish_ezh_using_subcommand mail; and __fish_seen_subcommand_from send" -l subject -d 'Тема' -r
complete -c ezh -n "__fish_ezh_using_subcommand mail; and __fish_seen_subcommand_from send" -l body -d 'Текст; без него читается стандартный ввод' -r
complete -c ezh -n "__fish_ezh_using_subcommand mail; and __fish_seen_subcommand_from send" -l db -d 'Адрес базы данных: путь к файлу SQLite, sqlite://ПУТЬ или postgres://…' -r
complete -c ezh -n "__fish_ezh_using_subcommand mail; and __fish_seen_subcommand_from send" -l config -d 'Файл настроек (TOML) вместо ~/.config/ezh/config.toml [переменная окружения: EZH_CONFIG]' -r -F
complete -c ezh -n "__fish_ezh_using_subcommand mail; and __fish_seen_subcommand_from send" -s h -l help -d 'Показать эту справку'
complete -c ezh -n "__fish_ezh_using_subcommand mail; and __fish_seen_subcommand_from inbox" -l format -d 'Формат: table, csv или json [варианты: table, csv, json] [по умолчанию: table]' -r -f -a "table\t'Таблица в терминале'
csv\t'CSV для Excel (UTF-8 с BOM, «;»)'
json\t'JSON: массив объектов'"
complete -c ezh -n "__fish_ezh_using_subcommand mail; and __fish_seen_subcommand_from inbox" -l db -d 'Адрес базы данных: путь к файлу SQLite, sqlite://ПУТЬ или postgres://…' -r
complete -c ezh -n "__fish_ezh_using_subcommand mail; and __fish_seen_subcommand_from inbox" -l config -d 'Файл настроек (TOML) вместо ~/.config/ezh/config.toml [переменная окружения: EZH_CONFIG]' -r -F
complete -c ezh -n "__fish_ezh_using_subcommand mail; and __fish_seen_subcommand_from inbox" -s h -l help -d 'Показать эту справку'
complete -c ezh -n "__fish_ezh_using_subcommand mail; and __fish_seen_subcommand_from read" -l db -d 'Адрес базы данных: путь к файлу SQLite, sqlite://ПУТЬ или postgres://…' -r
complete -c ezh -n "__fish_ezh_using_subcommand mail; and __fish_seen_subcommand_from read" -l config -d 'Файл настроек (TOML) вместо ~/.config/ezh/config.toml [переменная окружения: EZH_CONFIG]' -r -F
complete -c ezh -n "__fish_ezh_using_subcommand mail; and __fish_seen_subcommand_from read" -s h -l help -d 'Показать эту справку'
complete -c ezh -n "__fish_ezh_using_subcommand notify; and not __fish_seen_subcommand_from run status retry prefs" -l db -d 'Адрес базы данных: путь к файлу SQLite, sqlite://ПУТЬ или postgres://…' -r
complete -c ezh -n "__fish_ezh_using_subcommand notify; and not __fish_seen_subcommand_from run status retry prefs" -l config -d 'Файл настроек (TOML) вместо ~/.config/ezh/config.toml [переменная окружения: EZH_CONFIG]' -r -F
complete -c ezh -n "__fish_ezh_using_subcommand notify; and not __fish_seen_subcommand_from run status retry prefs" -s h -l help -d 'Показать эту справку'
complete -c ezh -n "__fish_ezh_using_subcommand notify; and not __fish_seen_subcommand_from run status retry prefs" -f -a "run" -d 'Составить и отправить уведомления (для cron: каждые 15 минут или каждый час)'
complete -c ezh -n "__fish_ezh_using_subcommand notify; and not __fish_seen_subcommand_from run status retry prefs" -f -a "status" -d 'Очередь уведомлений: сколько отправлено, что не доставлено, последние запуски'
complete -c ezh -n "__fish_ezh_using_subcommand notify; and not __fish_seen_subcommand_from run status retry prefs" -f -a "retry" -d 'Вернуть в очередь недоставленные уведомления (все или одно по номеру)'
complete -c ezh -n "__fish_ezh_using_subcommand notify; and not __fish_seen_subcommand_from run status retry prefs" -f -a "prefs" -d 'Какие уведомления получать: без аргументов — список; «ВИД вкл|выкл» — изменить'
complete -c ezh -n "__fish_ezh_using_subcommand notify; and __fish_seen_subcommand_from run" -l date -d 'Работать так, будто сейчас эта дата и время: «ДД.ММ.ГГГГ» или «ДД.ММ.ГГГГ ЧЧ:ММ» (только в демо)' -r
complete -c ezh -n "__fish_ezh_using_subcommand notify; and __fish_seen_subcommand_from run" -l db -d 'Адрес базы данных: путь к файлу SQLite, sqlite://ПУТЬ или postgres://…' -r
complete -c ezh -n "__fish_ezh_using_subcommand notify; and __fish_seen_subcommand_from run" -l config -d 'Файл настроек (TOML) вместо ~/.config/ezh/config.toml [переменная окружения: EZH_CONFIG]' -r -F
complete -c ezh -n "__fish_ezh_using_subcommand notify; and __fish_seen_subcommand_from run" -l dry-run -d 'Показать, что будет поставлено в очередь, ничего не отправляя'
complete -c ezh -n "__fish_ezh_using_subcommand notify; and __fish_seen_subcommand_from run" -l internal-only -d 'Без почтового сервера: только во внутреннюю почту журнала'
complete -c ezh -n "__fish_ezh_using_subcommand notify; and __fish_seen_subcommand_from run" -s h -l help -d 'Показать эту справку'
complete -c ezh -n "__fish_ezh_using_subcommand notify; and __fish_seen_subcommand_from status" -l format -d 'Формат: table, csv или json [варианты: table, csv, json] [по умолчанию: table]' -r -f -a "table\t'Таблица в терминале'
csv\t'CSV для Excel (UTF-8 с BOM, «;»)'
json\t'JSON: массив объектов'"
complete -c ezh -n "__fish_ezh_using_subcommand notify; and __fish_seen_subcommand_from status" -l db -d 'Адрес базы данных: путь к файлу SQLite, sqlite://ПУТЬ или postgres://…' -r
complete -c ezh -n "__fish_ezh_using_subcommand notify; and __fish_seen_subcommand_from status" -l config -d 'Файл настроек (TOML) вместо ~/.config/ezh/config.toml [переменная окружения: EZH_CONFIG]' -r -F
complete -c ezh -n "__fish_ezh_using_subcommand notify; and __fish_seen_subcommand_from status" -s h -l help -d 'Показать эту справку'
complete -c ezh -n "__fish_ezh_using_subcommand notify; and __fish_seen_subcommand_from retry" -l db -d 'Адрес базы данных: путь к файлу SQLite, sqlite://ПУТЬ или postgres://…' -r
complete -c ezh -n "__fish_ezh_using_subcommand notify; and __fish_seen_subcommand_from retry" -l config -d 'Файл настроек (TOML) вместо ~/.config/ezh/config.toml [переменная окружения: EZH_CONFIG]' -r -F
complete -c ezh -n "__fish_ezh_using_subcommand notify; and __fish_seen_subcommand_from retry" -s h -l help -d 'Показать эту справку'
complete -c ezh -n "__fish_ezh_using_subcommand notify; and __fish_seen_subcommand_from prefs" -l db -d 'Адрес базы данных: путь к файлу SQLite, sqlite://ПУТЬ или postgres://…' -r
complete -c ezh -n "__fish_ezh_using_subcommand notify; and __fish_seen_subcommand_from prefs" -l config -d 'Файл настроек (TOML) вместо ~/.config/ezh/config.toml [переменная окружения: EZH_CONFIG]' -r -F
complete -c ezh -n "__fish_ezh_using_subcommand notify; and __fish_seen_subcommand_from prefs" -s h -l help -d 'Показать эту справку'
complete -c ezh -n "__fish_ezh_using_subcommand announce" -l group -d 'Группа; без неё — для всего техникума (администрация)' -r
complete -c ezh -n "__fish_ezh_using_subcommand announce" -l title -d 'Заголовок' -r
complete -c ezh -n "__fish_ezh_using_subcommand announce" -l body -d 'Текст [по умолчанию: ""]' -r
complete -c ezh -n "__fish_ezh_using_subcommand announce" -l until -d 'Показывать до этой даты включительно (ДД.ММ.ГГГГ или ГГГГ-ММ-ДД)' -r
complete -c ezh -n "__fish_ezh_using_subcommand announce" -l db -d 'Адрес базы данных: путь к файлу SQLite, sqlite://ПУТЬ или postgres://…' -r
complete -c ezh -n "__fish_ezh_using_subcommand announce" -l config -d 'Файл настроек (TOML) вместо ~/.config/ezh/config.toml [переменная окружения: EZH_CONFIG]' -r -F
complete -c ezh -n "__fish_ezh_using_subcommand announce" -s h -l help -d 'Показать эту справку'
complete -c ezh -n "__fish_ezh_using_subcommand report; and not __fish_seen_subcommand_from batch" -l group -d 'Группа' -r
complete -c ezh -n "__fish_ezh_using_subcommand report; and not __fish_seen_subcommand_from batch" -l subject -d 'Дисциплина' -r
complete -c ezh -n "__fish_ezh_using_subcommand report; and not __fish_seen_subcommand_from batch" -l teacher -d 'Преподаватель (логин); для access-codes — сотрудник' -r
complete -c ezh -n "__fish_ezh_using_subcommand report; and not __fish_seen_subcommand_from batch" -l term -d 'Номер учебного периода (семестра) в учебном году' -r
complete -c ezh -n "__fish_ezh_using_subcommand report; and not __fish_seen_subcommand_from batch" -l month -d 'Месяц, ГГГГ-ММ' -r
complete -c ezh -n "__fish_ezh_using_subcommand report; and not __fish_seen_subcommand_from batch" -l from -d 'С даты' -r
complete -c ezh -n "__fish_ezh_using_subcommand report; and not __fish_seen_subcommand_from batch" -l to -d 'По дату' -r
complete -c ezh -n "__fish_ezh_using_subcommand report; and not __fish_seen_subcommand_from batch" -l student -d 'Обучающийся (для прогноза): номер или «Фамилия Имя»' -r
complete -c ezh -n "__fish_ezh_using_subcommand report; and not __fish_seen_subcommand_from batch" -l date -d 'Дата составления отчёта (по умолчанию сегодня)' -r
complete -c ezh -n "__fish_ezh_using_subcommand report; and not __fish_seen_subcommand_from batch" -l format -d 'Формат: table, csv, xlsx, pdf, json [варианты: table, csv, xlsx, pdf, json] [по умолчанию: table]' -r -f -a "table\t'Таблица в терминале'
csv\t'CSV (для Excel: UTF-8 с BOM и «;»)'
xlsx\t'Книга Excel'
pdf\t'PDF, A4'
json\t'JSON'"
complete -c ezh -n "__fish_ezh_using_subcommand report; and not __fish_seen_subcommand_from batch" -s o -l output -d 'Записать в файл вместо стандартного вывода' -r -F
complete -c ezh -n "__fish_ezh_using_subcommand report; and not __fish_seen_subcommand_from batch" -l excel -d 'CSV для Excel (BOM, «;»); --excel=false — обычный CSV с «,» [варианты: true, false] [по умолчанию: true]' -r -f -a "true\t''
false\t''"
complete -c ezh -n "__fish_ezh_using_subcommand report; and not __fish_seen_subcommand_from batch" -l db -d 'Адрес базы данных: путь к файлу SQLite, sqlite://ПУТЬ или postgres://…' -r
complete -c ezh -n "__fish_ezh_using_subcommand report; and not __fish_seen_subcommand_from batch" -l config -d 'Файл настроек (TOML) вместо ~/.config/ezh/config.toml [переменная окружения: EZH_CONFIG]' -r -F
complete -c ezh -n "__fish_ezh_using_subcommand report; and not __fish_seen_subcommand_from batch" -l year -d 'Весь учебный год вместо семестра (для отчёта quality)'
complete -c ezh -n "__fish_ezh_using_subcommand report; and not __fish_seen_subcommand_from batch" -s h -l help -d 'Показать эту справку'
complete -c ezh -n "__fish_ezh_using_subcommand report; and not __fish_seen_subcommand_from batch" -a "batch" -d 'Все ежемесячные отчёты, доступные вам: по файлу на отчёт и группу'
complete -c ezh -n "__fish_ezh_using_subcommand report; and __fish_seen_subcommand_from batch" -l month -d 'Месяц, ГГГГ-ММ' -r
complete -c ezh -n "__fish_ezh_using_subcommand report; and __fish_seen_subcommand_from batch" -l out -d 'Папка для файлов' -r -F
complete -c ezh -n "__fish_ezh_using_subcommand report; and __fish_seen_subcommand_from batch" -l format -d 'Форматы через запятую: pdf,xlsx,csv,json [варианты: table, csv, xlsx, pdf, json] [по умолчанию: pdf,xlsx]' -r -f -a "table\t'Таблица в терминале'
csv\t'CSV (для Excel: UTF-8 с BOM и «;»)'
xlsx\t'Книга Excel'
pdf\t'PDF, A4'
json\t'JSON'"
complete -c ezh -n "__fish_ezh_using_subcommand report; and __fish_seen_subcommand_from batch" -l date -d 'Дата составления (по умолчанию сегодня)' -r
complete -c ezh -n "__fish_ezh_using_subcommand report; and __fish_seen_subcommand_from batch" -l db -d 'Адрес базы данных: путь к файлу SQLite, sqlite://ПУТЬ или postgres://…' -r
complete -c ezh -n "__fish_ezh_using_subcommand report; and __fish_seen_subcommand_from batch" -l config -d 'Файл настроек (TOML) вместо ~/.config/ezh/config.toml [переменная окружения: EZH_CONFIG]' -r -F
complete -c ezh -n "__fish_ezh_using_subcommand report; and __fish_seen_subcommand_from batch" -s h -l help -d 'Показать эту справку'
complete -c ezh -n "__fish_ezh_using_subcommand audit; and not __fish_seen_subcommand_from verify" -l student -d 'Только изменения по этому обучающемуся (номер)' -r
complete -c ezh -n "__fish_ezh_using_subcommand audit; and not __fish_seen_subcommand_from verify" -l user -d 'Только изменения, сделанные этим пользователем (логин)' -r
complete -c ezh -n "__fish_ezh_using_subcommand audit; and not __fish_seen_subcommand_from verify" -l since -d 'Начиная с даты (ДД.ММ.ГГГГ или ГГГГ-ММ-ДД)' -r
complete -c ezh -n "__fish_ezh_using_subcommand audit; and not __fish_seen_subcommand_from verify" -l limit -d 'Сколько последних записей показать [по умолчанию: 100]' -r
complete -c ezh -n "__fish_ezh_using_subcommand audit; and not __fish_seen_subcommand_from verify" -l format -d 'Формат: table, csv или json [варианты: table, csv, json] [по умолчанию: table]' -r -f -a "table\t'Таблица в терминале'
csv\t'CSV для Excel (UTF-8 с BOM, «;»)'
json\t'JSON: массив объектов'"
complete -c ezh -n "__fish_ezh_using_subcommand audit; and not __fish_seen_subcommand_from verify" -l db -d 'Адрес базы данных: путь к файлу SQLite, sqlite://ПУТЬ или postgres://…' -r
complete -c ezh -n "__fish_ezh_using_subcommand audit; and not __fish_seen_subcommand_from verify" -l config -d 'Файл настроек (TOML) вместо ~/.config/ezh/config.toml [переменная окружения: EZH_CONFIG]' -r -F
complete -c ezh -n "__fish_ezh_using_subcommand audit; and not __fish_seen_subcommand_from verify" -s h -l help -d 'Показать эту справку'
complete -c ezh -n "__fish_ezh_using_subcommand audit; and not __fish_seen_subcommand_from verify" -f -a "verify" -d 'Проверить журнал изменений: цепочку хешей, печать ключом и записи журнала по их истории'
complete -c ezh -n "__fish_ezh_using_subcommand audit; and __fish_seen_subcommand_from verify" -l head -d 'Проверить, что голова с ведомости (номер:хеш, например 1234:9f3a0c1b) есть в цепочке' -r
complete -c ezh -n "__fish_ezh_using_subcommand audit; and __fish_seen_subcommand_from verify" -l db -d 'Адрес базы данных: путь к файлу SQLite, sqlite://ПУТЬ или postgres://…' -r
complete -c ezh -n "__fish_ezh_using_subcommand audit; and __fish_seen_subcommand_from verify" -l config -d 'Файл настроек (TOML) вместо ~/.config/ezh/config.toml [переменная окружения: EZH_CONFIG]' -r -F
complete -c ezh -n "__fish_ezh_using_subcommand audit; and __fish_seen_subcommand_from verify" -s h -l help -d 'Показать эту справку'
complete -c ezh -n "__fish_ezh_using_subcommand tui" -l today -d 'Показывать журнал на эту дату (ДД.ММ.ГГГГ или ГГГГ-ММ-ДД); только в демо, сроки — по часам сервера' -r
complete -c ezh -n "__fish_ezh_using_subcommand tui" -l db -d 'Адрес базы данных: путь к файлу SQLite, sqlite://ПУТЬ или postgres://…' -r
complete -c ezh -n "__fish_ezh_using_subcommand tui" -l config -d 'Файл настроек (TOML) вместо ~/.config/ezh/config.toml [переменная окружения: EZH_CONFIG]' -r -F
complete -c ezh -n "__fish_ezh_using_subcommand tui" -s h -l help -d 'Показать эту справку'
complete -c ezh -n "__fish_ezh_using_subcommand help" -l db -d 'Адрес базы данных: путь к файлу SQLite, sqlite://ПУТЬ или postgres://…' -r
complete -c ezh -n "__fish_ezh_using_subcommand help" -l config -d 'Файл настроек (TOML) вместо ~/.config/ezh/config.toml [переменная окружения: EZH_CONFIG]' -r -F
complete -c ezh -n "__fish_ezh_using_subcommand help" -s h -l help -d 'Показать эту справку'
complete -c ezh -n "__fish_ezh_using_subcommand completions" -l db -d 'Адрес базы данных: путь к файлу SQLite, sqlite://ПУТЬ или postgres://…' -r
complete -c ezh -n "__fish_ezh_using_subcommand completions" -l config -d 'Файл настроек (TOML) вместо ~/.config/ezh/config.toml [переменная окружения: EZH_CONFIG]' -r -F
complete -c ezh -n "__fish_ezh_using_subcommand completions" -s h -l help -d 'Показать эту справку'
complete -c ezh -n "__fish_ezh_using_subcommand man" -l db -d 'Адрес базы данных: путь к файлу SQLite, sqlite://ПУТЬ или postgres://…' -r
complete -c ezh -n "__fish_ezh_using_subcommand man" -l config -d 'Файл настроек (TOML) вместо ~/.config/ezh/config.toml [переменная окружения: EZH_CONFIG]' -r -F
complete -c ezh -n "__fish_ezh_using_subcommand man" -s h -l help -d 'Показать эту справку'
