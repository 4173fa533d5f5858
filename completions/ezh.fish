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
complete -c ezh -n "__fish_ezh_needs_command" -l config -d 'Файл настроек (TOML) вместо ~/.config/ezh/config.toml' -r -F
complete -c ezh -n "__fish_ezh_needs_command" -s h -l help -d 'Print help'
complete -c ezh -n "__fish_ezh_needs_command" -s V -l version -d 'Print version'
complete -c ezh -n "__fish_ezh_needs_command" -f -a "init" -d 'Создать базу данных журнала и первого администратора'
complete -c ezh -n "__fish_ezh_needs_command" -f -a "demo" -d 'Создать демонстрационный техникум (группы, студенты, расписание, оценки)'
complete -c ezh -n "__fish_ezh_needs_command" -f -a "db" -d 'Обслуживание базы данных: миграции, резервные копии'
complete -c ezh -n "__fish_ezh_needs_command" -f -a "tui" -d 'Открыть журнал (экранный режим)'
complete -c ezh -n "__fish_ezh_needs_command" -f -a "completions" -d 'Вывести сценарий автодополнения для оболочки'
complete -c ezh -n "__fish_ezh_using_subcommand init" -l college -d 'Полное название техникума (для шапок ведомостей)' -r
complete -c ezh -n "__fish_ezh_using_subcommand init" -l short-name -d 'Краткое название' -r
complete -c ezh -n "__fish_ezh_using_subcommand init" -l city -d 'Город' -r
complete -c ezh -n "__fish_ezh_using_subcommand init" -l login -d 'Логин администратора' -r
complete -c ezh -n "__fish_ezh_using_subcommand init" -l last-name -d 'Фамилия администратора' -r
complete -c ezh -n "__fish_ezh_using_subcommand init" -l first-name -d 'Имя администратора' -r
complete -c ezh -n "__fish_ezh_using_subcommand init" -l db -d 'Адрес базы данных: путь к файлу SQLite, sqlite://ПУТЬ или postgres://…' -r
complete -c ezh -n "__fish_ezh_using_subcommand init" -l config -d 'Файл настроек (TOML) вместо ~/.config/ezh/config.toml' -r -F
complete -c ezh -n "__fish_ezh_using_subcommand init" -l password-stdin -d 'Прочитать пароль администратора со стандартного ввода (одна строка)'
complete -c ezh -n "__fish_ezh_using_subcommand init" -s h -l help -d 'Print help'
complete -c ezh -n "__fish_ezh_using_subcommand demo" -l size -d 'Размер: small (4 группы, секунды) или large (120 групп, учебный год — для замеров)' -r -f -a "small\t'About 4 groups and 100 students, lessons from September up to today: seconds'
large\t'120 groups, 3,000 students, 300 teachers and a whole academic year of lessons: for benchmarks'"
complete -c ezh -n "__fish_ezh_using_subcommand demo" -l today -d '«Сегодняшняя» дата демо (ДД.ММ.ГГГГ или ГГГГ-ММ-ДД); по умолчанию — сегодня' -r
complete -c ezh -n "__fish_ezh_using_subcommand demo" -l seed -d 'Зерно генератора случайных чисел' -r
complete -c ezh -n "__fish_ezh_using_subcommand demo" -l db -d 'Адрес базы данных: путь к файлу SQLite, sqlite://ПУТЬ или postgres://…' -r
complete -c ezh -n "__fish_ezh_using_subcommand demo" -l config -d 'Файл настроек (TOML) вместо ~/.config/ezh/config.toml' -r -F
complete -c ezh -n "__fish_ezh_using_subcommand demo" -l force -d 'Заменить уже существующий журнал в этой базе данных'
complete -c ezh -n "__fish_ezh_using_subcommand demo" -l open -d 'После создания открыть журнал'
complete -c ezh -n "__fish_ezh_using_subcommand demo" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ezh -n "__fish_ezh_using_subcommand db; and not __fish_seen_subcommand_from migrate status backup restore" -l db -d 'Адрес базы данных: путь к файлу SQLite, sqlite://ПУТЬ или postgres://…' -r
complete -c ezh -n "__fish_ezh_using_subcommand db; and not __fish_seen_subcommand_from migrate status backup restore" -l config -d 'Файл настроек (TOML) вместо ~/.config/ezh/config.toml' -r -F
complete -c ezh -n "__fish_ezh_using_subcommand db; and not __fish_seen_subcommand_from migrate status backup restore" -s h -l help -d 'Print help'
complete -c ezh -n "__fish_ezh_using_subcommand db; and not __fish_seen_subcommand_from migrate status backup restore" -f -a "migrate" -d 'Применить новые миграции схемы'
complete -c ezh -n "__fish_ezh_using_subcommand db; and not __fish_seen_subcommand_from migrate status backup restore" -f -a "status" -d 'Показать миграции и применены ли они'
complete -c ezh -n "__fish_ezh_using_subcommand db; and not __fish_seen_subcommand_from migrate status backup restore" -f -a "backup" -d 'Сделать согласованную резервную копию (можно во время работы других)'
complete -c ezh -n "__fish_ezh_using_subcommand db; and not __fish_seen_subcommand_from migrate status backup restore" -f -a "restore" -d 'Восстановить базу из резервной копии (все пользователи должны выйти из журнала)'
complete -c ezh -n "__fish_ezh_using_subcommand db; and __fish_seen_subcommand_from migrate" -l db -d 'Адрес базы данных: путь к файлу SQLite, sqlite://ПУТЬ или postgres://…' -r
complete -c ezh -n "__fish_ezh_using_subcommand db; and __fish_seen_subcommand_from migrate" -l config -d 'Файл настроек (TOML) вместо ~/.config/ezh/config.toml' -r -F
complete -c ezh -n "__fish_ezh_using_subcommand db; and __fish_seen_subcommand_from migrate" -s h -l help -d 'Print help'
complete -c ezh -n "__fish_ezh_using_subcommand db; and __fish_seen_subcommand_from status" -l db -d 'Адрес базы данных: путь к файлу SQLite, sqlite://ПУТЬ или postgres://…' -r
complete -c ezh -n "__fish_ezh_using_subcommand db; and __fish_seen_subcommand_from status" -l config -d 'Файл настроек (TOML) вместо ~/.config/ezh/config.toml' -r -F
complete -c ezh -n "__fish_ezh_using_subcommand db; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help'
complete -c ezh -n "__fish_ezh_using_subcommand db; and __fish_seen_subcommand_from backup" -l db -d 'Адрес базы данных: путь к файлу SQLite, sqlite://ПУТЬ или postgres://…' -r
complete -c ezh -n "__fish_ezh_using_subcommand db; and __fish_seen_subcommand_from backup" -l config -d 'Файл настроек (TOML) вместо ~/.config/ezh/config.toml' -r -F
complete -c ezh -n "__fish_ezh_using_subcommand db; and __fish_seen_subcommand_from backup" -s h -l help -d 'Print help'
complete -c ezh -n "__fish_ezh_using_subcommand db; and __fish_seen_subcommand_from restore" -l db -d 'Адрес базы данных: путь к файлу SQLite, sqlite://ПУТЬ или postgres://…' -r
complete -c ezh -n "__fish_ezh_using_subcommand db; and __fish_seen_subcommand_from restore" -l config -d 'Файл настроек (TOML) вместо ~/.config/ezh/config.toml' -r -F
complete -c ezh -n "__fish_ezh_using_subcommand db; and __fish_seen_subcommand_from restore" -l yes -d 'Не спрашивать подтверждения'
complete -c ezh -n "__fish_ezh_using_subcommand db; and __fish_seen_subcommand_from restore" -s h -l help -d 'Print help'
complete -c ezh -n "__fish_ezh_using_subcommand tui" -l db -d 'Адрес базы данных: путь к файлу SQLite, sqlite://ПУТЬ или postgres://…' -r
complete -c ezh -n "__fish_ezh_using_subcommand tui" -l config -d 'Файл настроек (TOML) вместо ~/.config/ezh/config.toml' -r -F
complete -c ezh -n "__fish_ezh_using_subcommand tui" -s h -l help -d 'Print help'
complete -c ezh -n "__fish_ezh_using_subcommand completions" -l db -d 'Адрес базы данных: путь к файлу SQLite, sqlite://ПУТЬ или postgres://…' -r
complete -c ezh -n "__fish_ezh_using_subcommand completions" -l config -d 'Файл настроек (TOML) вместо ~/.config/ezh/config.toml' -r -F
complete -c ezh -n "__fish_ezh_using_subcommand completions" -s h -l help -d 'Print help'
